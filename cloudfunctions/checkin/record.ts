/**
 * The check-in record of a member at a lecture and its credit, shared by the member's scan and the
 * secretary's manual and member-code check-ins.
 *
 * One record per member and lecture: `_id = lectureId:memberId`, created with `add`, so the database refuses
 * a second one — twenty simultaneous scans make one record and one credit, and the nineteen others answer
 * the original time. An undone record is reused by a conditional update on its round (round n → n+1), so
 * two simultaneous re-check-ins cannot both take it. The credit is a ledger entry whose id names the round.
 * Calls: a new check-in 2 (record, credit; 1 at L3 until check-out), a repeated one 3 (refused add, read,
 * the credit written again in case the first call died between its two writes).
 *
 * Checking in again after an undo: only with a scan made after the undo (else a member could reverse the
 * secretary's undo by sending an old scan again, CHECKIN_UNDONE), and the undone round's reversal is
 * written first (a no-op unless the undo died between its writes), so no round stays credited twice.
 *
 * An offline scan held for the secretary (checkinReview.ts) is recorded `pending` and credits nothing until
 * confirmed (review.ts), or until the member checks in live (a scan in the hall, or the secretary by hand).
 * A record held on its L3 check-out alone is in already: the secretary decides it in the pending list, and a
 * check-in by hand is refused (INVALID_STATE) rather than answered "already" with no hours.
 * After a refusal the member may check in again like after an undo, with a scan made after the refusal; a
 * copy of the refused scan answers the refusal. Only `in` and `out` are ever credited.
 */
import type { CheckinResult } from '../../src/shared/contract'
import { needsCheckout } from '../../src/shared/checkinRules'
import { isCredited, refusedBefore, reviewNote } from '../../src/shared/checkinReview'
import { AppError } from '../../src/shared/errors'
import type { CheckinDoc, CheckinMethod, LectureDoc } from '../../src/shared/model'
import { signupId } from '../../src/shared/signupRules'
import { addIfAbsent, type Database } from '../_shared/cloud'
import { attendanceEntry, reversalEntry, undoOf } from '../_shared/ledger'

/** What a secretary reads who checks in by hand a member whose check-out waits in the pending list. */
const HELD_CHECKOUT = '这位党员已经签到，签退还在待确认，请在待确认名单中确认或不予确认'

/** Losing this many races for an undone record in a row means something else is wrong. */
const MAX_TRIES = 5

export type NewCheckin = Omit<CheckinDoc, '_id' | 'lectureId' | 'status' | 'round' | 'checkedOutAt'>

/** Optional fields of a record: a reused record drops the previous round's ones it does not set again. */
const OPTIONAL: (keyof CheckinDoc)[] = ['checkedOutAt', 'offline', 'location', 'by', 'reason', 'undo', 'review']

/** Check-ins a member made on their own phone (the others are the secretary's: manual, member code). */
export const SCAN_METHODS: readonly CheckinMethod[] = ['qr', 'typed']
export const isScan = (method: CheckinMethod) => SCAN_METHODS.includes(method)

export async function readCheckin(db: Database, lectureId: string, memberId: string): Promise<CheckinDoc | undefined> {
  const res = await db.collection('checkins').doc(signupId(lectureId, memberId)).get()
  return (res.data as CheckinDoc[])[0]
}

/**
 * Checks the member in (`held`: pending, for the secretary to confirm), or finds them checked in already
 * (then nothing new is recorded or credited).
 */
export async function checkIn(
  db: Database,
  lecture: LectureDoc,
  fields: NewCheckin,
  held = false,
): Promise<{ doc: CheckinDoc; already: boolean }> {
  const doc: CheckinDoc = {
    _id: signupId(lecture._id, fields.memberId),
    lectureId: lecture._id,
    status: held ? 'pending' : 'in',
    round: 1,
    ...fields,
    ...(held && { review: { held: 'in' as const } }),
  }
  if (await addIfAbsent(db, 'checkins', doc)) {
    await credit(db, lecture, doc)
    return { doc, already: false }
  }
  const _ = db.command
  for (let i = 0; i < MAX_TRIES; i++) {
    const found = await readCheckin(db, lecture._id, fields.memberId)
    if (!found) throw new Error(`checkin ${doc._id}: refused as a duplicate, then not found`)
    if (found.status === 'refused') {
      if (refusedBefore(found, fields.checkedInAt, 'in')) return { doc: found, already: true }
    } else if (found.status === 'pending' && found.review?.held === 'out' && !isScan(fields.method)) {
      // In already, by a live scan; only the check-out waits, and the pending list decides it.
      throw new AppError('INVALID_STATE', HELD_CHECKOUT)
    } else if (found.status === 'pending' && !held && found.review?.held !== 'out') {
      // A live scan (or the secretary) proves what the held check-in could not: in, credited, now.
    } else if (found.status !== 'undone') {
      await credit(db, lecture, found)
      return { doc: found, already: true }
    } else {
      const undo = undoOf(found)
      if (fields.checkedInAt.getTime() <= undo.at.getTime()) throw new AppError('CHECKIN_UNDONE')
      await reverse(db, lecture, found, undo)
    }
    const again: CheckinDoc = { ...doc, round: found.round + 1 }
    const drop = Object.fromEntries(OPTIONAL.filter((k) => again[k] === undefined).map((k) => [k, _.remove()]))
    const { _id, ...change } = again
    const res = await db
      .collection('checkins')
      .where({ _id, status: found.status, round: found.round })
      .update({ ...change, ...drop })
    if ((res as { updated?: number }).updated === 1) {
      await credit(db, lecture, again)
      return { doc: again, already: false }
    }
  }
  throw new Error(`checkin ${doc._id}: the record kept changing`)
}

/**
 * Takes back a round's credit: the credit first (a no-op unless the check-in died before writing it), so the
 * reversal never stands alone. True if this call wrote the reversal.
 */
export async function reverse(
  db: Database,
  lecture: LectureDoc,
  doc: CheckinDoc,
  undo: NonNullable<CheckinDoc['undo']>,
): Promise<boolean> {
  // A held scan was never credited: nothing to take back (an undone record was in or out before).
  if (doc.hours <= 0 || doc.status === 'pending' || doc.status === 'refused') return false
  await addIfAbsent(db, 'ledger', attendanceEntry(lecture, doc))
  return addIfAbsent(db, 'ledger', reversalEntry(lecture, doc, undo))
}

/** Writes the round's credit if it has one (again, harmlessly, on a repeated scan); never a held scan's. */
export async function credit(db: Database, lecture: LectureDoc, doc: CheckinDoc): Promise<void> {
  if (isCredited(doc.status) && doc.hours > 0) await addIfAbsent(db, 'ledger', attendanceEntry(lecture, doc))
}

export function resultOf(
  lecture: LectureDoc,
  doc: CheckinDoc,
  already: boolean,
  kind: CheckinResult['kind'] = 'checkedIn',
): CheckinResult {
  const result: CheckinResult = {
    kind,
    already,
    lectureTitle: lecture.title,
    checkedInAt: doc.checkedInAt.toISOString(),
    hours: isCredited(doc.status) ? doc.hours : 0,
    checkoutNeeded:
      needsCheckout(lecture.checkinLevel) &&
      (doc.status === 'in' || doc.status === 'pending') &&
      !doc.checkedOutAt &&
      isScan(doc.method),
  }
  if (doc.checkedOutAt) result.checkedOutAt = doc.checkedOutAt.toISOString()
  const review = reviewNote(doc)
  if (review) result.review = review
  return result
}
