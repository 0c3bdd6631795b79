/**
 * Importing a branch's roster: pick a file (checked on the phone first), upload it to storage, and
 * let member.importRoster apply all its rows or none; the report says what was or would be changed.
 */
import { useCallback, useState } from 'react'
import { call } from '../../api/client'
import { type LocalFile, localFileProblem, uploadFile } from '../../api/upload'
import type { ImportReport } from '../../shared/contract'
import { refusalNotice, type NoticeMessage } from '../components'

/** `refresh`: ask for the roster again keeping it on screen (after an import that changed it). */
export function useRosterImport(branchId: string | undefined, refresh: () => Promise<unknown>) {
  const [picked, setPicked] = useState<LocalFile>()
  const [importing, setImporting] = useState(false)
  const [report, setReport] = useState<ImportReport>()
  const [message, setMessage] = useState<NoticeMessage>()

  /** Another branch: nothing left over from the last one's import. */
  const reset = useCallback(() => {
    setPicked(undefined)
    setReport(undefined)
    setMessage(undefined)
  }, [])

  const choose = (file: LocalFile) => {
    setReport(undefined)
    const problem = localFileProblem('roster', file)
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
    if (!branchId || !picked || importing) return
    setImporting(true)
    setMessage(undefined)
    try {
      // phone → storage → file id → the function: the file's bytes never ride in the payload
      const uploaded = await uploadFile('roster', picked)
      const reply = uploaded.ok ? await call('member', 'importRoster', { branchId, ...uploaded.data }) : uploaded
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

export type RosterImport = ReturnType<typeof useRosterImport>
