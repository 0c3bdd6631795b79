/**
 * Many members at once, through the in-process function, the real SDK and the emulator: capacity is never
 * exceeded, seats and the waitlist follow arrival order at the server, cancellations promote in that order,
 * a double tap counts once, and a seat freed while someone is joining the waitlist is not lost.
 */
import { EJSON } from 'bson'
import { EventEmitter } from 'events'
import { actorOf } from '../../cloudfunctions/_shared/actor'
import { fillSeats, joinWaitlist } from '../../cloudfunctions/_shared/seats'
import { seedDatabase } from '../../scripts/seed/index'
import type { LectureRoster, MyLectureItem, SignupResult } from '../../src/shared/contract'
import type { Reply } from '../../src/shared/errors'
import type { BindingDoc, SignupDoc } from '../../src/shared/model'
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import {
  addBoundMembers,
  addLecture,
  call,
  expectConsistent,
  now,
  ok,
  storedLecture,
  storedSignups,
} from './signup.fixtures'

const BRANCH = 'br-lixia-ssdl-lt'
const SECRETARY = 'demo-m-0005'
jest.setTimeout(120_000)
// The SDK adds a 'connect' listener to its keep-alive socket per request (request-core.js onTimeout); with
// hundreds of requests in flight in one process that passes Node's warning threshold of 10 per socket.
EventEmitter.defaultMaxListeners = 100

let cloud: TestCloud
/** 300 bound members, openid `c-c-m-0001` … */
const crowd: string[] = []
const memberOf = (openid: string) => openid.slice(2)

cloudForFile(
  (started) => (cloud = started),
  async () => {
    await seedDatabase(cloud.db, now)
    crowd.push(...(await addBoundMembers(cloud, 'c', 300, BRANCH)))
  },
  120_000,
)

/** What the server answered to each successful update of a lecture's counters, in the order it handled them. */
function recordCounterUpdates(lectureId: string): { tickets: number; signedUp: number; waiting: number }[] {
  const seen: { tickets: number; signedUp: number; waiting: number }[] = []
  const database = cloud.emulator.database
  const handle = database.handle.bind(database)
  database.handle = (action, p) => {
    const res = handle(action, p)
    const doc = (res.data as { doc?: string | null } | undefined)?.doc
    if (action === 'database.modifyAndReturnDoc' && p.collectionName === 'lectures' && doc) {
      const { _id, tickets, signedUp, waiting } = EJSON.parse(doc)
      if (_id === lectureId) seen.push({ tickets, signedUp, waiting })
    }
    return res
  }
  return seen
}

const byMember = (lectureId: string) => new Map(storedSignups(cloud, lectureId).map((s) => [s.memberId, s]))
const ticketsIn = (docs: SignupDoc[], status: SignupDoc['status']) =>
  docs.filter((d) => d.status === status).map((d) => d.ticket)
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('300 members sign up for 50 seats at the same moment', () => {
  let replies: Reply<unknown>[]
  let arrivals: ReturnType<typeof recordCounterUpdates>

  beforeAll(async () => {
    await addLecture(cloud, 'C-300', 'br-shizhong-sg-1', { openToAll: true, capacity: 50 })
    arrivals = recordCounterUpdates('C-300')
    replies = await Promise.all(crowd.map((openid) => call('signUp', { lectureId: 'C-300' }, openid)))
  })

  it('ends with exactly 50 confirmed and 250 waitlisted, and the counters say so', () => {
    expect(replies.filter((r) => !r.ok)).toEqual([])
    const statuses = replies.map((r) => (r.ok ? (r.data as SignupResult).status : r.code))
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(50)
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(250)
    expect(storedLecture(cloud, 'C-300')).toMatchObject({ capacity: 50, signedUp: 50, waiting: 250, tickets: 300 })
    expect(storedSignups(cloud, 'C-300')).toHaveLength(300)
    expectConsistent(cloud, 'C-300')
  })

  it('seats the first 50 to reach the server and queues the rest in arrival order', () => {
    // The server's own order: the k-th update it handled gave ticket k, a seat while k ≤ 50, else place k − 50.
    expect(arrivals.map((a) => [a.tickets, a.signedUp, a.waiting])).toEqual(
      range(1, 300).map((k) => (k <= 50 ? [k, k, 0] : [k, 50, k - 50])),
    )
    const docs = storedSignups(cloud, 'C-300')
    expect(ticketsIn(docs, 'confirmed')).toEqual(range(1, 50))
    expect(ticketsIn(docs, 'waitlisted')).toEqual(range(51, 300))
    // Each member was told their place, which is their ticket's place in the queue.
    const signups = byMember('C-300')
    crowd.forEach((openid, i) => {
      const ticket = signups.get(memberOf(openid))!.ticket
      const reply = replies[i] as { data: SignupResult }
      expect(reply.data).toEqual(
        ticket <= 50 ? { status: 'confirmed' } : { status: 'waitlisted', position: ticket - 50 },
      )
    })
  })

  it('shows the waitlist in ticket order on the roster and in each member’s lectures', async () => {
    const roster = await ok<LectureRoster>('roster', { lectureId: 'C-300' }, 'demo-m-0028')
    const waitlisted = roster.rows.filter((r) => r.status === 'waitlisted')
    expect(waitlisted.map((r) => [r.ticket, r.position])).toEqual(range(51, 300).map((t) => [t, t - 50]))
    const last = waitlisted[waitlisted.length - 1]
    const items = await ok<{ items: MyLectureItem[] }>('mine', {}, `c-${last.memberId}`)
    expect(items.items.find((i) => i.lecture.id === 'C-300')).toMatchObject({ status: 'waitlisted', position: 250 })
  })

  it('gives the seats of 10 simultaneous cancellations to the 10 first on the waitlist', async () => {
    const signups = byMember('C-300')
    const leaving = crowd.filter(
      (o) => signups.get(memberOf(o))!.ticket % 5 === 0 && signups.get(memberOf(o))!.ticket <= 50,
    )
    expect(leaving).toHaveLength(10)
    const res = await Promise.all(leaving.map((o) => call('cancel', { lectureId: 'C-300' }, o)))
    expect(res.every((r) => r.ok)).toBe(true)
    const docs = storedSignups(cloud, 'C-300')
    expect(ticketsIn(docs, 'confirmed')).toEqual([...range(1, 50).filter((t) => t % 5 !== 0), ...range(51, 60)])
    expect(ticketsIn(docs, 'waitlisted')).toEqual(range(61, 300))
    expect(storedLecture(cloud, 'C-300')).toMatchObject({ signedUp: 50, waiting: 240 })
    expectConsistent(cloud, 'C-300')
  })

  it('keeps the counts exact when cancellations from seats and from the queue and new sign-ups come at once', async () => {
    const signups = byMember('C-300')
    const ticketOf = (o: string) => signups.get(memberOf(o))!.ticket
    const seated = crowd.filter((o) => ticketOf(o) >= 51 && ticketOf(o) <= 60)
    const queued = crowd.filter((o) => ticketOf(o) > 290)
    const returning = crowd.filter(
      (o) => ticketOf(o) % 5 === 0 && ticketOf(o) <= 50 && signups.get(memberOf(o))!.status === 'cancelled',
    )
    const res = await Promise.all([
      ...seated.map((o) => call('cancel', { lectureId: 'C-300' }, o)),
      ...queued.map((o) => call('cancel', { lectureId: 'C-300' }, o)),
      ...returning.map((o) => call('signUp', { lectureId: 'C-300' }, o)),
    ])
    expect(res.filter((r) => !r.ok)).toEqual([])
    const docs = storedSignups(cloud, 'C-300')
    expect(ticketsIn(docs, 'confirmed')).toEqual([...range(1, 50).filter((t) => t % 5 !== 0), ...range(61, 70)])
    expect(ticketsIn(docs, 'waitlisted')).toEqual([...range(71, 290), ...range(301, 310)])
    expect(storedLecture(cloud, 'C-300')).toMatchObject({ signedUp: 50, waiting: 230, tickets: 310 })
    expectConsistent(cloud, 'C-300')
  })
})

describe('one member tapping 20 times at once', () => {
  it('gets one sign-up and one seat', async () => {
    await addLecture(cloud, 'C-tap', BRANCH, { capacity: 50 })
    const res = await Promise.all(Array.from({ length: 20 }, () => call('signUp', { lectureId: 'C-tap' }, crowd[0])))
    expect(res.filter((r) => r.ok).map((r) => r.ok && r.data)).toEqual([{ status: 'confirmed' }])
    expect(res.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(19).fill('ALREADY_SIGNED_UP'))
    expect(storedSignups(cloud, 'C-tap')).toHaveLength(1)
    expect(storedLecture(cloud, 'C-tap')).toMatchObject({ signedUp: 1, waiting: 0 })
  })

  it('gets one place on a full lecture’s waitlist', async () => {
    await addLecture(cloud, 'C-tap-full', BRANCH, { capacity: 1 })
    await ok('signUp', { lectureId: 'C-tap-full' }, crowd[1])
    const res = await Promise.all(
      Array.from({ length: 20 }, () => call('signUp', { lectureId: 'C-tap-full' }, crowd[2])),
    )
    expect(res.filter((r) => r.ok).map((r) => r.ok && r.data)).toEqual([{ status: 'waitlisted', position: 1 }])
    expect(storedLecture(cloud, 'C-tap-full')).toMatchObject({ signedUp: 1, waiting: 1 })
    expectConsistent(cloud, 'C-tap-full')
  })
})

describe('a seat freed while a member is joining the waitlist', () => {
  const bindingOf = (openid: string) =>
    cloud.emulator.store.scan('bindings', { _id: openid })[0].doc as unknown as BindingDoc
  const waitlistDoc = (lectureId: string, openid: string, ticket: number): SignupDoc => {
    const b = bindingOf(openid)
    return {
      _id: `${lectureId}:${b.memberId}`,
      lectureId,
      memberId: b.memberId,
      memberName: b.name,
      branchId: b.branchId,
      status: 'waitlisted',
      ticket,
      createdAt: now,
      updatedAt: now,
    }
  }

  it('goes to that member when they look for a free seat after writing their sign-up', async () => {
    await addLecture(cloud, 'C-race', BRANCH, { capacity: 2 })
    await ok('signUp', { lectureId: 'C-race' }, crowd[10])
    await ok('signUp', { lectureId: 'C-race' }, crowd[11])
    // Y is counted as waiting (ticket 3) but has not written their sign-up yet …
    const y = crowd[12]
    const entry = await joinWaitlist(cloud.db, 'C-race', actorOf(bindingOf(y)), now)
    expect(entry).toMatchObject({ tickets: 3, signedUp: 2, waiting: 1 })
    // … when a seat is given up: nobody to promote can be seen, so the seat is freed.
    await ok('cancel', { lectureId: 'C-race' }, crowd[10])
    expect(storedLecture(cloud, 'C-race')).toMatchObject({ signedUp: 1, waiting: 1 })
    // Y writes their sign-up, then looks for a free seat, as signUp does, and takes it.
    await cloud.db.collection('signups').add(waitlistDoc('C-race', y, entry!.tickets))
    expect(await fillSeats(cloud.db, 'C-race', now)).toEqual([`C-race:${memberOf(y)}`])
    expect(storedLecture(cloud, 'C-race')).toMatchObject({ signedUp: 2, waiting: 0 })
    expectConsistent(cloud, 'C-race')
  })

  it('goes to that member at once when their sign-up is written before the seat is given up', async () => {
    await addLecture(cloud, 'C-race-2', BRANCH, { capacity: 1 })
    await ok('signUp', { lectureId: 'C-race-2' }, crowd[13])
    const y = crowd[14]
    const entry = await joinWaitlist(cloud.db, 'C-race-2', actorOf(bindingOf(y)), now)
    await cloud.db.collection('signups').add(waitlistDoc('C-race-2', y, entry!.tickets))
    await ok('cancel', { lectureId: 'C-race-2' }, crowd[13])
    expect(storedSignups(cloud, 'C-race-2').find((s) => s.memberId === memberOf(y))?.status).toBe('confirmed')
    expect(await fillSeats(cloud.db, 'C-race-2', now)).toEqual([])
    expectConsistent(cloud, 'C-race-2')
  })
})

it('stays consistent through rounds of random sign-ups, cancellations and approvals at once', async () => {
  await addLecture(cloud, 'C-storm', BRANCH, { capacity: 5 })
  await addLecture(cloud, 'C-storm-ask', BRANCH, { capacity: 3, approvalRequired: true })
  const people = crowd.slice(100, 140)
  let seed = 7
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  for (let round = 0; round < 4; round++) {
    const pending = storedSignups(cloud, 'C-storm-ask').filter((s) => s.status === 'pending')
    const res = await Promise.all([
      ...people.map((o) => call(random() < 0.6 ? 'signUp' : 'cancel', { lectureId: 'C-storm' }, o)),
      ...people.slice(0, 15).map((o) => call(random() < 0.7 ? 'signUp' : 'cancel', { lectureId: 'C-storm-ask' }, o)),
      ...pending.map((s) =>
        call(
          'decide',
          { lectureId: 'C-storm-ask', memberId: s.memberId, decision: random() < 0.8 ? 'approve' : 'decline' },
          SECRETARY,
        ),
      ),
    ])
    const codes = new Set(res.filter((r) => !r.ok).map((r) => !r.ok && r.code))
    for (const code of codes) expect(['ALREADY_SIGNED_UP', 'NOT_SIGNED_UP', 'INVALID_STATE']).toContain(code)
    expectConsistent(cloud, 'C-storm')
    expectConsistent(cloud, 'C-storm-ask')
  }
})
