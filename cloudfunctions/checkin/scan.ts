/**
 * checkin.scan: a member's scan of the lecture's code — the QR text or the six digits — live or sent later
 * from the phone's outbox (`scannedAt`). The facts are read once and `checkinDecision` (checkinRules.ts)
 * decides, with what a refused member needs to hear and the distance from the venue (measured once, for
 * the refusal and the record); a valid code for purpose 'out' checks the member out (L3).
 *
 * Calls on the happy path: the binding and the lecture side by side (the lecture from the instance's cache,
 * lectureCache.ts), the sign-up if the lecture requires one, the record, the credit: 4 with a warm cache
 * (3 without sign-up). Typed digits add the typed-try gate (attempts.ts countTypedTry): 1, 2 when a parallel
 * try got there first. Check-out: binding, record read, conditional update, credit: 4 warm. A refusal adds
 * the attempt (attempts.ts), except for bad input and on another branch's lecture; a blocked binding is
 * refused before the code is looked at, and nothing is written for it.
 *
 * An offline scan at L1+ whose code has expired by its arrival passes every check and is then held for the
 * secretary (checkinReview.ts): a pending record, no credit; a check-out held likewise at L3.
 */
import type { CheckinResult, ParsedInput } from '../../src/shared/contract'
import { attendanceHours, checkinDecision, effectiveScanTime, needsCheckout } from '../../src/shared/checkinRules'
import { heldForReview, refusedBefore, reviewWithoutHeldCheckout } from '../../src/shared/checkinReview'
import { AppError, type ErrorCode } from '../../src/shared/errors'
import type { CheckinDoc, CheckinMethod, LectureDoc, SignupDoc } from '../../src/shared/model'
import { canSeeLecture } from '../../src/shared/rights'
import { signupId } from '../../src/shared/signupRules'
import { requireBinding } from '../_shared/actor'
import { type CodeReading, type Purpose, readQr, readTyped } from '../_shared/checkinCodes'
import type { HandlerContext } from '../_shared/router'
import { inOrder } from '../_shared/lectures'
import { blockOf, countTypedTry, refuse } from './attempts'
import { cachedLecture } from './lectureCache'
import { checkIn, credit, isScan, readCheckin, resultOf } from './record'

type ScanInput = ParsedInput<'checkin', 'scan'>

export async function scan(input: ScanInput, ctx: HandlerContext): Promise<CheckinResult> {
  const { db, now } = ctx
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const [{ binding, actor }, lecture] = await inOrder(
    requireBinding(ctx),
    cachedLecture(db, input.lectureId, now.getTime()),
  )
  const method: CheckinMethod = input.typed ? 'typed' : 'qr'
  // Another branch's secretary does not see refusals on a lecture the member cannot see.
  const fail = async (code: ErrorCode, explanation?: string) =>
    (code === 'NOT_VISIBLE' || code === 'NOT_FOUND') && !canSeeLecture(actor, lecture)
      ? new AppError(code, explanation)
      : refuse(ctx, { binding, lectureId: lecture._id, method, code }, explanation)

  const blocked = blockOf(binding, now)
  if (blocked) throw blocked
  const scannedAt = input.scannedAt === undefined ? undefined : new Date(input.scannedAt)
  const told = effectiveScanTime(now, scannedAt)
  if (told === 'future') throw new AppError('INVALID_INPUT', '扫码时间比现在还晚，请把手机时间调准后再试')
  if (input.typed) await countTypedTry(ctx, binding)

  const reading = readCode(input, lecture._id, told.getTime(), now.getTime())
  // A genuine code may move a slow phone clock's scan time forward (checkinCodes.ts header).
  const at = reading ? new Date(reading.at) : told
  const purpose: Purpose = reading?.purpose ?? 'in'
  // Check-out needs a check-in record, which needed the sign-up: no second look at it.
  const signedUp =
    lecture.signupRequired && purpose === 'in' ? await isSignedUp(ctx, lecture._id, actor.memberId) : true
  const { refusal, distanceM } = checkinDecision({
    lecture,
    actor,
    signedUp,
    scannedAt: at,
    receivedAt: now,
    purpose,
    code: reading?.check ?? 'missing',
    location: input.location,
  })
  if (refusal) throw await fail(refusal.code, refusal.explanation)

  const offline = scannedAt && { scannedAt, receivedAt: now }
  // Held for the secretary unless the code, read again at its arrival, still proves presence.
  const validOnArrival = () => readCode(input, lecture._id, now.getTime(), now.getTime())?.check === 'valid'
  const held = !!offline && heldForReview(lecture.checkinLevel, true, validOnArrival())
  if (purpose === 'out') {
    const out = await checkOut(ctx, lecture, actor.memberId, at, held ? offline : undefined)
    if (!out) throw await fail('NOT_CHECKED_IN')
    return resultOf(lecture, out.doc, out.already, 'checkedOut')
  }
  const { doc, already } = await checkIn(
    db,
    lecture,
    {
      memberId: actor.memberId,
      memberName: actor.name,
      branchId: actor.branchId,
      checkedInAt: at,
      method,
      hours: needsCheckout(lecture.checkinLevel) ? 0 : attendanceHours(lecture),
      ...(offline && { offline }),
      // The distance only, not where the member was (the 隐私政策 says so).
      ...(input.location && distanceM !== undefined && { location: { distanceM, accuracy: input.location.accuracy } }),
      updatedAt: now,
    },
    held,
  ).catch(async (err: unknown) => {
    throw err instanceof AppError && err.code === 'CHECKIN_UNDONE' ? await fail(err.code) : err
  })
  return resultOf(lecture, doc, already)
}

function readCode(input: ScanInput, lectureId: string, at: number, now: number): CodeReading | undefined {
  if (input.qr) return readQr(input.qr, lectureId, at, now)
  if (input.typed) return readTyped(input.typed, lectureId, at, now)
  return undefined
}

async function isSignedUp(ctx: HandlerContext, lectureId: string, memberId: string): Promise<boolean> {
  const res = await ctx.db.collection('signups').doc(signupId(lectureId, memberId)).get()
  return (res.data as SignupDoc[])[0]?.status === 'confirmed'
}

/**
 * L3 check-out: the record's round moves from 'in' to 'out' in one conditional update, with the hours of the
 * minutes attended, then the credit. Undefined if the member is not checked in. A record checked in by the
 * secretary holds the full credit already and stays as it is. A pending check-in takes its check-out and
 * stays pending (confirmed, it is out); a `held` (offline) check-out makes the record pending, and a copy of
 * a check-out the secretary refused answers the record as it is. A live check-out replaces a held one
 * (replaceHeldCheckout).
 */
async function checkOut(
  ctx: HandlerContext,
  lecture: LectureDoc,
  memberId: string,
  outAt: Date,
  held?: { scannedAt: Date; receivedAt: Date },
): Promise<{ doc: CheckinDoc; already: boolean } | undefined> {
  const { db, now } = ctx
  for (let i = 0; i < 3; i++) {
    const doc = await readCheckin(db, lecture._id, memberId)
    if (!doc || doc.status === 'undone' || doc.status === 'refused') return undefined
    if (!held && doc.status === 'pending' && doc.review?.held === 'out') {
      const out = await replaceHeldCheckout(ctx, lecture, doc, outAt)
      if (out) return { doc: out, already: false }
      continue
    }
    if (doc.status === 'out' || doc.checkedOutAt || !isScan(doc.method) || refusedBefore(doc, outAt, 'out')) {
      await credit(db, lecture, doc)
      return { doc, already: true }
    }
    const pending = doc.status === 'pending' || !!held
    const change = {
      status: pending ? ('pending' as const) : ('out' as const),
      checkedOutAt: outAt,
      hours: attendanceHours(lecture, { inAt: doc.checkedInAt, outAt }),
      updatedAt: now,
      ...(held && doc.status === 'in' && { review: { held: 'out' as const }, offline: held }),
    }
    const res = await db
      .collection('checkins')
      .where({ _id: doc._id, status: doc.status, round: doc.round })
      .update(change)
    if ((res as { updated?: number }).updated === 1) {
      const out = { ...doc, ...change }
      await credit(db, lecture, out)
      return { doc: out, already: false }
    }
  }
  throw new Error(`checkout ${lecture._id}:${memberId}: the record kept changing`)
}

/**
 * A live check-out where one sent later waits for the secretary (待确认): the live one proves what the held
 * one could not, so it takes its place — out, the minutes attended until now, the held scan's offline times
 * and its mark on the review dropped (reviewWithoutHeldCheckout) — in one conditional update of the held
 * round, then the credit. The secretary confirming the held one at the same moment updates the same round
 * (review.ts): one of the two changes it, the other finds it out, so the round is credited once. Undefined
 * if the record changed first.
 */
async function replaceHeldCheckout(
  ctx: HandlerContext,
  lecture: LectureDoc,
  doc: CheckinDoc,
  outAt: Date,
): Promise<CheckinDoc | undefined> {
  const { db, now } = ctx
  const _ = db.command
  const change = {
    status: 'out' as const,
    checkedOutAt: outAt,
    hours: attendanceHours(lecture, { inAt: doc.checkedInAt, outAt }),
    updatedAt: now,
  }
  const review = reviewWithoutHeldCheckout(doc.review)
  const res = await db
    .collection('checkins')
    .where({ _id: doc._id, status: 'pending', round: doc.round, 'review.held': 'out' })
    .update({ ...change, review: review ? _.set(review) : _.remove(), offline: _.remove() })
  if ((res as { updated?: number }).updated !== 1) return undefined
  const { review: _held, offline: _offline, ...kept } = doc
  const out: CheckinDoc = { ...kept, ...change, ...(review && { review }) }
  await credit(db, lecture, out)
  return out
}
