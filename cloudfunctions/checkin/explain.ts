/** The detail a refused member needs beyond the code's message: when check-in opens or closed, how far off. */
import type { CheckinRefusal } from '../../src/shared/checkinRules'
import { chinaWhen } from '../../src/shared/chinaTime'

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
