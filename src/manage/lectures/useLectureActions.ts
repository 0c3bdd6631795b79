/**
 * What a secretary does to a lecture in 我的党课: open its form, roster, check-in screen or ratings, publish,
 * copy as a new draft, or cancel it with a reason (asked under the lecture). One action at a time;
 * its outcome is shown under its lecture.
 */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import type { LectureSummary } from '../../shared/contract'
import type { Refusal } from '../../shared/errors'
import { refusalNotice, type NoticeMessage } from '../components'
import type { LectureAction } from '../utils/lectureActions'
import { pageUrl } from '../utils/route'
import { routes } from '../../utils/routes'

/** The actions that only open another page. */
const PAGE_OF = { edit: 'edit', roster: 'roster', checkin: 'checkin' } as const

/** `refresh`: ask for the list again keeping it on screen (statuses and seats change). */
export function useLectureActions(refresh: () => Promise<unknown>) {
  const [busy, setBusy] = useState<{ id: string; action: LectureAction }>()
  const [cancelling, setCancelling] = useState<string>()
  const [cancelError, setCancelError] = useState<string>()
  const [notice, setNotice] = useState<{ id: string } & NoticeMessage>()

  const run = async (lecture: LectureSummary, action: LectureAction, work: () => Promise<void>) => {
    if (busy) return
    setBusy({ id: lecture.id, action })
    setNotice(undefined)
    try {
      await work()
    } finally {
      setBusy(undefined)
    }
  }

  const refused = (id: string, reply: Refusal, prefix: string) => setNotice({ id, ...refusalNotice(reply, prefix) })

  const publish = (lecture: LectureSummary) =>
    run(lecture, 'publish', async () => {
      const { confirm } = await Taro.showModal({
        title: '发布党课',
        content: `发布后，党员就能看到并报名「${lecture.title}」。确定发布吗？`,
        confirmText: '发布',
        cancelText: '再看看',
      })
      if (!confirm) return
      const reply = await call('lecture', 'publish', { id: lecture.id })
      if (!reply.ok) return refused(lecture.id, reply, '没有发布成功：')
      void Taro.showToast({ title: '已发布', icon: 'success' })
      await refresh()
    })

  const duplicate = (lecture: LectureSummary) =>
    run(lecture, 'duplicate', async () => {
      const reply = await call('lecture', 'duplicate', { id: lecture.id })
      if (!reply.ok) return refused(lecture.id, reply, '没有复制成功：')
      void Taro.navigateTo({ url: pageUrl('edit', { id: reply.data.id }) })
    })

  const cancel = (lecture: LectureSummary, reason: string) =>
    run(lecture, 'cancel', async () => {
      const reply = await call('lecture', 'cancel', { id: lecture.id, reason })
      if (!reply.ok) {
        setCancelError([reply.message, reply.explanation].filter(Boolean).join('：'))
        return
      }
      setCancelling(undefined)
      setNotice({ id: lecture.id, tone: 'success', text: `已取消，已通知报名的 ${reply.data.notified} 人` })
      await refresh()
    })

  const onAction = (action: LectureAction, lecture: LectureSummary) => {
    if (action === 'edit' || action === 'roster' || action === 'checkin') {
      void Taro.navigateTo({ url: pageUrl(PAGE_OF[action], { id: lecture.id }) })
    } else if (action === 'ratings') void Taro.navigateTo({ url: routes.ratings(lecture.id) })
    else if (action === 'publish') void publish(lecture)
    else if (action === 'duplicate') void duplicate(lecture)
    else {
      setCancelling(cancelling === lecture.id ? undefined : lecture.id)
      setCancelError(undefined)
    }
  }

  const stopCancelling = () => setCancelling(undefined)

  return { busy, cancelling, cancelError, notice, onAction, cancel, stopCancelling }
}
