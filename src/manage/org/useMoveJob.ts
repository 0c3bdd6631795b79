/**
 * A move runs in bounded pages (org.move does the first, org.continueJob each next one): the page keeps
 * asking until the job is finished, showing how far it got. Cut off (a network error), it offers 继续;
 * the maintenance timer would finish the job anyway.
 */
import { useState } from 'react'
import { call } from '../../api/client'
import type { OrgJobView } from '../../shared/contract'
import type { Reply } from '../../shared/errors'
import { refusalNotice, type NoticeMessage } from '../components'

export function useMoveJob(onFinished: () => Promise<unknown>) {
  const [job, setJob] = useState<OrgJobView>()
  const [running, setRunning] = useState(false)
  const [problem, setProblem] = useState<NoticeMessage>()

  const follow = async (first: () => Promise<Reply<OrgJobView>>) => {
    if (running) return
    setRunning(true)
    setProblem(undefined)
    try {
      let reply = await first()
      while (reply.ok && !reply.data.finished) {
        setJob(reply.data)
        const jobId = reply.data.jobId
        reply = await call('org', 'continueJob', { jobId })
      }
      if (!reply.ok) return setProblem(refusalNotice(reply, '移动没有做完：'))
      setJob(reply.data)
      await onFinished()
    } finally {
      setRunning(false)
    }
  }

  const start = (id: string, parentId: string) => follow(() => call('org', 'move', { id, parentId }))
  const resume = () => job && follow(() => call('org', 'continueJob', { jobId: job.jobId }))

  return { job, running, problem, start, resume }
}

export type MoveJob = ReturnType<typeof useMoveJob>

/** "正在更新 12/51 个组织…", or what the finished move did. */
export function jobProgress(job: OrgJobView): string {
  return job.finished ? `移动完成，共更新 ${job.total} 个组织` : `正在更新 ${job.done}/${job.total} 个组织…`
}
