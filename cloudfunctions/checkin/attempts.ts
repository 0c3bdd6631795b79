/**
 * Refused check-ins: each is written down for the secretary's screen (checkinAttempts), and wrong codes are
 * counted so that six digits cannot be found by trying. A member who meets WRONG_CODE_LIMIT guess refusals
 * (checkinRules.ts GUESS_REFUSALS) within WRONG_CODE_WINDOW_MS is blocked on their binding until
 * `checkinBlockedUntil`; every scan reads the binding anyway, so the block costs the happy path nothing.
 *
 * Like member.bind, an attempt is written before it is counted: of simultaneous guesses each sees at least
 * the ones written before it. That count comes after the code is judged, though, so a burst of parallel
 * typed guesses could all be judged before any of them is counted: typed codes (six digits, the guessable
 * ones) pass a gate first, `countTypedTry`. A QR's refusals need a genuine signature to be worth anything,
 * so QR scans keep the count alone. Nothing is written for a caller already blocked or gated: the attempts
 * are for the secretary, and a burst would bury the screen.
 */
import {
  GUESS_REFUSALS,
  TYPED_TRY_LIMIT,
  WRONG_CODE_BLOCK_MS,
  WRONG_CODE_LIMIT,
  WRONG_CODE_WINDOW_MS,
} from '../../src/shared/checkinRules'
import { AppError, type ErrorCode } from '../../src/shared/errors'
import type { BindingDoc, CheckinAttemptDoc, CheckinMethod } from '../../src/shared/model'
import type { HandlerContext } from '../_shared/router'
import { chinaHourMinute } from '../../src/shared/chinaTime'

export function blockedRefusal(until: Date): AppError {
  return new AppError('TOO_MANY_ATTEMPTS', `签到码错误次数过多，请在 ${chinaHourMinute(until)} 以后再试`)
}

/** The refusal to answer while the binding is blocked, if it is. */
export function blockOf(binding: BindingDoc, now: Date): AppError | undefined {
  const until = binding.checkinBlockedUntil
  return until && until.getTime() > now.getTime() ? blockedRefusal(until) : undefined
}

interface Attempt {
  binding: BindingDoc
  lectureId: string
  method: CheckinMethod
  code: ErrorCode
}

/**
 * Writes the refused attempt and answers the error to throw: the refusal itself, or TOO_MANY_ATTEMPTS
 * when this wrong code was the one that reached the limit. Calls: 1, a wrong code 2, the blocking one 3.
 */
export async function refuse(ctx: HandlerContext, a: Attempt, explanation?: string): Promise<AppError> {
  const { db, now } = ctx
  const attempt: Omit<CheckinAttemptDoc, '_id'> = {
    lectureId: a.lectureId,
    memberId: a.binding.memberId,
    memberName: a.binding.name,
    code: a.code,
    method: a.method,
    at: now,
  }
  await db.collection('checkinAttempts').add(attempt)
  if (!GUESS_REFUSALS.includes(a.code)) return new AppError(a.code, explanation)
  const _ = db.command
  const since = new Date(now.getTime() - WRONG_CODE_WINDOW_MS)
  const { total } = await db
    .collection('checkinAttempts')
    .where({ memberId: a.binding.memberId, at: _.gt(since), code: _.in([...GUESS_REFUSALS]) })
    .count()
  if (total < WRONG_CODE_LIMIT) return new AppError(a.code, explanation)
  const until = new Date(now.getTime() + WRONG_CODE_BLOCK_MS)
  await db.collection('bindings').doc(a.binding._id).update({ checkinBlockedUntil: until })
  return blockedRefusal(until)
}

const updated = (res: unknown) => (res as { updated?: number }).updated === 1

/**
 * The typed-try gate: counts this try on the caller's binding before the code is judged, by a conditional
 * update the database serialises — a new window if the last is over (or there was none), else one more try
 * if fewer than TYPED_TRY_LIMIT were made — and refuses TOO_MANY_ATTEMPTS when neither applies. Which of
 * the two to try first is guessed from the binding as read: calls 1, or 2 when a parallel try changed it.
 */
export async function countTypedTry(ctx: HandlerContext, binding: BindingDoc): Promise<void> {
  const { db, now } = ctx
  const _ = db.command
  const since = new Date(now.getTime() - WRONG_CODE_WINDOW_MS)
  const bindings = db.collection('bindings')
  const open = () =>
    bindings
      .where({ _id: binding._id, typedWindowStart: _.or(_.exists(false), _.lt(since)) })
      .update({ typedWindowStart: now, typedTries: 1 })
  const count = () =>
    bindings
      .where({ _id: binding._id, typedWindowStart: _.gte(since), typedTries: _.lt(TYPED_TRY_LIMIT) })
      .update({ typedTries: _.inc(1) })
  const start = binding.typedWindowStart
  const current = start !== undefined && start.getTime() >= since.getTime()
  const [first, second] = current ? [count, open] : [open, count]
  if (updated(await first()) || updated(await second())) return
  // A window opened by a parallel try since the binding was read started about now.
  const until = new Date((current ? start : now).getTime() + WRONG_CODE_WINDOW_MS)
  throw new AppError('TOO_MANY_ATTEMPTS', `输入签到码的次数过多，请在 ${chinaHourMinute(until)} 以后再试`)
}
