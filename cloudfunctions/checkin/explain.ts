/** The detail a refused member needs beyond the code's message: when check-in opens or closed, how far off. */
import { checkinWindow, checkoutWindow, geofence } from '../../src/shared/checkinRules'
import { chinaWhen } from '../../src/shared/chinaTime'
import type { ErrorCode } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'

export function explainRefusal(
  code: ErrorCode,
  lecture: LectureDoc,
  purpose: 'in' | 'out',
  now: Date,
  location?: { lat: number; lng: number; accuracy: number },
): string | undefined {
  const window = purpose === 'out' ? checkoutWindow(lecture) : checkinWindow(lecture)
  const what = purpose === 'out' ? '签退' : '签到'
  switch (code) {
    case 'CHECKIN_NOT_OPEN':
      return `${what}从 ${chinaWhen(window.opensAt, now)} 开始（北京时间）`
    case 'CHECKIN_CLOSED':
      return `${what}已于 ${chinaWhen(window.closesAt, now)} 结束（北京时间）`
    case 'TOO_FAR':
      return (
        location &&
        `您距离现场约 ${geofence(lecture.venue, location).distanceM} 米，要在 ${lecture.venue.radiusM} 米以内`
      )
    default:
      return undefined
  }
}
