/** One action of a manage page at a time: busy while it runs, its outcome (or the server's refusal, as worded). */
import { useState } from 'react'
import type { Reply } from '../../shared/errors'
import { refusalNotice, type NoticeMessage } from './Notice'

export function useAction() {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<NoticeMessage>()

  /** Send, then `done` (which says what happened). A second tap while busy sends nothing. */
  const run = async <T>(send: () => Promise<Reply<T>>, done: (data: T) => unknown) => {
    if (busy) return
    setBusy(true)
    setMessage(undefined)
    try {
      const reply = await send()
      if (!reply.ok) return setMessage(refusalNotice(reply))
      await done(reply.data)
    } finally {
      setBusy(false)
    }
  }

  return { busy, message, setMessage, run }
}

export type Action = ReturnType<typeof useAction>
