/**
 * maintenance: repair after a crash. A function is killed between two of its steps (every database call
 * after the injected point fails, the give-back included), and the repair restores the seat counters from
 * the sign-ups and the credits from the check-in records; a second repair changes nothing; a sign-up racing
 * the repair is not lost; only an administrator above the host may repair; the hourly timer repairs the
 * recent lectures and cannot be fired by a caller.
 */
import { saveExport } from '../../cloudfunctions/_shared/exports'
import { ServiceError } from '../../emulator/src/database/errors'
import { main as maintenance } from '../../cloudfunctions/maintenance/main'
import { SETTLE_MS } from '../../cloudfunctions/maintenance/recount'
import { main as signup } from '../../cloudfunctions/signup/main'
import type { RepairResult } from '../../src/shared/contract'
import type { Reply } from '../../src/shared/errors'
import type { LectureDoc, SignupDoc } from '../../src/shared/model'
import { asCaller, caller, platformContext } from '../support/caller'
import type { TestCloud } from '../support/emulator'
import {
  ADMIN_ABOVE,
  ADMIN_ELSEWHERE,
  addLecture,
  call as checkin,
  HOST,
  MINUTE,
  memberIdOf,
  SECRETARY,
  stored,
  UNBOUND,
  checkinCloudForFile,
} from './checkin.fixtures'

let cloud: TestCloud
const people = checkinCloudForFile('rp', 40, (started) => (cloud = started))
const fresh = (n: number) => people.splice(0, n)
afterEach(() => jest.restoreAllMocks())

const DAY = 24 * 60 * MINUTE
const signingUp = caller(signup)
const maintaining = caller(maintenance)
const signUp = (lectureId: string, openid: string) => signingUp.call('signUp', { lectureId }, openid)
const cancel = (lectureId: string, openid: string) => signingUp.call('cancel', { lectureId }, openid)
const repairAs = (openid: string | undefined, lectureId: string) => maintaining.call('repair', { lectureId }, openid)
const repair = (lectureId: string) => maintaining.ok<RepairResult>('repair', { lectureId }, ADMIN_ABOVE)

/**
 * The next function call dies after the database call that `after` picks has been done: every later call
 * of it fails, as if its process were killed there. Answers what the killed call replied.
 */
async function killedAfter(
  after: (action: string, p: Record<string, unknown>, res: Record<string, unknown>) => boolean,
  work: () => Promise<Reply<unknown>>,
): Promise<Reply<unknown>> {
  const database = cloud.emulator.database
  const handle = database.handle.bind(database)
  let dead = false
  database.handle = (action, p) => {
    if (dead) throw new ServiceError('DATABASE_REQUEST_FAILED', 'the function was killed')
    const res = handle(action, p)
    dead = after(action, p, res)
    return res
  }
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    return await work()
  } finally {
    database.handle = handle
  }
}
const updatedOne = (res: Record<string, unknown>) => (res.data as { updated?: number }).updated === 1
const lectureCounterMoved = (action: string, p: Record<string, unknown>, res: Record<string, unknown>) =>
  action === 'database.modifyAndReturnDoc' && p.collectionName === 'lectures' && updatedOne(res)
const wrote = (collection: string, action: string) => (a: string, p: Record<string, unknown>) =>
  a === action && p.collectionName === collection

const lecture = (id: string) => stored(cloud, 'lectures', { _id: id })[0]
const signups = (lectureId: string) =>
  cloud.emulator.store.scan('signups', { lectureId }).map((r) => r.doc as unknown as SignupDoc)
const counters = (id: string) => {
  const { signedUp, seatsFree, waiting } = lecture(id)
  return { signedUp, seatsFree, waiting }
}
const everything = () =>
  JSON.stringify(['lectures', 'signups', 'checkins', 'ledger'].map((c) => cloud.emulator.store.scan(c, {})))

/** The lecture and its sign-ups as they would be once SETTLE_MS has passed with nothing in flight. */
function later(lectureId: string): void {
  const back = (d: Date | undefined) => d && new Date(d.getTime() - SETTLE_MS - MINUTE)
  const l = lecture(lectureId)
  const writes = [{ kind: 'put', coll: 'lectures', id: l._id, doc: { ...l, countersAt: back(l.countersAt) } }]
  for (const s of signups(lectureId)) {
    writes.push({ kind: 'put', coll: 'signups', id: s._id, doc: { ...s, updatedAt: back(s.updatedAt)! } as never })
  }
  cloud.emulator.store.apply(writes as never)
}

/** A lecture open for sign-up (deadline tomorrow, start in two days). */
const upcoming = (id: string, over: Partial<LectureDoc> = {}) =>
  addLecture(cloud, id, {
    startAt: new Date(Date.now() + 2 * DAY),
    endAt: new Date(Date.now() + 2 * DAY + 60 * MINUTE),
    signupDeadline: new Date(Date.now() + DAY),
    ...over,
  })

describe('after a sign-up died between its steps', () => {
  it('recounts a seat taken without its sign-up (signedUp 3 with 2 confirmed) and gives it to the first waiting', async () => {
    const [a, b, c, d] = fresh(4)
    await upcoming('R-seat', { capacity: 3, seatsFree: 3 })
    await signUp('R-seat', a)
    await signUp('R-seat', b)
    const died = await killedAfter(lectureCounterMoved, () => signUp('R-seat', c))
    expect(died).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(counters('R-seat')).toEqual({ signedUp: 3, seatsFree: 0, waiting: 0 })
    expect(signups('R-seat').map((s) => s.status)).toEqual(['confirmed', 'confirmed'])
    expect(await signUp('R-seat', d)).toMatchObject({ ok: true, data: { status: 'waitlisted' } }) // a seat stands empty

    // Straight after, a request may still be in flight: the repair waits for the next run and writes nothing.
    const before = everything()
    expect(await repair('R-seat')).toMatchObject({ busy: true, countersFixed: false, promoted: 0 })
    expect(everything()).toBe(before)

    later('R-seat')
    expect(await repair('R-seat')).toEqual({
      lectureId: 'R-seat',
      countersFixed: true,
      before: { signedUp: 3, seatsFree: 0, waiting: 1 },
      after: { signedUp: 3, seatsFree: 0, waiting: 0 },
      promoted: 1,
      credited: 0,
      reversed: 0,
      busy: false,
    })
    expect(signups('R-seat').find((s) => s.memberId === memberIdOf(d))?.status).toBe('confirmed')

    // A second repair finds nothing to do and changes nothing.
    later('R-seat')
    const repaired = everything()
    cloud.emulator.counters.reset()
    expect(await repair('R-seat')).toMatchObject({ countersFixed: false, promoted: 0, busy: false })
    expect(cloud.emulator.counters.snapshot().total).toBe(3) // binding and lecture, the sign-ups (check-in not open)
    expect(everything()).toBe(repaired)
  })

  it('recounts a waitlist place without its sign-up and a seat whose cancellation died before freeing it', async () => {
    const [a, b, c] = fresh(3)
    await upcoming('R-wait', { capacity: 1, seatsFree: 1 })
    await signUp('R-wait', a)
    await killedAfter(lectureCounterMoved, () => signUp('R-wait', b)) // counted as waiting, no document
    expect(await signUp('R-wait', c)).toMatchObject({ ok: true, data: { status: 'waitlisted' } })
    await killedAfter(wrote('signups', 'database.modifyDocument'), () => cancel('R-wait', a)) // cancelled, seat kept
    expect(counters('R-wait')).toEqual({ signedUp: 1, seatsFree: 0, waiting: 2 })
    expect(signups('R-wait').map((s) => [s.memberId, s.status])).toEqual([
      [memberIdOf(a), 'cancelled'],
      [memberIdOf(c), 'waitlisted'],
    ])
    later('R-wait')
    expect(await repair('R-wait')).toMatchObject({
      countersFixed: true,
      before: { signedUp: 1, seatsFree: 0, waiting: 2 },
      after: { signedUp: 1, seatsFree: 0, waiting: 0 },
      promoted: 1,
    })
    expect(signups('R-wait').find((s) => s.memberId === memberIdOf(c))?.status).toBe('confirmed')
  })

  it('does not lose a sign-up that lands between the repair’s reads and its write', async () => {
    const [a, b] = fresh(2)
    await upcoming('R-race', { capacity: 5, seatsFree: 5 })
    await signUp('R-race', a)
    await killedAfter(lectureCounterMoved, () => signUp('R-race', b))
    later('R-race')
    // The repair has read 2 counted, 1 confirmed; before its write lands, another member takes a seat.
    const database = cloud.emulator.database
    const handle = database.handle.bind(database)
    database.handle = (action, p) => {
      if (action === 'database.modifyDocument' && p.collectionName === 'lectures') {
        database.handle = handle
        const l = lecture('R-race')
        cloud.emulator.store.apply([
          { kind: 'put', coll: 'lectures', id: l._id, doc: { ...l, signedUp: 3, seatsFree: 2, tickets: 3 } },
        ] as never)
      }
      return handle(action, p)
    }
    expect(await repair('R-race')).toMatchObject({ busy: true, countersFixed: false })
    database.handle = handle
    expect(counters('R-race')).toEqual({ signedUp: 3, seatsFree: 2, waiting: 0 }) // the newcomer's seat stands
  })
})

describe('after a check-in died between its steps', () => {
  it('credits a record without its ledger entry and writes an undo’s missing reversal; a pending scan earns nothing', async () => {
    const [x, y, z] = fresh(3)
    await addLecture(cloud, 'R-ck')
    const manual = (who: string) => ({ lectureId: 'R-ck', memberId: memberIdOf(who), reason: '年老体弱，书记代签' })
    const died = await killedAfter(wrote('checkins', 'database.insertDocument'), () =>
      checkin('manual', manual(x), SECRETARY),
    )
    expect(died).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(await checkin('manual', manual(y), SECRETARY)).toMatchObject({ ok: true })
    await killedAfter(wrote('checkins', 'database.modifyDocument'), () =>
      checkin('undo', { ...manual(y), reason: '误签' }, SECRETARY),
    )
    const now = new Date()
    const pending = { lectureId: 'R-ck', memberId: memberIdOf(z), memberName: 'z', branchId: HOST, round: 1 }
    await cloud.db.collection('checkins').add({
      _id: `R-ck:${memberIdOf(z)}`,
      ...pending,
      status: 'pending',
      checkedInAt: now,
      method: 'qr',
      hours: 1.5,
      updatedAt: now,
    })
    const ledgerIds = () =>
      stored(cloud, 'ledger')
        .filter((e) => e.lectureId === 'R-ck')
        .map((e) => e._id)
        .sort()
    expect(ledgerIds()).toEqual([`att:R-ck:${memberIdOf(y)}:1`])
    expect(
      stored(cloud, 'checkins', { lectureId: 'R-ck' })
        .map((r) => r.status)
        .sort(),
    ).toEqual(['in', 'pending', 'undone'])

    expect(await repair('R-ck')).toMatchObject({ credited: 1, reversed: 1 })
    expect(ledgerIds()).toEqual(
      [`att:R-ck:${memberIdOf(x)}:1`, `att:R-ck:${memberIdOf(y)}:1`, `rev:R-ck:${memberIdOf(y)}:1`].sort(),
    )
    const hoursOf = (who: string) =>
      stored(cloud, 'ledger', { memberId: memberIdOf(who) }).reduce((sum, e) => sum + e.hours, 0)
    expect([hoursOf(x), hoursOf(y), hoursOf(z)]).toEqual([1.5, 0, 0])
    const rev = stored(cloud, 'ledger', { _id: `rev:R-ck:${memberIdOf(y)}:1` })[0]
    expect(rev).toMatchObject({ source: 'reversal', reason: '误签', hours: -1.5 })

    // Again: nothing to write, in 4 database calls (binding and lecture, the records, which entries exist).
    const repaired = everything()
    cloud.emulator.counters.reset()
    expect(await repair('R-ck')).toMatchObject({ credited: 0, reversed: 0 })
    expect(cloud.emulator.counters.snapshot().total).toBe(4)
    expect(everything()).toBe(repaired)
  })
})

describe('who may repair', () => {
  it('an administrator above the host only; a secretary, a member, an administrator elsewhere are refused, writing nothing', async () => {
    const [member] = fresh(1)
    await upcoming('R-rights', { capacity: 10, signedUp: 2, seatsFree: 8 }) // two seats counted, no sign-ups
    later('R-rights')
    const before = everything()
    for (const [who, code] of [
      [SECRETARY, 'FORBIDDEN'],
      [member, 'FORBIDDEN'],
      [ADMIN_ELSEWHERE, 'FORBIDDEN'],
      [UNBOUND, 'NOT_A_MEMBER'],
      [undefined, 'NOT_SIGNED_IN'],
    ] as const) {
      expect(await repairAs(who, 'R-rights')).toMatchObject({ ok: false, code })
    }
    expect(everything()).toBe(before)
    expect(await repairAs(ADMIN_ABOVE, 'R-nope')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await repair('R-rights')).toMatchObject({ countersFixed: true, after: { signedUp: 0, seatsFree: 10 } })
  })
})

describe('the hourly timer', () => {
  const timer = { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() }

  it('repairs the lectures of the last two days and the next month, and no caller can fire it', async () => {
    const [x] = fresh(1)
    await upcoming('R-soon', { capacity: 10, signedUp: 4, seatsFree: 6 })
    await upcoming('R-far', {
      capacity: 10,
      signedUp: 4,
      seatsFree: 6,
      startAt: new Date(Date.now() + 40 * DAY),
      endAt: new Date(Date.now() + 40 * DAY + 60 * MINUTE),
    })
    const held = await addLecture(cloud, 'R-held', {
      status: 'finished',
      startAt: new Date(Date.now() - DAY),
      endAt: new Date(Date.now() - DAY + 60 * MINUTE),
      signupDeadline: new Date(Date.now() - 2 * DAY),
    })
    const at = new Date(held.startAt.getTime() + 5 * MINUTE)
    await cloud.db.collection('checkins').add({
      _id: `R-held:${memberIdOf(x)}`,
      lectureId: 'R-held',
      memberId: memberIdOf(x),
      memberName: 'x',
      branchId: HOST,
      status: 'in',
      round: 1,
      checkedInAt: at,
      method: 'qr',
      hours: 1.5,
      updatedAt: at,
    })
    for (const id of ['R-soon', 'R-far']) later(id)
    const stale = await saveExport(cloud.db, '旧名单.xlsx', Buffer.from('x'), new Date(Date.now() - 2 * DAY))

    // A caller's event with a `Type` is no timer: refused as an unknown action, nothing done.
    const before = everything()
    expect(await maintenance(timer, asCaller(x))).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    // Nor is a call with nobody behind it (a signed-out page, an anonymous web caller): only the platform's timer.
    const anonymous = platformContext({ TCB_SOURCE: 'wx_client' })
    expect(await maintenance(timer, anonymous)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(await maintenance(timer, {})).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(everything()).toBe(before)

    const res = await maintenance(timer, platformContext({ TRIGGER_SRC: 'timer' }))
    expect(res.ok).toBe(true)
    const run = (res as { data: { repairRecentLectures: Record<string, number> } }).data.repairRecentLectures
    expect(run.countersFixed).toBeGreaterThanOrEqual(1)
    expect(run.credited).toBeGreaterThanOrEqual(1)
    expect(counters('R-soon')).toEqual({ signedUp: 0, seatsFree: 10, waiting: 0 })
    expect(counters('R-far')).toEqual({ signedUp: 4, seatsFree: 6, waiting: 0 }) // beyond the month ahead
    expect(stored(cloud, 'ledger', { _id: `att:R-held:${memberIdOf(x)}:1` })).toHaveLength(1)
    // and the exports older than a day are gone, file and record
    expect((res as { data: { removeOldExports: { removed: number } } }).data.removeOldExports.removed).toBe(1)
    expect((await cloud.app.getTempFileURL({ fileList: [stale.fileId] })).fileList[0].code).not.toBe('SUCCESS')
    expect(stored(cloud, 'exports', { fileId: stale.fileId })).toHaveLength(0)
  })
})
