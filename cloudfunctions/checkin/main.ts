/**
 * The `checkin` cloud function: members check in (and out, at L3) with the lecture's rotating code; the
 * lecture's secretaries run the check-in screen, check members in by hand or by their personal code, undo,
 * confirm or refuse offline scans held for them (review.ts), and finish the lecture. Credits go to the
 * study-hour ledger (ledger.ts).
 */
import { createFunction } from '../_shared/router'
import { finishLecture } from './finish'
import { liveCheckin } from './live'
import { manualCheckin, scanMember, undoCheckin } from './manual'
import { myCode } from './myCode'
import { posterCode } from './posterCode'
import { pendingScans, reviewScans } from './review'
import { scan } from './scan'
import { checkinStatus } from './status'

export const main = createFunction('checkin', {
  scan,
  status: checkinStatus,
  live: liveCheckin,
  manual: manualCheckin,
  undo: undoCheckin,
  scanMember,
  myCode,
  finish: finishLecture,
  posterCode,
  pending: pendingScans,
  review: reviewScans,
})
