/**
 * Importing a file (a branch's roster, an organisation tree): pick a file (checked on the phone first),
 * upload it to storage, and let the function apply all its rows or none; the report says what was or
 * would be changed.
 */
import { useCallback, useState } from 'react'
import { type LocalFile, localFileProblem, uploadFile } from '../../api/upload'
import type { Reply } from '../../shared/errors'
import type { UploadKind } from '../../shared/files'
import { refusalNotice, type NoticeMessage } from './Notice'

/**
 * `send`: the import action, given the stored file's id; `refresh`: ask for the page's list again keeping
 * it on screen (after an import that changed it).
 */
export function useFileImport<R extends { applied: boolean }>(
  kind: UploadKind,
  send: ((fileId: string) => Promise<Reply<R>>) | undefined,
  refresh: () => Promise<unknown>,
) {
  const [picked, setPicked] = useState<LocalFile>()
  const [importing, setImporting] = useState(false)
  const [report, setReport] = useState<R>()
  const [message, setMessage] = useState<NoticeMessage>()

  /** Another node or branch: nothing left over from the last one's import. */
  const reset = useCallback(() => {
    setPicked(undefined)
    setReport(undefined)
    setMessage(undefined)
  }, [])

  const choose = (file: LocalFile) => {
    setReport(undefined)
    const problem = localFileProblem(kind, file)
    if (problem) {
      setPicked(undefined)
      setMessage({ tone: 'error', text: problem })
      return
    }
    setMessage(undefined)
    setPicked(file)
  }

  /** A file the picker could not hand over. */
  const pickProblem = (text: string) => setMessage({ tone: 'error', text })

  const start = async () => {
    if (!send || !picked || importing) return
    setImporting(true)
    setMessage(undefined)
    try {
      // phone → storage → file id → the function: the file's bytes never ride in the payload
      const uploaded = await uploadFile(kind, picked)
      const reply = uploaded.ok ? await send(uploaded.data.fileId) : uploaded
      if (!reply.ok) return setMessage(refusalNotice(reply))
      setReport(reply.data)
      setPicked(undefined)
      if (reply.data.applied) await refresh()
    } finally {
      setImporting(false)
    }
  }

  return { picked, importing, report, message, reset, choose, pickProblem, start }
}

export type FileImport<R extends { applied: boolean }> = ReturnType<typeof useFileImport<R>>
