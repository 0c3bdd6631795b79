/**
 * What the secretary does on the check-in screen: check a member in by hand or undo a check-in (each
 * with a reason, asked under the member's row), scan a member's code, and finish the lecture. One
 * action at a time; the screen is fetched again after each.
 */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import type { CheckinResult, LiveRow } from '../../shared/contract'
import type { Refusal } from '../../shared/errors'
import { refusalNotice, type NoticeMessage } from '../components'
import { chinaParts } from '../../shared/chinaTime'

/** The two actions asked for under a member's row. */
export type RowAction = 'manual' | 'undo'

/** "14:35" */
export const clock = (iso: string | undefined) => chinaParts(iso)?.time ?? ''

/** A refusal in one line, under the reason it answers. */
const inLine = (reply: Refusal) => [reply.message, reply.explanation].filter(Boolean).join('：')

/** What a check-in by the secretary did, in one line. */
function resultText(name: string, r: CheckinResult): string {
  if (r.kind === 'checkedOut') return r.already ? `${name}已经签退过了` : `${name}已签退`
  return r.already ? `${name}已经签到过了（${clock(r.checkedInAt)}）` : `已为${name}签到`
}

const ask = async (title: string, content: string, confirmText: string) =>
  (await Taro.showModal({ title, content, confirmText, cancelText: '再想想' })).confirm

export function useCheckinActions(lectureId: string, refresh: () => Promise<void>) {
  const [acting, setActing] = useState<{ memberId: string; kind: RowAction }>()
  const [busy, setBusy] = useState<string>()
  const [actionError, setActionError] = useState<string>()
  const [rowMessage, setRowMessage] = useState<{ memberId: string } & NoticeMessage>()
  const [message, setMessage] = useState<NoticeMessage>()

  const run = async (key: string, work: () => Promise<void>) => {
    if (busy) return
    setBusy(key)
    setActionError(undefined)
    try {
      await work()
    } finally {
      setBusy(undefined)
    }
    await refresh()
  }

  const manual = (row: LiveRow, reason: string) =>
    run(row.memberId, async () => {
      const reply = await call('checkin', 'manual', { lectureId, memberId: row.memberId, reason })
      if (!reply.ok) return setActionError(inLine(reply))
      setActing(undefined)
      setRowMessage({ memberId: row.memberId, tone: 'success', text: resultText(row.name, reply.data) })
    })

  const undo = async (row: LiveRow, reason: string) => {
    if (!(await ask('撤销签到', `撤销${row.name}的签到？撤销后将扣回学时。`, '撤销'))) return
    await run(row.memberId, async () => {
      const reply = await call('checkin', 'undo', { lectureId, memberId: row.memberId, reason })
      if (!reply.ok) return setActionError(inLine(reply))
      setActing(undefined)
      const hours = reply.data.reversedHours
      const text = `已撤销${row.name}的签到${hours > 0 ? `，扣回 ${hours} 学时` : ''}`
      setRowMessage({ memberId: row.memberId, tone: 'success', text })
    })
  }

  const scanMember = (code: string) =>
    run('memberCode', async () => {
      setMessage(undefined)
      const reply = await call('checkin', 'scanMember', { lectureId, code })
      if (!reply.ok) return setMessage(refusalNotice(reply, '党员码签到没有成功：'))
      setMessage({ tone: 'success', text: resultText(reply.data.memberName, reply.data) })
    })

  const finish = async () => {
    const content = '结束后党员不能再签到，主讲人将记入讲授学时。确定结束吗？'
    if (!(await ask('结束党课', content, '结束'))) return
    await run('finish', async () => {
      setMessage(undefined)
      const reply = await call('checkin', 'finish', { lectureId })
      if (!reply.ok) return setMessage(refusalNotice(reply, '没有结束成功：'))
      const { lecturerCredited, notCreditedReason } = reply.data
      setMessage({
        tone: 'success',
        text: lecturerCredited
          ? '党课已结束，已为主讲人记入讲授学时'
          : `党课已结束${notCreditedReason ? `。未记讲授学时：${notCreditedReason}` : ''}`,
      })
    })
  }

  /** Open the reason form of an action under a member's row (a second tap closes it). */
  const open = (memberId: string, kind: RowAction) => {
    setActing(acting?.memberId === memberId && acting.kind === kind ? undefined : { memberId, kind })
    setActionError(undefined)
    setRowMessage(undefined)
  }

  const close = () => setActing(undefined)

  return { acting, busy, actionError, rowMessage, message, manual, undo, scanMember, finish, open, close }
}

export type CheckinActions = ReturnType<typeof useCheckinActions>
