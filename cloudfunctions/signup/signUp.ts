/**
 * signup.signUp: a member signs up for a lecture; they get a seat, a place on the waitlist, or (if the
 * lecture needs approval) a request for the secretary.
 *
 * Design: no transaction and no read-then-write on the hot path, so that any number of members may sign up
 * at once. A seat is taken in the same atomic step as the arrival ticket, so arrival order decides seats:
 *   1. the caller's binding (requireActor);
 *   2. `takeSeat`: one conditional update of the lecture, "published, before the deadline, visible to this
 *      member, no approval, nobody waiting, signedUp < capacity" → tickets+1, signedUp+1, and the new
 *      counters back. Nothing matched: 2b `joinWaitlist` (the same without the seat conditions) →
 *      tickets+1, waiting+1; nothing again: 2c `takeTicket` for a lecture that needs approval; nothing
 *      again: one read of the lecture names the refusal (signupRules.ts signupRefusal). A refused request
 *      writes nothing;
 *   3. the sign-up document is added with `_id = lectureId:memberId`, so the database itself refuses a
 *      second one. If one is there: a cancelled or declined one is reused (conditional update); an active
 *      one means ALREADY_SIGNED_UP, and the seat or waitlist place just taken is given back (as it is when
 *      the write fails outright). Checking first would cost every sign-up one more call; a duplicate (a
 *      double tap) is rare;
 *   4. on the waitlist only: look for a free seat (seats.ts fillSeats), because a seat freed between 2b
 *      and 3 found no document to promote.
 * Calls: a seat 3, the waitlist 5 (4 + the look in step 4), an approval request 5, a refusal 5.
 */
import type { ParsedInput, SignupResult } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc, SignupDoc } from '../../src/shared/model'
import type { Actor } from '../../src/shared/rights'
import { freedBy, positionOnJoining, REOPENABLE_STATES, signupId, signupRefusal } from '../../src/shared/signupRules'
import { requireActor } from '../_shared/actor'
import { isDuplicateWrite } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { addWaiting, type EntryDoc, fillSeats, joinWaitlist, passSeat, takeSeat, takeTicket } from '../_shared/seats'

type Entry = { status: 'confirmed' | 'waitlisted' | 'pending'; doc: EntryDoc }
/** What step 2 took for the member: a seat, a waitlist place or a request, and its arrival ticket. */
type Claim = { lectureId: string; status: Entry['status']; ticket: number }

export async function signUp(input: ParsedInput<'signup', 'signUp'>, ctx: HandlerContext): Promise<SignupResult> {
  const actor = await requireActor(ctx)
  const { lectureId } = input
  // A lecture edited between the conditional steps (e.g. approval switched off) can make all of them miss
  // although nothing refuses: then once more.
  for (let attempt = 0; attempt < 3; attempt++) {
    const entry = await enter(ctx, lectureId, actor)
    if (!entry) {
      const res = await ctx.db.collection('lectures').doc(lectureId).get()
      const refusal = signupRefusal((res.data as LectureDoc[])[0], actor, ctx.now)
      if (refusal) throw new AppError(refusal)
      continue
    }
    const { status, doc } = entry
    if (!(await saveOrGiveBack(ctx, actor, { lectureId, status, ticket: doc.tickets })))
      throw new AppError('ALREADY_SIGNED_UP')
    if (status !== 'waitlisted') return { status }
    const promoted = await fillSeats(ctx.db, lectureId, ctx.now)
    if (promoted.includes(signupId(lectureId, actor.memberId))) return { status: 'confirmed' }
    return { status, position: positionOnJoining(doc.waiting, promoted.length) }
  }
  throw new Error(`signUp ${lectureId}: the lecture kept changing`)
}

async function enter(ctx: HandlerContext, lectureId: string, actor: Actor): Promise<Entry | undefined> {
  const seat = await takeSeat(ctx.db, lectureId, actor, ctx.now)
  if (seat) return { status: 'confirmed', doc: seat }
  const place = await joinWaitlist(ctx.db, lectureId, actor, ctx.now)
  if (place) return { status: 'waitlisted', doc: place }
  const ticket = await takeTicket(ctx.db, lectureId, actor, ctx.now)
  if (ticket) return { status: 'pending', doc: ticket }
  return undefined
}

/**
 * Step 3, and the seat or place of step 2 given back when it fails: refused as a duplicate (false), or failed
 * outright (rethrown), so that no seat stays counted without its sign-up. A failure can be an answer lost
 * after the write landed (a timeout): the sign-up is read first, and the seat is kept if it holds this
 * ticket. If even that read fails, the seat stays counted (never over-filled) until maintenance.repair.
 */
async function saveOrGiveBack(ctx: HandlerContext, actor: Actor, claim: Claim): Promise<boolean> {
  let saved: boolean
  try {
    saved = await saveSignup(ctx, actor, claim)
  } catch (err) {
    const res = await ctx.db.collection('signups').doc(signupId(claim.lectureId, actor.memberId)).get()
    if ((res.data as SignupDoc[])[0]?.ticket === claim.ticket) return true
    await giveBack(ctx, claim)
    throw err
  }
  if (!saved) await giveBack(ctx, claim)
  return saved
}

/** Adds the member's sign-up, or reuses a cancelled or declined one; false if an active one is there. */
async function saveSignup(ctx: HandlerContext, actor: Actor, claim: Claim): Promise<boolean> {
  const { db, now } = ctx
  const { lectureId, status, ticket } = claim
  const fields = { memberName: actor.name, branchId: actor.branchId, status, ticket, createdAt: now, updatedAt: now }
  const doc: SignupDoc = { _id: signupId(lectureId, actor.memberId), lectureId, memberId: actor.memberId, ...fields }
  try {
    await db.collection('signups').add(doc)
    return true
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err
  }
  const _ = db.command
  const res = await db
    .collection('signups')
    .where({ _id: doc._id, status: _.in([...REOPENABLE_STATES]) })
    .update({ ...fields, reason: _.remove() })
  return (res as { updated?: number }).updated === 1
}

/** A refused or failed sign-up leaves the counters as it found them (the ticket stays used). */
async function giveBack(ctx: HandlerContext, { lectureId, status }: Claim): Promise<void> {
  const freed = freedBy(status)
  if (freed === 'seat') await passSeat(ctx.db, lectureId, ctx.now)
  else if (freed === 'place') await addWaiting(ctx.db, lectureId, -1)
}
