/**
 * signup.decide: the secretary approves or declines a request on a lecture that needs approval. Approved,
 * the member takes a free seat, or else a place on the waitlist in the order of their ticket (when they
 * asked, not when they were approved); declined, they see the reason and may ask again.
 */
import type { ParsedInput, SignupResult } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { SignupDoc } from '../../src/shared/model'
import { decideRefusal, signupId } from '../../src/shared/signupRules'
import type { HandlerContext } from '../_shared/router'
import { managedLecture } from './roster'
import { addWaiting, changeState, claimSeatForApproved, fillSeats, passSeat } from '../_shared/seats'

export async function decideSignup(input: ParsedInput<'signup', 'decide'>, ctx: HandlerContext): Promise<SignupResult> {
  const { db, now } = ctx
  const { lecture } = await managedLecture(ctx, input.lectureId)
  const id = signupId(input.lectureId, input.memberId)
  const res = await db.collection('signups').doc(id).get()
  const signup = (res.data as SignupDoc[])[0]
  const refusal = decideRefusal(lecture, signup, input.decision)
  if (refusal) throw new AppError(refusal)

  if (input.decision === 'decline') {
    const change: Partial<SignupDoc> = { status: 'declined', updatedAt: now }
    if (input.reason) change.reason = input.reason
    if (!(await changeState(db, id, 'pending', change))) throw new AppError('INVALID_STATE')
    return { status: 'declined' }
  }

  if (await claimSeatForApproved(db, lecture._id)) {
    if (await changeState(db, id, 'pending', { status: 'confirmed', updatedAt: now })) return { status: 'confirmed' }
    await passSeat(db, lecture._id, now) // withdrawn or decided by someone else meanwhile
    throw new AppError('INVALID_STATE')
  }
  await addWaiting(db, lecture._id, 1)
  if (!(await changeState(db, id, 'pending', { status: 'waitlisted', updatedAt: now }))) {
    await addWaiting(db, lecture._id, -1)
    throw new AppError('INVALID_STATE')
  }
  // A seat freed since the claim above found no one waiting: look again (seats.ts).
  const promoted = await fillSeats(db, lecture._id, now)
  if (promoted.includes(id)) return { status: 'confirmed' }
  const _ = db.command
  const ahead = await db
    .collection('signups')
    .where({ lectureId: lecture._id, status: 'waitlisted', ticket: _.lt(signup!.ticket) })
    .count()
  return { status: 'waitlisted', position: ahead.total + 1 }
}
