/** The detail a refused member needs beyond the code's message: when check-in opens or closed, how far off. */
import type { CheckinRefusal } from '../../src/shared/checkinRules'
import { chinaClock, chinaHourMinute } from '../../src/shared/chinaTime'

/** "19:02" today, else "5月3日 19:02" (China time). */
export function chinaWhen(at: Date, now: Date): string {
  const c = chinaClock(at)
  const today = chinaClock(now)
  const sameDay =
    c.getUTCFullYear() === today.getUTCFullYear() &&
    c.getUTCMonth() === today.getUTCMonth() &&
    c.getUTCDate() === today.getUTCDate()
  return sameDay ? chinaHourMinute(at) : `${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${chinaHourMinute(at)}`
}

/** What a refused member reads beyond the code's message, from what the decision found (checkinRules.ts). */
export function explanationOf(refusal: CheckinRefusal, now: Date): string | undefined {
  switch (refusal.code) {
    case 'CHECKIN_NOT_OPEN':
      return `${WHAT[refusal.purpose]}从 ${chinaWhen(refusal.opensAt, now)} 开始（北京时间）`
    case 'CHECKIN_CLOSED':
      return `${WHAT[refusal.purpose]}已于 ${chinaWhen(refusal.closesAt, now)} 结束（北京时间）`
    case 'TOO_FAR':
      return `您距离现场约 ${refusal.distanceM} 米，要在 ${refusal.radiusM} 米以内`
    default:
      return undefined
  }
}

const WHAT = { in: '签到', out: '签退' } as const
