/**
 * The signup function in-process, through the real SDK and the emulator, with seeded data: every sign-up
 * rule, the roster and its export, and who may do what. (Many members at once: signup-concurrency.test.ts.)
 */
import ExcelJS from 'exceljs'
import { existsSync, readdirSync } from 'fs'
import { join } from 'path'
import { main as lectureMain } from '../../cloudfunctions/lecture/main'
import { seedDatabase } from '../../scripts/seed/index'
import type { LectureDetail, LectureRoster, MyLectureItem, SignupResult } from '../../src/shared/contract'
import { ServiceError } from '../../emulator/src/database/errors'
import { caller } from '../support/caller'
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { signupDoc } from '../support/records'
import type { SignupState } from '../../src/shared/model'
import {
  addBoundMembers,
  addLecture,
  call,
  expectConsistent,
  inHours,
  now,
  ok,
  org,
  storedLecture,
  storedSignups,
} from './signup.fixtures'

/** A branch of 解放路街道 (历下区) and its people, as seeded. */
const HOST = 'br-lixia-ssdl-lt'
const BRANCH = org(HOST).name
const SECRETARY = 'demo-m-0005'
const COMMITTEE = 'demo-m-0006'
const PLAIN = 'demo-m-0007'
/** Secretary of the neighbouring branch (same party committee). */
const OTHER_SECRETARY = 'demo-m-0001'
/** Administrators of 解放路街道, 历下区 and the city: all above HOST. */
const ADMINS_ABOVE = ['demo-m-0004', 'demo-m-0017', 'demo-m-0186']
/** Administrator of a street in 市中区. */
const ADMIN_ELSEWHERE = 'demo-m-0028'
const UNBOUND = 'wx-nobody'

let cloud: TestCloud
/** Extra bound members of HOST, so that each test has fresh people. */
const m: string[] = []
cloudForFile(
  (started) => (cloud = started),
  async () => {
    await seedDatabase(cloud.db, now)
    m.push(...(await addBoundMembers(cloud, 'r', 40, HOST)))
  },
)

const signUp = (lectureId: string, openid: string) => ok<SignupResult>('signUp', { lectureId }, openid)
const cancel = (lectureId: string, openid: string) => ok<SignupResult>('cancel', { lectureId }, openid)
const mine = (openid: string, scope: 'upcoming' | 'past' = 'upcoming') =>
  ok<{ items: MyLectureItem[] }>('mine', { scope }, openid).then((r) => r.items)
const statusOf = (lectureId: string, memberOpenid: string) =>
  storedSignups(cloud, lectureId).find(
    (s) => `r-${s.memberId}` === memberOpenid || `demo-${s.memberId}` === memberOpenid,
  )?.status

/** Everything a refused request could have written. */
const snapshot = () =>
  JSON.stringify([cloud.emulator.store.scan('lectures', {}), cloud.emulator.store.scan('signups', {})])

describe('sign-up and cancellation', () => {
  it('gives seats in arrival order, then places on the waitlist', async () => {
    await addLecture(cloud, 'L-fifo', HOST, { capacity: 2 })
    expect(await signUp('L-fifo', m[0])).toEqual({ status: 'confirmed' })
    expect(await signUp('L-fifo', m[1])).toEqual({ status: 'confirmed' })
    expect(await signUp('L-fifo', m[2])).toEqual({ status: 'waitlisted', position: 1 })
    expect(await signUp('L-fifo', m[3])).toEqual({ status: 'waitlisted', position: 2 })
    expect(storedLecture(cloud, 'L-fifo')).toMatchObject({ tickets: 4, signedUp: 2, waiting: 2 })
    const docs = storedSignups(cloud, 'L-fifo')
    expect(docs.map((d) => [d._id, d.ticket, d.status])).toEqual([
      ['L-fifo:r-m-0001', 1, 'confirmed'],
      ['L-fifo:r-m-0002', 2, 'confirmed'],
      ['L-fifo:r-m-0003', 3, 'waitlisted'],
      ['L-fifo:r-m-0004', 4, 'waitlisted'],
    ])
    expect(docs[0]).toMatchObject({
      lectureId: 'L-fifo',
      memberId: 'r-m-0001',
      memberName: '测试r0001',
      branchId: HOST,
    })
    expectConsistent(cloud, 'L-fifo')
  })

  it('passes a cancelled seat to the first on the waitlist, who sees it in my lectures and on the lecture', async () => {
    expect(await cancel('L-fifo', m[0])).toEqual({ status: 'cancelled' })
    expect(statusOf('L-fifo', m[2])).toBe('confirmed')
    expect(storedLecture(cloud, 'L-fifo')).toMatchObject({ signedUp: 2, waiting: 1 })
    expect((await mine(m[2])).find((i) => i.lecture.id === 'L-fifo')).toMatchObject({ status: 'confirmed' })
    expect((await mine(m[3])).find((i) => i.lecture.id === 'L-fifo')).toMatchObject({
      status: 'waitlisted',
      position: 1,
    })
    const detail = await caller(lectureMain).call('detail', { id: 'L-fifo' }, m[2])
    expect(detail.ok && (detail.data as LectureDetail).mySignup).toEqual({ status: 'confirmed' })
    expect(await mine(m[0])).toEqual([]) // a cancelled sign-up is gone from my lectures
    expectConsistent(cloud, 'L-fifo')
  })

  it('moves the waitlist up when someone leaves it, and frees a seat when nobody waits', async () => {
    expect(await signUp('L-fifo', m[4])).toEqual({ status: 'waitlisted', position: 2 })
    expect(await cancel('L-fifo', m[3])).toEqual({ status: 'cancelled' })
    expect((await mine(m[4]))[0]).toMatchObject({ status: 'waitlisted', position: 1 })
    expect(storedLecture(cloud, 'L-fifo')).toMatchObject({ signedUp: 2, waiting: 1 })
    await cancel('L-fifo', m[1]) // m[4] takes that seat
    await cancel('L-fifo', m[2]) // nobody waits: the seat is free
    expect(storedLecture(cloud, 'L-fifo')).toMatchObject({ signedUp: 1, waiting: 0 })
    expect(statusOf('L-fifo', m[4])).toBe('confirmed')
    expectConsistent(cloud, 'L-fifo')
  })

  it('reuses a cancelled sign-up when the member signs up again, with a new ticket', async () => {
    expect(await signUp('L-fifo', m[0])).toEqual({ status: 'confirmed' })
    const again = storedSignups(cloud, 'L-fifo').filter((d) => d.memberId === 'r-m-0001')
    expect(again).toHaveLength(1)
    expect(again[0]).toMatchObject({ status: 'confirmed', ticket: 6 })
    expectConsistent(cloud, 'L-fifo')
  })

  it('allows one sign-up per member and lecture, and a refused second one takes nothing', async () => {
    await addLecture(cloud, 'L-once', HOST, { capacity: 1 })
    await signUp('L-once', m[0])
    await signUp('L-once', m[1])
    await addLecture(cloud, 'L-once-approval', HOST, { approvalRequired: true })
    await signUp('L-once-approval', m[0])
    const before = [storedLecture(cloud, 'L-once'), storedLecture(cloud, 'L-once-approval')]
    for (const [lectureId, who] of [
      ['L-once', m[0]], // confirmed
      ['L-once', m[1]], // waitlisted
      ['L-once-approval', m[0]], // pending
    ]) {
      expect(await call('signUp', { lectureId }, who)).toMatchObject({ ok: false, code: 'ALREADY_SIGNED_UP' })
    }
    const after = [storedLecture(cloud, 'L-once'), storedLecture(cloud, 'L-once-approval')]
    expect(after.map(({ signedUp, waiting }) => ({ signedUp, waiting }))).toEqual(
      before.map(({ signedUp, waiting }) => ({ signedUp, waiting })),
    )
    expect(storedSignups(cloud, 'L-once')).toHaveLength(2)
    expectConsistent(cloud, 'L-once')
  })

  /** The next write of a sign-up document goes through `instead` (the database's own write is `write`). */
  function onNextSignupWrite(instead: (write: () => unknown) => unknown) {
    const database = cloud.emulator.database
    const handle = database.handle.bind(database)
    database.handle = (action, p) => {
      if (action !== 'database.insertDocument' || p.collectionName !== 'signups') return handle(action, p)
      database.handle = handle
      return instead(() => handle(action, p)) as ReturnType<typeof handle>
    }
  }
  const counters = (id: string) => {
    const { signedUp, seatsFree, waiting } = storedLecture(cloud, id)
    return { signedUp, seatsFree, waiting }
  }

  it('gives the seat or waitlist place back when the sign-up cannot be written', async () => {
    const [a, b, c] = await addBoundMembers(cloud, 'fx', 3, HOST)
    await addLecture(cloud, 'L-fail', HOST, { capacity: 1 })
    for (const who of [a, b]) {
      const before = counters('L-fail')
      onNextSignupWrite(() => {
        throw new ServiceError('DATABASE_REQUEST_FAILED', 'connection reset')
      })
      expect(await call('signUp', { lectureId: 'L-fail' }, who)).toMatchObject({ ok: false, code: 'INTERNAL' })
      expect(counters('L-fail')).toEqual(before)
      expect(storedSignups(cloud, 'L-fail').filter((s) => `fx-${s.memberId}` === who)).toEqual([])
      await signUp('L-fail', who) // a = the seat, b = the waitlist
    }
    expect(counters('L-fail')).toEqual({ signedUp: 1, seatsFree: 0, waiting: 1 })
    // A write that landed but whose answer was lost keeps its place.
    const [d] = await addBoundMembers(cloud, 'fxd', 1, HOST)
    onNextSignupWrite((write) => {
      write()
      throw new ServiceError('DATABASE_REQUEST_FAILED', 'timeout')
    })
    expect(await signUp('L-fail', d)).toEqual({ status: 'waitlisted', position: 2 })
    expect(counters('L-fail')).toEqual({ signedUp: 1, seatsFree: 0, waiting: 2 })
    // A duplicate as the field reports it (another code, E11000 in the message): already signed up, nothing kept.
    for (const who of [a, b]) {
      onNextSignupWrite((write) => {
        try {
          return write()
        } catch (err) {
          throw new ServiceError('DATABASE_REQUEST_FAILED', (err as Error).message)
        }
      })
      expect(await call('signUp', { lectureId: 'L-fail' }, who)).toMatchObject({
        ok: false,
        code: 'ALREADY_SIGNED_UP',
      })
    }
    expect(counters('L-fail')).toEqual({ signedUp: 1, seatsFree: 0, waiting: 2 })
    expect(await signUp('L-fail', c)).toEqual({ status: 'waitlisted', position: 3 })
    expectConsistent(cloud, 'L-fail')
  })

  it('refuses with a reason and writes nothing: not visible, not open, closed, unknown, not a member', async () => {
    await addLecture(cloud, 'L-elsewhere', 'br-shizhong-sg-1')
    await addLecture(cloud, 'L-draft', HOST, { status: 'draft' })
    await addLecture(cloud, 'L-cancelled', HOST, { status: 'cancelled' })
    await addLecture(cloud, 'L-finished', HOST, { status: 'finished', startAt: inHours(-5), endAt: inHours(-3) })
    await addLecture(cloud, 'L-closed', HOST, { signupDeadline: inHours(-1) })
    const before = snapshot()
    const cases: [string, string | undefined, string][] = [
      ['L-elsewhere', m[5], 'NOT_VISIBLE'],
      ['L-draft', m[5], 'LECTURE_NOT_OPEN'],
      ['L-cancelled', m[5], 'LECTURE_NOT_OPEN'],
      ['L-finished', m[5], 'LECTURE_NOT_OPEN'],
      ['L-closed', m[5], 'SIGNUP_CLOSED'],
      ['L-none', m[5], 'NOT_FOUND'],
      ['L-fifo', undefined, 'NOT_SIGNED_IN'],
      ['L-fifo', UNBOUND, 'NOT_A_MEMBER'],
    ]
    for (const [lectureId, who, code] of cases) {
      expect([lectureId, await call('signUp', { lectureId }, who)]).toMatchObject([lectureId, { ok: false, code }])
    }
    expect(await call('signUp', { lectureId: '' }, m[5])).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(snapshot()).toBe(before)
  })

  it('opens a lecture to its co-hosts’ members and to everyone when it is open to all', async () => {
    await addLecture(cloud, 'L-cohost', 'br-shizhong-sg-1', { coHostOrgIds: [HOST] })
    await addLecture(cloud, 'L-open', 'br-shizhong-sg-1', { openToAll: true })
    expect(await signUp('L-cohost', m[5])).toEqual({ status: 'confirmed' })
    expect(await signUp('L-open', m[5])).toEqual({ status: 'confirmed' })
  })

  it('cancels until the deadline or until the start, as the lecture says', async () => {
    await addLecture(cloud, 'L-deadline', HOST)
    await addLecture(cloud, 'L-start', HOST, { cancelPolicy: 'untilStart' })
    for (const id of ['L-deadline', 'L-start']) {
      await signUp(id, m[6])
      await signUp(id, m[7])
    }
    // The deadline passes.
    await cloud.db
      .collection('lectures')
      .where({ _id: cloud.db.command.in(['L-deadline', 'L-start']) })
      .update({
        signupDeadline: inHours(-1),
      })
    expect(await call('cancel', { lectureId: 'L-deadline' }, m[6])).toMatchObject({
      ok: false,
      code: 'CANCEL_TOO_LATE',
    })
    expect(await cancel('L-start', m[6])).toEqual({ status: 'cancelled' })
    // The lecture starts.
    await cloud.db
      .collection('lectures')
      .doc('L-start')
      .update({ startAt: inHours(-0.5) })
    expect(await call('cancel', { lectureId: 'L-start' }, m[7])).toMatchObject({ ok: false, code: 'CANCEL_TOO_LATE' })
    expect(statusOf('L-deadline', m[6])).toBe('confirmed')
    expect(storedLecture(cloud, 'L-deadline').signedUp).toBe(2)
  })

  it('refuses to cancel what is not held, and on a cancelled lecture', async () => {
    expect(await call('cancel', { lectureId: 'L-deadline' }, m[8])).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
    expect(await call('cancel', { lectureId: 'L-start' }, m[6])).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
    await addLecture(cloud, 'L-called-off', HOST)
    await signUp('L-called-off', m[8])
    await cloud.db.collection('lectures').doc('L-called-off').update({ status: 'cancelled' })
    expect(await call('cancel', { lectureId: 'L-called-off' }, m[8])).toMatchObject({
      ok: false,
      code: 'LECTURE_NOT_OPEN',
    })
    expect(await call('cancel', { lectureId: 'L-fifo' })).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
  })

  it('cancels a pending request without touching the seats', async () => {
    await addLecture(cloud, 'L-ask', HOST, { approvalRequired: true, capacity: 1 })
    expect(await signUp('L-ask', m[9])).toEqual({ status: 'pending' })
    expect(storedLecture(cloud, 'L-ask')).toMatchObject({ signedUp: 0, waiting: 0, tickets: 1 })
    expect(await cancel('L-ask', m[9])).toEqual({ status: 'cancelled' })
    expect(storedLecture(cloud, 'L-ask')).toMatchObject({ signedUp: 0, waiting: 0 })
  })

  it('costs 3 database calls for a seat and 5 for a waitlist place', async () => {
    await addLecture(cloud, 'L-calls', HOST, { capacity: 1 })
    cloud.emulator.counters.reset()
    await signUp('L-calls', m[10])
    expect(cloud.emulator.counters.snapshot().total).toBe(3)
    cloud.emulator.counters.reset()
    await signUp('L-calls', m[11])
    expect(cloud.emulator.counters.snapshot().total).toBe(5)
  })
})

describe('approval', () => {
  it('keeps requests pending without a seat; approved they take a seat or wait; declined they see why', async () => {
    await addLecture(cloud, 'L-approve', HOST, { approvalRequired: true, capacity: 1 })
    for (const who of [m[12], m[13], m[14]]) expect(await signUp('L-approve', who)).toEqual({ status: 'pending' })
    expect(storedLecture(cloud, 'L-approve')).toMatchObject({ signedUp: 0, waiting: 0, tickets: 3 })
    const decide = (memberId: string, decision: 'approve' | 'decline', reason?: string) =>
      ok<SignupResult>('decide', { lectureId: 'L-approve', memberId, decision, reason }, SECRETARY)

    expect(await decide('r-m-0014', 'approve')).toEqual({ status: 'confirmed' })
    expect(await decide('r-m-0013', 'approve')).toEqual({ status: 'waitlisted', position: 1 })
    expect(await decide('r-m-0015', 'decline', '本次名额已满，请报名下一期')).toEqual({ status: 'declined' })
    expectConsistent(cloud, 'L-approve')

    const declined = (await mine(m[14])).find((i) => i.lecture.id === 'L-approve')
    expect(declined).toMatchObject({ status: 'declined', reason: '本次名额已满，请报名下一期' })
    expect(
      await call('decide', { lectureId: 'L-approve', memberId: 'r-m-0015', decision: 'approve' }, SECRETARY),
    ).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(
      await call('decide', { lectureId: 'L-approve', memberId: 'r-m-0030', decision: 'approve' }, SECRETARY),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    // Declined, they may ask again: the same document, a new ticket, no old reason.
    expect(await signUp('L-approve', m[14])).toEqual({ status: 'pending' })
    const again = storedSignups(cloud, 'L-approve').find((s) => s.memberId === 'r-m-0015')!
    expect(again).toMatchObject({ status: 'pending', ticket: 4 })
    expect(again.reason).toBeUndefined()

    // The approved seat is given up: the approved member on the waitlist gets it.
    await cancel('L-approve', m[13])
    expect(statusOf('L-approve', m[12])).toBe('confirmed')
    expectConsistent(cloud, 'L-approve')
  })
})

describe('my lectures', () => {
  it('lists upcoming and past sign-ups with their lectures, in time order, in at most 4 calls', async () => {
    const who = m[20]
    await addLecture(cloud, 'L-mine-late', HOST, { startAt: inHours(72), endAt: inHours(74) })
    await addLecture(cloud, 'L-mine-soon', HOST, { startAt: inHours(30), endAt: inHours(32), capacity: 1 })
    await addLecture(cloud, 'L-mine-past', HOST, {
      status: 'finished',
      startAt: inHours(-50),
      endAt: inHours(-48),
      signupDeadline: inHours(-52),
    })
    await signUp('L-mine-late', who)
    await signUp('L-mine-soon', m[21])
    await signUp('L-mine-soon', who)
    await cloud.db.collection('signups').add({
      _id: 'L-mine-past:r-m-0021',
      lectureId: 'L-mine-past',
      memberId: 'r-m-0021',
      memberName: '测试r0021',
      branchId: HOST,
      status: 'confirmed',
      ticket: 1,
      createdAt: inHours(-60),
      updatedAt: inHours(-60),
    })
    cloud.emulator.counters.reset()
    const upcoming = await mine(who)
    expect(cloud.emulator.counters.snapshot().total).toBeLessThanOrEqual(4)
    expect(upcoming.map((i) => [i.lecture.id, i.status, i.position])).toEqual([
      ['L-mine-soon', 'waitlisted', 1],
      ['L-mine-late', 'confirmed', undefined],
    ])
    expect(upcoming[1].lecture).toMatchObject({ title: '测试党课 L-mine-late', capacity: 10, seatsLeft: 9 })
    expect((await mine(who, 'past')).map((i) => i.lecture.id)).toEqual(['L-mine-past'])
    expect(await mine(m[22])).toEqual([])
  })

  it('gives the place on every waitlist of a member waiting for more than 20 lectures', async () => {
    const [who] = await addBoundMembers(cloud, 'many', 1, HOST)
    const ids = Array.from({ length: 22 }, (_x, i) => `L-many-${String(i).padStart(2, '0')}`)
    const signup = (lectureId: string, memberId: string, status: SignupState, ticket: number) =>
      signupDoc(lectureId, memberId, HOST, status, ticket, now)
    for (const id of ids) {
      await addLecture(cloud, id, HOST, { capacity: 1, signedUp: 1, waiting: 2, tickets: 3 })
      await cloud.db
        .collection('signups')
        .add([
          signup(id, 'x-first', 'confirmed', 1),
          signup(id, 'x-second', 'waitlisted', 2),
          signup(id, 'many-m-0001', 'waitlisted', 3),
        ])
    }
    const items = (await mine(who)).filter((i) => i.lecture.id.startsWith('L-many-'))
    expect(items).toHaveLength(22)
    expect(items.map((i) => i.position)).toEqual(ids.map(() => 2))
  })
})

describe('roster and its export', () => {
  const ALLOWED = [SECRETARY, COMMITTEE, ...ADMINS_ABOVE]
  const REFUSED: [string | undefined, string][] = [
    [PLAIN, 'FORBIDDEN'],
    [OTHER_SECRETARY, 'FORBIDDEN'],
    [ADMIN_ELSEWHERE, 'FORBIDDEN'],
    [undefined, 'NOT_SIGNED_IN'],
    [UNBOUND, 'NOT_A_MEMBER'],
  ]

  beforeAll(async () => {
    await addLecture(cloud, 'L-roster', HOST, { capacity: 2, title: '用乡音讲好红色故事' })
    for (const who of [m[30], m[31], m[32], m[33]]) await signUp('L-roster', who)
    await cancel('L-roster', m[31]) // m[32] takes the seat
    await signUp('L-roster', PLAIN)
    await addLecture(cloud, 'L-decide', HOST, { approvalRequired: true, capacity: 10 })
    for (const who of [m[34], m[35], m[36], m[37], m[38], m[39]]) await signUp('L-decide', who)
  })

  it('lists every sign-up by ticket with branch, state, waitlist place and counts', async () => {
    const roster = await ok<LectureRoster>('roster', { lectureId: 'L-roster' }, SECRETARY)
    expect(roster.lecture).toMatchObject({ id: 'L-roster', title: '用乡音讲好红色故事' })
    expect(roster.counts).toEqual({ confirmed: 2, waitlisted: 2, pending: 0, declined: 0, cancelled: 1 })
    expect(roster.rows.map((r) => [r.name, r.branchName, r.status, r.ticket, r.position])).toEqual([
      ['测试r0031', BRANCH, 'confirmed', 1, undefined],
      ['测试r0032', BRANCH, 'cancelled', 2, undefined],
      ['测试r0033', BRANCH, 'confirmed', 3, undefined],
      ['测试r0034', BRANCH, 'waitlisted', 4, 1],
      [expect.any(String), BRANCH, 'waitlisted', 5, 2],
    ])
    expect(Date.parse(roster.rows[0].signedUpAt)).toBeGreaterThan(0)
  })

  it('is for the host’s secretary and committee and for administrators above; others are refused and change nothing', async () => {
    for (const who of ALLOWED) {
      expect([who, (await call('roster', { lectureId: 'L-roster' }, who)).ok]).toEqual([who, true])
    }
    const exportsDir = join(cloud.dataDir, 'storage', 'exports')
    const files = () => (existsSync(exportsDir) ? readdirSync(exportsDir).length : 0)
    const before = [snapshot(), files()]
    for (const [who, code] of REFUSED) {
      for (const [action, payload] of [
        ['roster', { lectureId: 'L-roster' }],
        ['exportRoster', { lectureId: 'L-roster' }],
        ['decide', { lectureId: 'L-decide', memberId: 'r-m-0035', decision: 'approve' }],
        ['decide', { lectureId: 'L-decide', memberId: 'r-m-0035', decision: 'decline', reason: '不行' }],
      ] as const) {
        expect([who, action, await call(action, payload, who)]).toMatchObject([who, action, { ok: false, code }])
      }
    }
    expect([snapshot(), files()]).toEqual(before)
    expect(await call('roster', { lectureId: 'L-none' }, SECRETARY)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('lets each manager decide', async () => {
    const pending = ['r-m-0035', 'r-m-0036', 'r-m-0037', 'r-m-0038', 'r-m-0039']
    for (const [i, who] of ALLOWED.entries()) {
      const decision = i % 2 ? 'decline' : 'approve'
      const res = await call('decide', { lectureId: 'L-decide', memberId: pending[i], decision }, who)
      expect([who, res]).toMatchObject([who, { ok: true }])
    }
    expect(storedSignups(cloud, 'L-decide').map((s) => s.status)).toEqual([
      'confirmed',
      'declined',
      'confirmed',
      'declined',
      'confirmed',
      'pending',
    ])
    expectConsistent(cloud, 'L-decide')
  })

  it('exports an Excel file that reads back with the roster’s rows, in Chinese and China time', async () => {
    const res = await ok<{ fileId: string; url: string; fileName: string }>(
      'exportRoster',
      { lectureId: 'L-roster' },
      ADMINS_ABOVE[1],
    )
    // private: a folder of 128 random bits, a temporary URL with a signature and an expiry
    expect(res.fileId).toMatch(/^cloud:\/\/.+\/exports\/[0-9a-f]{32}\/《用乡音讲好红色故事》报名名单（.+）\.xlsx$/)
    expect(res.url).toMatch(/\?sign=[0-9a-f]+&t=\d+$/)
    expect(res.fileName).toMatch(/^《用乡音讲好红色故事》报名名单（\d{4}-\d{2}-\d{2}）\.xlsx$/)
    const download = await fetch(res.url)
    expect(download.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await download.arrayBuffer())
    const sheet = book.getWorksheet('报名名单')!
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][]
    const rows = values.map((r) => r.slice(1))
    expect(rows[0]).toEqual(['序号', '姓名', '所在支部', '报名状态', '报名时间'])
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      [1, '测试r0031', BRANCH, '已报名'],
      [2, '测试r0033', BRANCH, '已报名'],
      [3, '测试r0034', BRANCH, '候补第1位'],
      [4, expect.any(String), BRANCH, '候补第2位'],
    ])
    for (const r of rows.slice(1)) expect(r[4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  })
})
