/**
 * The seats of a lecture, kept without transactions. The lecture holds four counters: `tickets` (arrivals,
 * the waitlist's order), `signedUp` (confirmed), `seatsFree` (capacity − signedUp, never below 0) and
 * `waiting` (waitlisted). A seat is claimed with `seatsFree > 0` and `seatsFree − 1`: a plain counter
 * condition, because the real service documents `$expr` (comparing two fields) for queries only, not for
 * the filter of an update (the local CloudBase refuses it there: emulator/README.md).
 * `signedUp` and `seatsFree` always move together. Each sign-up document holds its state and ticket. Every
 * change of a counter is one conditional update of the lecture, every change of a state one conditional
 * update of the sign-up (both atomic in CloudBase, as in MongoDB), so two requests never take the same seat
 * or promote the same member. Every counter move also stamps `countersAt` (the database's clock), so the
 * repair (maintenance/repair.ts) can tell a lecture at rest from one with a request in flight.
 *
 * What holds when nothing is in flight: signedUp = confirmed sign-ups ≤ capacity, seatsFree = capacity −
 * signedUp, waiting = waitlisted ones, and waiting > 0 only when seatsFree = 0 (no seat stays empty while
 * someone waits).
 *
 * The one race to mind: a member is counted as waiting before their sign-up document exists, so a seat
 * freed in between finds nobody to promote. Both sides therefore write first and look second: whoever
 * frees a seat lowers `signedUp` and then looks for a waiting document; whoever joins the waitlist writes
 * their document and then looks for a free seat (fillSeats). Whichever looks last sees the other. (Order
 * within that moment is best effort: a seat freed then goes to the first waiting document written, which
 * may be the later of two members who joined within the same round trip.)
 *
 * If a function dies between two steps, a counter can be left one off (e.g. counted as waiting, no
 * document): fillSeats copes with a count without a document, and maintenance.repair recounts.
 */
import type { SignupDoc } from '../../src/shared/model'
import type { Actor } from '../../src/shared/rights'
import { freedBy } from '../../src/shared/signupRules'
import type { Database } from './cloud'

/** A conditional update that matched nothing answers 0; a loop that keeps losing races gives up here. */
const MAX_TRIES = 20

type Command = Database['command']
type Where = Parameters<ReturnType<Database['collection']>['where']>[0]

/** The lecture is published, before its deadline and visible to the member: rights.ts canSeeLecture, as a query. */
export function openTo(_: Command, lectureId: string, actor: Actor, now: Date): object[] {
  return [
    { _id: lectureId, status: 'published', signupDeadline: _.gt(now) },
    _.or([{ openToAll: true }, { hostOrgId: _.in(actor.path) }, { coHostOrgIds: _.in(actor.path) }]),
  ]
}

/** A seat is free: the condition of every claim. */
const seatFree = (_: Command) => ({ seatsFree: _.gt(0) })
/** The counter moves of taking a seat and of giving one back. */
const seatTaken = (_: Command) => ({ signedUp: _.inc(1), seatsFree: _.inc(-1) })
const seatGiven = (_: Command) => ({ signedUp: _.inc(-1), seatsFree: _.inc(1) })

/** The database answers some failures as `{code}` instead of throwing. */
function checked<T extends object>(res: T): T {
  const code = (res as { code?: string }).code
  if (code) throw new Error(`database: ${code} ${(res as { message?: string }).message ?? ''}`)
  return res
}

/** A counter move, stamped with the database's time (see the top). */
const stamped = (db: Database, change: object) => ({ ...change, countersAt: db.serverDate() })

async function lectureUpdate(db: Database, where: object[], change: object): Promise<boolean> {
  const res = checked(
    await db
      .collection('lectures')
      .where(db.command.and(where as Where[]))
      .update(stamped(db, change)),
  )
  return (res as { updated?: number }).updated === 1
}

async function lectureUpdateAndReturn<T>(db: Database, where: object[], change: object): Promise<T | undefined> {
  const res = checked(
    await db
      .collection('lectures')
      .where(db.command.and(where as Where[]))
      .updateAndReturn(stamped(db, change)),
  )
  return (res.doc ?? undefined) as T | undefined
}

/** The counters a sign-up needs back, with what names a refusal. */
export interface EntryDoc {
  tickets: number
  signedUp: number
  seatsFree: number
  waiting: number
  capacity: number
}

/**
 * A seat and a ticket in one atomic step, if a seat is free, nobody waits and no approval is needed
 * (signupRules.ts entryFor). Arrival order thus decides who gets a seat.
 */
export function takeSeat(db: Database, lectureId: string, actor: Actor, now: Date): Promise<EntryDoc | undefined> {
  const _ = db.command
  return lectureUpdateAndReturn(
    db,
    [...openTo(_, lectureId, actor, now), { approvalRequired: false, waiting: 0 }, seatFree(_)],
    { tickets: _.inc(1), ...seatTaken(_) },
  )
}

/** A place on the waitlist and a ticket in one step: everyone counted as waiting came before. */
export function joinWaitlist(db: Database, lectureId: string, actor: Actor, now: Date): Promise<EntryDoc | undefined> {
  const _ = db.command
  return lectureUpdateAndReturn(db, [...openTo(_, lectureId, actor, now), { approvalRequired: false }], {
    tickets: _.inc(1),
    waiting: _.inc(1),
  })
}

/** A ticket only: a sign-up that waits for the secretary's approval takes no seat yet. */
export function takeTicket(db: Database, lectureId: string, actor: Actor, now: Date): Promise<EntryDoc | undefined> {
  const _ = db.command
  return lectureUpdateAndReturn(db, [...openTo(_, lectureId, actor, now), { approvalRequired: true }], {
    tickets: _.inc(1),
  })
}

/** An approved request takes a seat only if one is free and nobody waits (they were approved earlier or came first). */
export function claimSeatForApproved(db: Database, lectureId: string): Promise<boolean> {
  const _ = db.command
  return lectureUpdate(db, [{ _id: lectureId, waiting: 0 }, seatFree(_)], seatTaken(_))
}

export function addWaiting(db: Database, lectureId: string, by: 1 | -1): Promise<boolean> {
  return lectureUpdate(db, [{ _id: lectureId }], { waiting: db.command.inc(by) })
}

/** The waitlisted sign-up with the lowest ticket: the next to get a seat. */
export async function firstWaiting(db: Database, lectureId: string): Promise<SignupDoc | undefined> {
  const res = checked(
    await db.collection('signups').where({ lectureId, status: 'waitlisted' }).orderBy('ticket', 'asc').limit(1).get(),
  )
  return (res.data as SignupDoc[])[0]
}

/** Moves a sign-up from one state to another only if it is still in the first: two requests never both do it. */
export async function changeState(
  db: Database,
  signupId: string,
  from: SignupDoc['status'],
  change: Partial<SignupDoc>,
): Promise<boolean> {
  const res = checked(await db.collection('signups').where({ _id: signupId, status: from }).update(change))
  return (res as { updated?: number }).updated === 1
}

/**
 * Ends a sign-up that held a seat, a waitlist place or a request, passing a seat on to the waitlist: the step of
 * signup.cancel and of a member leaving the rolls. False when the sign-up was no longer in that state.
 */
export async function releaseSignup(
  db: Database,
  signup: Pick<SignupDoc, '_id' | 'lectureId' | 'status'>,
  now: Date,
): Promise<boolean> {
  if (!(await changeState(db, signup._id, signup.status, { status: 'cancelled', updatedAt: now }))) return false
  const freed = freedBy(signup.status)
  if (freed === 'seat') await passSeat(db, signup.lectureId, now)
  else if (freed === 'place') await addWaiting(db, signup.lectureId, -1)
  return true
}

/**
 * A confirmed seat was given up: it goes to the first on the waitlist, else it becomes free. Returns the
 * ids of the sign-ups promoted.
 */
export async function passSeat(db: Database, lectureId: string, now: Date): Promise<string[]> {
  const _ = db.command
  for (let i = 0; i < MAX_TRIES; i++) {
    const head = await firstWaiting(db, lectureId)
    if (!head) break
    // The seat passes as it is: signedUp stays, waiting drops once the promotion is done.
    if (await changeState(db, head._id, 'waitlisted', { status: 'confirmed', updatedAt: now })) {
      await lectureUpdate(db, [{ _id: lectureId }], { waiting: _.inc(-1) })
      return [head._id]
    }
    // Promoted by another request or cancelled a moment ago: the next one.
  }
  // Nobody waits that we can see: free the seat, then look again (someone may be joining the waitlist).
  await lectureUpdate(db, [{ _id: lectureId }], seatGiven(_))
  return fillSeats(db, lectureId, now)
}

/**
 * While a seat is free and someone waits, the first waiting is promoted. Claims the seat first (a counter
 * step from waiting to signedUp), then promotes; a claim that finds nobody to promote is given back.
 * Returns the ids of the sign-ups promoted.
 */
export async function fillSeats(db: Database, lectureId: string, now: Date): Promise<string[]> {
  const _ = db.command
  const promoted: string[] = []
  for (let i = 0; i < MAX_TRIES; i++) {
    const claimed = await lectureUpdate(db, [{ _id: lectureId, waiting: _.gt(0) }, seatFree(_)], {
      ...seatTaken(_),
      waiting: _.inc(-1),
    })
    if (!claimed) return promoted
    const head = await firstWaiting(db, lectureId)
    if (head && (await changeState(db, head._id, 'waitlisted', { status: 'confirmed', updatedAt: now }))) {
      promoted.push(head._id)
      continue
    }
    await lectureUpdate(db, [{ _id: lectureId }], { ...seatGiven(_), waiting: _.inc(1) })
    // Counted as waiting but not written yet: that member fills the seat after writing (they look last).
    if (!head && !(await firstWaiting(db, lectureId))) return promoted
  }
  console.warn(`[signup] fillSeats(${lectureId}) gave up after ${MAX_TRIES} tries`)
  return promoted
}
