/**
 * A lecture's seat counters recounted from its sign-ups, after a function died between moving a counter and
 * writing the sign-up, or the other way round (_shared/seats.ts): e.g. `signedUp 65` with 64 confirmed.
 *
 * A counter moved and a document not yet written look the same whether the function died or is still at
 * work, so a lecture is recounted only at rest: no counter moved (`countersAt`) and no sign-up changed
 * (`updatedAt`) for SETTLE_MS, longer than any function may run (cloudbaserc.json: 10 s; the platform's
 * limit is 60 s). A request that starts after these reads moves a counter first, so the recount's
 * conditional write (every counter and the capacity as read) misses and nothing is lost; one that changes a
 * sign-up first and a counter second applies its move on top of a recount that saw the sign-up as it was.
 * Then seats that stand free while members wait go to the waitlist in ticket order (seats.ts fillSeats).
 */
import type { RepairResult } from '../../src/shared/contract'
import type { LectureDoc, SignupDoc } from '../../src/shared/model'
import type { Database } from '../_shared/cloud'
import { fillSeats } from '../_shared/seats'

export const SETTLE_MS = 2 * 60_000
/** Sign-ups read per call (the service's most). */
const PAGE = 1000

type Counters = RepairResult['before']
export type Recount = Pick<RepairResult, 'countersFixed' | 'before' | 'after' | 'promoted' | 'busy'>

const countersOf = (l: LectureDoc): Counters => ({
  signedUp: l.signedUp,
  seatsFree: l.seatsFree ?? null, // a lecture stored before seatsFree existed
  waiting: l.waiting,
})
const same = (a: Counters, b: Counters) =>
  a.signedUp === b.signedUp && a.seatsFree === b.seatsFree && a.waiting === b.waiting

export async function recountSeats(db: Database, lecture: LectureDoc, now: Date): Promise<Recount> {
  const before = countersOf(lecture)
  const unchanged: Recount = { countersFixed: false, before, after: before, promoted: 0, busy: false }
  const restSince = now.getTime() - SETTLE_MS
  if (lecture.countersAt && lecture.countersAt.getTime() > restSince) return { ...unchanged, busy: true }
  // Nobody ever signed up (no ticket taken): nothing to read.
  const counted = lecture.tickets > 0 ? await countSignups(db, lecture._id) : { confirmed: 0, waitlisted: 0, last: 0 }
  if (counted.last > restSince) return { ...unchanged, busy: true }
  let after: Counters = {
    signedUp: counted.confirmed,
    seatsFree: Math.max(0, lecture.capacity - counted.confirmed),
    waiting: counted.waitlisted,
  }
  const countersFixed = !same(before, after)
  if (countersFixed && !(await writeCounters(db, lecture, before, after))) return { ...unchanged, busy: true }
  let promoted = 0
  if (lecture.status === 'published' && after.seatsFree! > 0 && after.waiting > 0) {
    promoted = (await fillSeats(db, lecture._id, now)).length
    after = {
      signedUp: after.signedUp + promoted,
      seatsFree: after.seatsFree! - promoted,
      waiting: after.waiting - promoted,
    }
  }
  return { countersFixed, before, after, promoted, busy: false }
}

/** Confirmed and waitlisted sign-ups of the lecture, and when the latest of all its sign-ups changed. */
async function countSignups(db: Database, lectureId: string) {
  const _ = db.command
  let confirmed = 0
  let waitlisted = 0
  let last = 0
  for (let after = 0; ;) {
    const res = await db
      .collection('signups')
      .where({ lectureId, ticket: _.gt(after) })
      .orderBy('ticket', 'asc')
      .limit(PAGE)
      .field({ status: true, ticket: true, updatedAt: true })
      .get()
    const docs = res.data as Pick<SignupDoc, 'status' | 'ticket' | 'updatedAt'>[]
    for (const s of docs) {
      if (s.status === 'confirmed') confirmed++
      else if (s.status === 'waitlisted') waitlisted++
      last = Math.max(last, new Date(s.updatedAt).getTime())
    }
    if (docs.length < PAGE) return { confirmed, waitlisted, last }
    after = docs[docs.length - 1].ticket
  }
}

/** The recount, only if no counter moved since the lecture was read; false if one did. */
async function writeCounters(db: Database, lecture: LectureDoc, before: Counters, after: Counters): Promise<boolean> {
  const _ = db.command
  const res = await db
    .collection('lectures')
    .where({
      _id: lecture._id,
      capacity: lecture.capacity,
      tickets: lecture.tickets,
      signedUp: before.signedUp,
      waiting: before.waiting,
      seatsFree: before.seatsFree ?? _.exists(false),
    })
    .update({ ...after, countersAt: db.serverDate() })
  return (res as { updated?: number }).updated === 1
}
