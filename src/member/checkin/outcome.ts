/** What the check-in page says after a scan: the words of a result, and of an outbox outcome. */
import type { CheckinResult } from '../../shared/contract/checkin'
import type { OutboxOutcome } from '../../api/outbox'
import { reviewText } from '../../utils/status'
import { formatClock } from '../../shared/chinaTime'
import { formatHours } from '../../shared/studyHours'

/**
 * "签到成功 · 获得 1.5 学时", "您已在 19:02 签到", "签退成功 · 获得 1 学时"; for a scan held for the
 * secretary "签到已提交 · 待确认", and "这次签到未被确认" once they refused it.
 */
export function resultTitle(r: CheckinResult): string {
  const what = r.kind === 'checkedOut' ? '签退' : '签到'
  if (r.review?.status === 'pending') return `${what}已提交 · 待确认`
  if (r.review?.status === 'refused') return `这次${what}未被确认`
  if (r.already) {
    return r.kind === 'checkedOut' && r.checkedOutAt
      ? `您已在 ${formatClock(r.checkedOutAt)} 签退`
      : `您已在 ${formatClock(r.checkedInAt)} 签到`
  }
  const done = r.kind === 'checkedOut' ? '签退成功' : '签到成功'
  return r.hours > 0 ? `${done} · 获得 ${formatHours(r.hours)} 学时` : done
}

/** The line under the title: what still has to happen, or what was credited. */
export function resultNote(r: CheckinResult): string | undefined {
  if (r.review) return reviewText(r.review)
  if (r.checkoutNeeded) return '离开时请再扫码签退，学时按实际参加的时长计算。'
  if (r.already && r.hours > 0) return `这场党课已计 ${formatHours(r.hours)} 学时，不会重复计算。`
  if (r.already) return '不会重复签到。'
  return undefined
}

/** How an outbox outcome looks: credited, waiting for the secretary, or refused. */
export function outcomeTone(o: OutboxOutcome): 'done' | 'pending' | 'refused' {
  if (!o.result) return 'refused'
  return o.result.review?.status ?? 'done'
}

/**
 * "离线签到已提交：签到成功 · 获得 1.5 学时", "离线签到已提交 · 待确认（离线补传的签到需…）",
 * "离线签到未被确认：<the secretary's reason>", "离线签到被拒：签到码已过期（…）".
 */
export function outcomeText(o: OutboxOutcome): string {
  const review = o.result?.review
  if (o.result && review) {
    const what = o.result.kind === 'checkedOut' ? '签退' : '签到'
    if (review.status === 'pending') return `离线${what}已提交 · 待确认（${review.reason}）`
    return `离线${what}未被确认：${review.reason}`
  }
  if (o.result) return `离线签到已提交：${resultTitle(o.result)}`
  const r = o.refusal
  return `离线签到被拒：${r?.message ?? ''}${r?.explanation ? `（${r.explanation}）` : ''}`
}
