/**
 * Offline scans the secretary confirms (issue 16): a scan kept on the phone names its own scan time, so a
 * photo of the rotating code sent to someone outside the hall, submitted later as "offline", would pass every
 * check of checkinRules.ts. At L1 and above such a scan is therefore held: its record is `pending`, credits
 * nothing, and waits for the lecture's secretary to confirm it (then `in`/`out`, credited) or refuse it
 * (`refused`, with a reason the member sees). L0 asks for no code, so there is nothing to hold.
 *
 * An outbox scan whose code is still valid when it arrives is not held: it proves presence as much as a live
 * scan does (a sender could as well have left the scan time out), and a member whose network came back within
 * the minute is credited at once.
 */
import type { CheckinResult, MyCheckin } from './contract/checkin'
import { needsCode } from './checkinRules'
import type { CheckinDoc, CheckinLevel, CheckinReview } from './model'

/** What a member with a pending scan is told. */
export const PENDING_REASON = '离线补传的签到需支部书记确认后才计学时'
/** What the audit log says of a confirmation without a reason of its own. */
export const CONFIRM_REASON = '确认离线补传的签到'

/** Whether a scan that passed every check waits for the secretary instead of being credited. */
export function heldForReview(level: CheckinLevel, offline: boolean, codeValidOnArrival: boolean): boolean {
  return needsCode(level) && offline && !codeValidOnArrival
}

/** Only these statuses hold credit (the ledger entry of the round); pending and refused never do. */
export const isCredited = (status: CheckinDoc['status']) => status === 'in' || status === 'out'

type Reviewed = Pick<CheckinDoc, 'status' | 'checkedOutAt' | 'review'>

export interface Decision {
  status: CheckinDoc['status']
  review: CheckinReview
  hours?: number
  /** Fields the decision removes: a refused check-out's time and the offline scan it came from. */
  drop: ('checkedOutAt' | 'offline')[]
}

/**
 * What a decision changes on a pending record; undefined if the record is not pending (decided already, or
 * undone), and then nothing is written. Confirmed, the record is in, or out if the member checked out. A
 * refused check-in is `refused` with no hours; a refused L3 check-out leaves the member checked in (the
 * check-in was live), to check out again.
 */
export function decisionOf(
  doc: Reviewed,
  decision: 'confirm' | 'refuse',
  by: { at: Date; by: string; byName: string; reason: string },
): Decision | undefined {
  if (doc.status !== 'pending') return undefined
  const held = doc.review?.held ?? 'in'
  if (decision === 'confirm') {
    return {
      status: held === 'out' || doc.checkedOutAt ? 'out' : 'in',
      review: { held, decision: 'confirmed', ...by },
      drop: [],
    }
  }
  const review: CheckinReview = { held, decision: 'refused', ...by }
  if (held === 'out') return { status: 'in', hours: 0, review, drop: ['checkedOutAt', 'offline'] }
  return { status: 'refused', hours: 0, review, drop: doc.checkedOutAt ? ['checkedOutAt'] : [] }
}

/**
 * The review a record keeps when a live check-out replaces one held for the secretary: the held check-out's
 * mark goes, what was there before it stays. A held check-out only set `held: 'out'` over the review (the
 * database merges an object), so a confirmed offline check-in gets its `held: 'in'` back (still the
 * secretary's word, not a scan in the hall), the refusal of an earlier check-out stays as it was, and a
 * live check-in had none.
 */
export function reviewWithoutHeldCheckout(review: CheckinReview | undefined): CheckinReview | undefined {
  if (review?.decision === 'confirmed') return { ...review, held: 'in' }
  if (review?.decision === 'refused') return review
  return undefined
}

/** A refused scan answers a later copy of itself: only a scan made after the refusal counts again. */
export function refusedBefore(doc: Pick<CheckinDoc, 'review'>, scannedAt: Date, held: 'in' | 'out'): boolean {
  const r = doc.review
  return r?.decision === 'refused' && r.held === held && !!r.at && scannedAt.getTime() <= r.at.getTime()
}

/** The member's word on a held scan: 待确认 and why, or the secretary's reason for refusing it. */
export function reviewNote(doc: Pick<CheckinDoc, 'status' | 'review'>): CheckinResult['review'] {
  if (doc.status === 'pending') return { status: 'pending', reason: PENDING_REASON }
  // A refused check-out stays news until the member checks out again.
  if (doc.review?.decision === 'refused' && doc.status !== 'out') {
    return { status: 'refused', reason: doc.review.reason ?? '' }
  }
  return undefined
}

/** The caller's own record as their pages show it (none while undone: they may check in again). */
export function myCheckinOf(doc: CheckinDoc | undefined): MyCheckin | undefined {
  if (!doc || doc.status === 'undone') return undefined
  const mine: MyCheckin = {
    status: doc.status,
    checkedInAt: doc.checkedInAt.toISOString(),
    hours: isCredited(doc.status) ? doc.hours : 0,
  }
  if (doc.checkedOutAt) mine.checkedOutAt = doc.checkedOutAt.toISOString()
  const note = reviewNote(doc)
  if (note) mine.review = note
  return mine
}
