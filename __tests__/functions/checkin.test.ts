/**
 * checkin.scan, status and myCode in-process, through the real SDK and the emulator: every refusal of
 * checkinRules.ts checkinDecision reached through a scan, replayed, forged and foreign codes, typed codes and
 * the wrong-code block, L3 check-out, the offline outbox, the geofence, and the database calls a check-in
 * costs. (The secretary's actions: checkin-secretary.test.ts; many at once: checkin-concurrency.test.ts.)
 */
import { readMemberCode } from '../../cloudfunctions/_shared/checkinCodes'
import { CODE_SLOT_MS, WRONG_CODE_BLOCK_MS } from '../../src/shared/checkinRules'
import type { CheckinResult, CheckinStatus, MemberCode } from '../../src/shared/contract'
import type { ErrorCode } from '../../src/shared/errors'
import type { TestCloud } from '../support/emulator'
import {
  addSignup,
  call,
  callsOf,
  codeOf,
  MINUTE,
  memberIdOf,
  north,
  ok,
  OUTSIDER,
  SECRETARY,
  stored,
  UNBOUND,
  VENUE,
  checkinFile,
} from './checkin.fixtures'

let cloud: TestCloud
/** Fresh members for each test (wrong codes count per member across lectures). */
const { fresh, lecture } = checkinFile('sc', 120, (started) => (cloud = started))
const scan = (payload: object, openid: string) => ok<CheckinResult>('scan', payload, openid)
const inHall = (l: { _id: string }, extra: object = {}) => ({ lectureId: l._id, qr: codeOf(l._id).qr, ...extra })

/**
 * The scan is refused with `code`, the attempt is kept for the secretary (unless `kept` is false: bad input,
 * another branch's lecture), and no record or credit changes.
 */
async function expectRefused(
  payload: { lectureId: string; [field: string]: unknown },
  openid: string,
  code: ErrorCode,
  kept = true,
) {
  const mine = { lectureId: payload.lectureId, memberId: memberIdOf(openid) }
  const written = () => JSON.stringify([stored(cloud, 'checkins', mine), stored(cloud, 'ledger', mine)])
  const before = { written: written(), attempts: stored(cloud, 'checkinAttempts', mine).length }
  const res = await call('scan', payload, openid)
  expect(res).toMatchObject({ ok: false, code })
  expect(written()).toBe(before.written)
  const attempts = stored(cloud, 'checkinAttempts', mine)
  expect(attempts).toHaveLength(before.attempts + (kept ? 1 : 0))
  if (kept) expect(attempts.at(-1)).toMatchObject({ code, memberName: expect.any(String), at: expect.any(Date) })
  return res
}

describe('a check-in', () => {
  it('records the member once and credits the lecture hours once; a repeated scan answers the original time', async () => {
    const l = await lecture()
    const m = fresh()
    const first = await scan(inHall(l), m)
    expect(first).toEqual({
      kind: 'checkedIn',
      already: false,
      lectureTitle: l.title,
      checkedInAt: expect.any(String),
      hours: 1.5,
      checkoutNeeded: false,
    })
    const again = await scan(inHall(l), m)
    expect(again).toEqual({ ...first, already: true })
    const [record] = stored(cloud, 'checkins', { lectureId: l._id })
    expect(record).toMatchObject({
      _id: `${l._id}:${memberIdOf(m)}`,
      memberId: memberIdOf(m),
      status: 'in',
      round: 1,
      method: 'qr',
      hours: 1.5,
    })
    expect(record.checkedInAt.toISOString()).toBe(first.checkedInAt)
    const ledger = stored(cloud, 'ledger', { lectureId: l._id })
    expect(ledger).toEqual([
      {
        _id: `att:${l._id}:${memberIdOf(m)}:1`,
        memberId: memberIdOf(m),
        year: expect.any(Number),
        hours: 1.5,
        bucket: 'collective',
        source: 'attendance',
        title: l.title,
        lectureId: l._id,
        at: record.checkedInAt,
      },
    ])
  })

  it('accepts the QR of the previous slot, and typed digits of the three previous slots (elderly members type slowly)', async () => {
    const l = await lecture()
    expect(await scan({ lectureId: l._id, qr: codeOf(l._id, 'in', CODE_SLOT_MS).qr }, fresh())).toMatchObject({
      already: false,
    })
    expect(await scan({ lectureId: l._id, typed: codeOf(l._id).typed }, fresh())).toMatchObject({ already: false })
    const slow = codeOf(l._id, 'in', 3 * CODE_SLOT_MS).typed
    expect(await scan({ lectureId: l._id, typed: slow }, fresh())).toMatchObject({ already: false })
    expect(
      stored(cloud, 'checkins', { lectureId: l._id })
        .map((r) => r.method)
        .sort(),
    ).toEqual(['qr', 'typed', 'typed'])
  })

  it('needs no code at L0', async () => {
    const l = await lecture({ checkinLevel: 'L0' })
    expect(await scan({ lectureId: l._id }, fresh())).toMatchObject({ kind: 'checkedIn', hours: 1.5 })
  })

  it('heals a credit lost between the two writes on the next scan', async () => {
    const l = await lecture()
    const m = fresh()
    await scan(inHall(l), m)
    await cloud.db
      .collection('ledger')
      .doc(`att:${l._id}:${memberIdOf(m)}:1`)
      .remove()
    expect(await scan(inHall(l), m)).toMatchObject({ already: true })
    expect(stored(cloud, 'ledger', { lectureId: l._id })).toHaveLength(1)
  })
})

describe('every refusal of a scan', () => {
  it('answers who the caller is first, and keeps no attempt for a caller it does not know', async () => {
    const l = await lecture()
    expect(await call('scan', inHall(l))).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
    expect(await call('scan', inHall(l), UNBOUND)).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' })
    expect(await call('scan', { lectureId: 'ck-none', qr: codeOf('ck-none').qr }, fresh())).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await call('scan', { lectureId: l._id, qr: 'x', typed: '123456' }, fresh())).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(stored(cloud, 'checkinAttempts', { lectureId: l._id })).toEqual([])
  })

  it('NOT_FOUND for a draft, LECTURE_CANCELLED, NOT_VISIBLE to another district (kept from its screen)', async () => {
    await expectRefused(inHall(await lecture({ status: 'draft' })), fresh(), 'NOT_FOUND')
    await expectRefused(inHall(await lecture({ status: 'cancelled' })), fresh(), 'LECTURE_CANCELLED')
    await expectRefused(inHall(await lecture()), OUTSIDER, 'NOT_VISIBLE', false)
    await expectRefused(inHall(await lecture({ status: 'draft' })), OUTSIDER, 'NOT_FOUND', false)
    // Open to all: the outsider may.
    expect(await scan(inHall(await lecture({ openToAll: true })), OUTSIDER)).toMatchObject({ already: false })
  })

  it('NOT_SIGNED_UP when sign-up is required and the member holds no confirmed sign-up', async () => {
    const l = await lecture({ signupRequired: true })
    const [none, waiting, confirmed] = [fresh(), fresh(), fresh()]
    await addSignup(cloud, l._id, waiting, 'waitlisted')
    await addSignup(cloud, l._id, confirmed)
    await expectRefused(inHall(l), none, 'NOT_SIGNED_UP')
    await expectRefused(inHall(l), waiting, 'NOT_SIGNED_UP')
    expect(await scan(inHall(l), confirmed)).toMatchObject({ already: false })
  })

  it('CHECKIN_NOT_OPEN before the window, saying when it opens in China time; CHECKIN_CLOSED after it', async () => {
    const start = new Date(Date.now() + 3 * 60 * MINUTE)
    const early = await expectRefused(
      inHall(await lecture({ startAt: start, endAt: new Date(start.getTime() + 60 * MINUTE) })),
      fresh(),
      'CHECKIN_NOT_OPEN',
    )
    const opens = new Date(start.getTime() - 30 * MINUTE + 8 * 60 * MINUTE)
    const hhmm = `${String(opens.getUTCHours()).padStart(2, '0')}:${String(opens.getUTCMinutes()).padStart(2, '0')}`
    expect(!early.ok && early.explanation).toContain(hhmm)
    const past = { startAt: new Date(Date.now() - 90 * MINUTE), endAt: new Date(Date.now() - 20 * MINUTE) }
    const late = await expectRefused(inHall(await lecture(past)), fresh(), 'CHECKIN_CLOSED')
    expect(!late.ok && late.explanation).toMatch(/\d\d:\d\d 结束/)
  })

  it('CODE_REQUIRED, CODE_INVALID (forged), CODE_EXPIRED (replayed), WRONG_LECTURE', async () => {
    const l = await lecture()
    const other = await lecture()
    await expectRefused({ lectureId: l._id }, fresh(), 'CODE_REQUIRED')
    const { qr } = codeOf(l._id)
    const forged = qr.slice(0, -1) + (qr.endsWith('A') ? 'B' : 'A')
    await expectRefused({ lectureId: l._id, qr: forged }, fresh(), 'CODE_INVALID')
    const otherSlot = qr.replace(/\|(\d+)\|/, (_, s) => `|${Number(s) + 1}|`)
    await expectRefused({ lectureId: l._id, qr: otherSlot }, fresh(), 'CODE_INVALID')
    await expectRefused({ lectureId: l._id, qr: 'not a code' }, fresh(), 'CODE_INVALID')
    // Older than the previous slot: expired; much older: not recognised at all.
    await expectRefused({ lectureId: l._id, qr: codeOf(l._id, 'in', 3 * CODE_SLOT_MS).qr }, fresh(), 'CODE_EXPIRED')
    await expectRefused({ lectureId: l._id, qr: codeOf(l._id, 'in', 30 * MINUTE).qr }, fresh(), 'CODE_INVALID')
    await expectRefused(
      { lectureId: l._id, typed: codeOf(l._id, 'in', 5 * CODE_SLOT_MS).typed },
      fresh(),
      'CODE_EXPIRED',
    )
    await expectRefused({ lectureId: l._id, qr: codeOf(other._id).qr }, fresh(), 'WRONG_LECTURE')
  })

  it('CODE_INVALID for a check-out code where there is no check-out (below L3)', async () => {
    const l = await lecture({ startAt: new Date(Date.now() - MINUTE) })
    await expectRefused({ lectureId: l._id, qr: codeOf(l._id, 'out').qr }, fresh(), 'CODE_INVALID')
  })

  it('LOCATION_REQUIRED and TOO_FAR at L2', async () => {
    const l = await lecture({ checkinLevel: 'L2' })
    await expectRefused(inHall(l), fresh(), 'LOCATION_REQUIRED')
    const far = await expectRefused(inHall(l, { location: north(1000) }), fresh(), 'TOO_FAR')
    expect(!far.ok && far.explanation).toMatch(/约 1000 米/)
  })

  it('OFFLINE_TOO_LATE for a scan kept on the phone more than 3 hours (a photographed code is worth little later)', async () => {
    // Held from 4 hours ago for 5 hours: both scans fall in the window.
    const l = await lecture({ startAt: new Date(Date.now() - 240 * MINUTE), endAt: new Date(Date.now() + 60 * MINUTE) })
    const sent = (ago: number) => ({
      lectureId: l._id,
      qr: codeOf(l._id, 'in', ago).qr,
      scannedAt: new Date(Date.now() - ago).toISOString(),
    })
    await expectRefused(sent(181 * MINUTE), fresh(), 'OFFLINE_TOO_LATE')
    const m = fresh()
    expect(await scan(sent(175 * MINUTE), m)).toMatchObject({ already: false })
    // Kept as an offline scan, held for the secretary (checkin-review.test.ts).
    expect(stored(cloud, 'checkins', { _id: `${l._id}:${memberIdOf(m)}` })[0]).toMatchObject({
      status: 'pending',
      offline: expect.any(Object),
    })
  })
})

describe('wrong codes', () => {
  it('blocks a member after five wrong typed codes, even with the right code afterwards, until the time it names', async () => {
    const l = await lecture()
    const m = fresh()
    const wrong = codeOf(l._id).typed === '000000' ? '000001' : '000000'
    for (let i = 0; i < 4; i++) {
      expect(await call('scan', { lectureId: l._id, typed: wrong }, m)).toMatchObject({ code: 'CODE_INVALID' })
    }
    const fifth = await call('scan', { lectureId: l._id, typed: wrong }, m)
    expect(fifth).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' })
    const right = await call('scan', { lectureId: l._id, typed: codeOf(l._id).typed }, m)
    expect(right).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' })
    if (!right.ok) expect(right.explanation).toMatch(/请在 \d\d:\d\d 以后再试/)
    const [binding] = stored(cloud, 'bindings', { _id: m })
    expect(binding.checkinBlockedUntil!.getTime()).toBeGreaterThan(Date.now() + WRONG_CODE_BLOCK_MS - MINUTE)
    expect(stored(cloud, 'checkins', { lectureId: l._id })).toEqual([])
    // The refusals while blocked are not kept: a burst would bury the secretary's screen.
    expect(stored(cloud, 'checkinAttempts', { memberId: memberIdOf(m) }).map((a) => a.code)).toEqual(
      Array(5).fill('CODE_INVALID'),
    )
    // The block ends by itself.
    await cloud.db
      .collection('bindings')
      .doc(m)
      .update({ checkinBlockedUntil: new Date(Date.now() - 1) })
    expect(await scan({ lectureId: l._id, typed: codeOf(l._id).typed }, m)).toMatchObject({ already: false })
  })

  it('does not count refusals that are not guesses: an expired code or another lecture’s is genuine', async () => {
    const l = await lecture({ status: 'cancelled' })
    const m = fresh()
    for (let i = 0; i < 6; i++) expect(await call('scan', inHall(l), m)).toMatchObject({ code: 'LECTURE_CANCELLED' })
    const open = await lecture()
    const other = await lecture()
    for (let i = 0; i < 3; i++) {
      const stale = { lectureId: open._id, qr: codeOf(open._id, 'in', 3 * CODE_SLOT_MS).qr }
      expect(await call('scan', stale, m)).toMatchObject({ code: 'CODE_EXPIRED' })
      expect(await call('scan', { lectureId: open._id, qr: codeOf(other._id).qr }, m)).toMatchObject({
        code: 'WRONG_LECTURE',
      })
    }
    expect(stored(cloud, 'bindings', { _id: m })[0].checkinBlockedUntil).toBeUndefined()
    expect(await scan(inHall(open), m)).toMatchObject({ already: false })
  })

  it('gates typed codes before they are judged: at most 10 tries in 10 minutes, each counted on the binding', async () => {
    const l = await lecture()
    const m = fresh()
    const wrong = codeOf(l._id).typed === '000000' ? '000001' : '000000'
    // Four wrong (below the wrong-code block), then the right one: five tries counted.
    for (let i = 0; i < 4; i++) await call('scan', { lectureId: l._id, typed: wrong }, m)
    expect(await scan({ lectureId: l._id, typed: codeOf(l._id).typed }, m)).toMatchObject({ already: false })
    expect(stored(cloud, 'bindings', { _id: m })[0]).toMatchObject({
      typedTries: 5,
      typedWindowStart: expect.any(Date),
    })
    // A QR scan is not counted here (its refusals need a genuine signature).
    await scan(inHall(l), m)
    expect(stored(cloud, 'bindings', { _id: m })[0].typedTries).toBe(5)
    for (let i = 0; i < 5; i++) await scan({ lectureId: l._id, typed: codeOf(l._id).typed }, m)
    const over = await call('scan', { lectureId: l._id, typed: codeOf(l._id).typed }, m)
    expect(over).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' })
    if (!over.ok) expect(over.explanation).toMatch(/请在 \d\d:\d\d 以后再试/)
    // A new window once the last is over.
    await cloud.db
      .collection('bindings')
      .doc(m)
      .update({ typedWindowStart: new Date(Date.now() - 11 * MINUTE) })
    expect(await scan({ lectureId: l._id, typed: codeOf(l._id).typed }, m)).toMatchObject({ already: true })
    expect(stored(cloud, 'bindings', { _id: m })[0].typedTries).toBe(1)
  })
})

describe('L3: check-in and check-out', () => {
  it('credits nothing at check-in and the minutes attended at check-out, once', async () => {
    // 90 minutes worth 1.5 hours, started an hour ago; the member scanned at the start (sent later).
    const start = Date.now() - 60 * MINUTE
    const l = await lecture({
      checkinLevel: 'L3',
      startAt: new Date(start),
      endAt: new Date(start + 90 * MINUTE),
    })
    const m = fresh()
    const inside = north(50)
    const checkIn = await scan(
      {
        lectureId: l._id,
        qr: codeOf(l._id, 'in', 60 * MINUTE).qr,
        scannedAt: new Date(start).toISOString(),
        location: inside,
      },
      m,
    )
    expect(checkIn).toMatchObject({ kind: 'checkedIn', hours: 0, checkoutNeeded: true, review: { status: 'pending' } })
    // An offline scan waits for the secretary (checkin-review.test.ts); confirmed, the member is in.
    await ok('review', { lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' }, SECRETARY)
    expect(stored(cloud, 'ledger', { lectureId: l._id })).toEqual([])
    await expectRefused({ lectureId: l._id, qr: codeOf(l._id, 'out').qr }, m, 'LOCATION_REQUIRED')

    const out = await scan({ lectureId: l._id, qr: codeOf(l._id, 'out').qr, location: inside }, m)
    // 60 of 90 minutes of 1.5 hours: 1.
    expect(out).toMatchObject({ kind: 'checkedOut', already: false, hours: 1, checkoutNeeded: false })
    expect(out.checkedOutAt).toEqual(expect.any(String))
    const again = await scan({ lectureId: l._id, typed: codeOf(l._id, 'out').typed, location: inside }, m)
    expect(again).toEqual({ ...out, already: true })
    expect(stored(cloud, 'ledger', { lectureId: l._id }).map((e) => [e.source, e.hours])).toEqual([['attendance', 1]])
    expect(stored(cloud, 'checkins', { lectureId: l._id })[0]).toMatchObject({ status: 'out', hours: 1 })
    // Scanning the check-in code again changes nothing.
    expect(await scan({ lectureId: l._id, qr: codeOf(l._id).qr, location: inside }, m)).toMatchObject({
      kind: 'checkedIn',
      already: true,
      hours: 1,
    })
  })

  it('NOT_CHECKED_IN for a check-out without a check-in', async () => {
    const l = await lecture({ checkinLevel: 'L3', startAt: new Date(Date.now() - MINUTE) })
    await expectRefused(
      { lectureId: l._id, qr: codeOf(l._id, 'out').qr, location: north(0) },
      fresh(),
      'NOT_CHECKED_IN',
    )
  })

  it('refuses a check-out before the lecture starts', async () => {
    const l = await lecture({ checkinLevel: 'L3' })
    const m = fresh()
    await scan({ lectureId: l._id, qr: codeOf(l._id).qr, location: north(0) }, m)
    await expect(
      call('scan', { lectureId: l._id, qr: codeOf(l._id, 'out').qr, location: north(0) }, m),
    ).resolves.toMatchObject({
      code: 'CHECKIN_NOT_OPEN',
    })
  })
})

describe('offline scans', () => {
  it('holds a scan sent later if its code was valid at the scan time, and never counts it twice', async () => {
    const l = await lecture()
    const m = fresh()
    const ago = 5 * MINUTE
    const scannedAt = new Date(Date.now() - ago)
    const payload = { lectureId: l._id, qr: codeOf(l._id, 'in', ago).qr, scannedAt: scannedAt.toISOString() }
    const first = await scan(payload, m)
    const pending = { status: 'pending', reason: '离线补传的签到需支部书记确认后才计学时' }
    expect(first).toMatchObject({ already: false, checkedInAt: scannedAt.toISOString(), hours: 0, review: pending })
    expect(await scan(payload, m)).toMatchObject({
      already: true,
      checkedInAt: scannedAt.toISOString(),
      review: pending,
    })
    expect(await scan(payload, m)).toMatchObject({ already: true })
    const [record] = stored(cloud, 'checkins', { lectureId: l._id })
    expect(record.status).toBe('pending')
    expect(record.offline!.scannedAt).toEqual(scannedAt)
    expect(record.offline!.receivedAt.getTime()).toBeGreaterThanOrEqual(scannedAt.getTime() + ago)
    expect(stored(cloud, 'ledger', { lectureId: l._id })).toHaveLength(0)
  })

  it('refuses a code that was not valid at the scan time, and a scan time in the future (not kept)', async () => {
    const l = await lecture()
    const scannedAt = new Date(Date.now() - 5 * MINUTE).toISOString()
    // A code of ten minutes ago claimed for five minutes ago: stale then.
    await expectRefused(
      { lectureId: l._id, qr: codeOf(l._id, 'in', 10 * MINUTE).qr, scannedAt },
      fresh(),
      'CODE_INVALID',
    )
    await expectRefused(
      { lectureId: l._id, qr: codeOf(l._id, 'in', 5 * MINUTE + 3 * CODE_SLOT_MS).qr, scannedAt },
      fresh(),
      'CODE_EXPIRED',
    )
    const future = new Date(Date.now() + 10 * MINUTE).toISOString()
    await expectRefused({ lectureId: l._id, qr: codeOf(l._id).qr, scannedAt: future }, fresh(), 'INVALID_INPUT', false)
  })

  it('from a slow phone clock: a genuine QR is judged when its slot began, typed digits a little ahead too', async () => {
    const l = await lecture()
    // The phone's clock is five minutes slow: the current code, "scanned" five minutes ago.
    const scannedAt = new Date(Date.now() - 5 * MINUTE).toISOString()
    const { qr } = codeOf(l._id)
    const slotStart = Number(qr.split('|')[3]) * CODE_SLOT_MS
    const m = fresh()
    const done = await scan({ lectureId: l._id, qr, scannedAt }, m)
    expect(new Date(done.checkedInAt).getTime()).toBe(slotStart)
    expect(stored(cloud, 'checkins', { _id: `${l._id}:${memberIdOf(m)}` })[0].offline!.scannedAt).toEqual(
      new Date(scannedAt),
    )
    // Typed: up to two minutes slow.
    const minuteSlow = new Date(Date.now() - MINUTE).toISOString()
    expect(await scan({ lectureId: l._id, typed: codeOf(l._id).typed, scannedAt: minuteSlow }, fresh())).toMatchObject({
      already: false,
    })
    await expectRefused({ lectureId: l._id, typed: codeOf(l._id).typed, scannedAt }, fresh(), 'CODE_INVALID')
  })

  it('takes a phone clock a little ahead as now', async () => {
    const l = await lecture()
    const scannedAt = new Date(Date.now() + 30_000).toISOString()
    expect(await scan({ lectureId: l._id, qr: codeOf(l._id).qr, scannedAt }, fresh())).toMatchObject({ already: false })
  })
})

describe('the geofence', () => {
  it('takes a phone inside the radius, forgives its reported inaccuracy up to 100 m, and keeps the distance alone', async () => {
    const l = await lecture({ checkinLevel: 'L2' })
    const near = fresh()
    await scan(inHall(l, { location: north(50) }), near)
    // Not the coordinates: the 隐私政策 promises only the distance (and the phone's accuracy) is kept.
    expect(stored(cloud, 'checkins', { _id: `${l._id}:${memberIdOf(near)}` })[0].location).toEqual({
      distanceM: 50,
      accuracy: north(50).accuracy,
    })
    // 260 m away, ±80 m: could be 180 m away.
    expect(await scan(inHall(l, { location: north(260, 80) }), fresh())).toMatchObject({ already: false })
    // 400 m away, ±5 km: only 100 m of it is forgiven.
    await expectRefused(inHall(l, { location: north(400, 5000) }), fresh(), 'TOO_FAR')
  })

  it('measures the distance once per scan: refused, the member reads it; taken, the record keeps it', async () => {
    const l = await lecture({ checkinLevel: 'L2' })
    // distanceM (haversine) takes one arcsine per point of the venue; this venue has one.
    const asin = jest.spyOn(Math, 'asin')
    try {
      const far = await expectRefused(inHall(l, { location: north(1000) }), fresh(), 'TOO_FAR')
      expect(!far.ok && far.explanation).toBe('您距离现场约 1000 米，要在 200 米以内')
      expect(asin).toHaveBeenCalledTimes(1)
      asin.mockClear()
      const near = fresh()
      await scan(inHall(l, { location: north(50) }), near)
      expect(stored(cloud, 'checkins', { _id: `${l._id}:${memberIdOf(near)}` })[0].location?.distanceM).toBe(50)
      expect(asin).toHaveBeenCalledTimes(1)
    } finally {
      asin.mockRestore()
    }
  })

  it('measures a walking lecture to its nearest stop', async () => {
    const stops = [
      { name: '起点', address: '泉城广场', lat: VENUE.lat, lng: VENUE.lng },
      { name: '终点', address: '往北两公里', lat: VENUE.lat + 2000 / 111_195, lng: VENUE.lng },
    ]
    const l = await lecture({
      theme: 'walking',
      checkinLevel: 'L2',
      venue: { address: '红色路线', radiusM: 200, stops },
    })
    expect(await scan(inHall(l, { location: north(1950) }), fresh())).toMatchObject({ already: false })
    await expectRefused(inHall(l, { location: north(1000) }), fresh(), 'TOO_FAR')
  })
})

describe('database calls per check-in', () => {
  it('3 with a warm lecture cache (4 cold), 4 with a required sign-up; repeated scan 4; L3 check-out 4; typed +1', async () => {
    const l = await lecture()
    const [a, b, c, d] = [fresh(), fresh(), fresh(), fresh()]
    const cold = await callsOf(cloud, () => scan(inHall(l), a))
    const warm = await callsOf(cloud, () => scan(inHall(l), b))
    const repeated = await callsOf(cloud, () => scan(inHall(l), b))
    const required = await lecture({ signupRequired: true })
    await addSignup(cloud, required._id, a)
    await addSignup(cloud, required._id, c)
    await scan(inHall(required), a)
    const warmSignup = await callsOf(cloud, () => scan(inHall(required), c))
    const start = Date.now() - 30 * MINUTE
    const l3 = await lecture({ checkinLevel: 'L3', startAt: new Date(start), endAt: new Date(start + 60 * MINUTE) })
    const scannedAt = new Date(start).toISOString()
    await scan({ lectureId: l3._id, qr: codeOf(l3._id, 'in', 30 * MINUTE).qr, location: north(0), scannedAt }, a)
    await ok('review', { lectureId: l3._id, memberId: memberIdOf(a), decision: 'confirm' }, SECRETARY)
    const checkout = await callsOf(cloud, () =>
      scan({ lectureId: l3._id, qr: codeOf(l3._id, 'out').qr, location: north(0) }, a),
    )
    const typed = await callsOf(cloud, () => scan({ lectureId: l._id, typed: codeOf(l._id).typed }, d))
    const typedAgain = await callsOf(cloud, () => scan({ lectureId: l._id, typed: codeOf(l._id).typed }, d))
    console.log(
      `checkin.scan database calls: cold ${cold}, warm ${warm}, warm with sign-up ${warmSignup}, repeated ${repeated}, L3 check-out ${checkout}, typed warm ${typed}, typed repeated ${typedAgain}`,
    )
    expect({ cold, warm, warmSignup, repeated, checkout, typed, typedAgain }).toEqual({
      cold: 4,
      warm: 3,
      warmSignup: 4,
      repeated: 4,
      checkout: 4,
      typed: 4,
      typedAgain: 5,
    })
  })
})

describe('status and personal code', () => {
  it("answers the member's state at a lecture", async () => {
    const l = await lecture({ checkinLevel: 'L2', signupRequired: true })
    const m = fresh()
    await addSignup(cloud, l._id, m)
    const before = await ok<CheckinStatus>('status', { lectureId: l._id }, m)
    expect(before).toEqual({
      lectureId: l._id,
      lectureTitle: l.title,
      level: 'L2',
      opensAt: new Date(l.startAt.getTime() - 30 * MINUTE).toISOString(),
      closesAt: new Date(l.endAt.getTime() + 15 * MINUTE).toISOString(),
      signupRequired: true,
      signedUp: true,
      needsLocation: true,
    })
    const done = await scan(inHall(l, { location: north(10) }), m)
    const after = await ok<CheckinStatus>('status', { lectureId: l._id }, m)
    expect(after.mine).toEqual({ status: 'in', checkedInAt: done.checkedInAt, hours: 1.5 })
    expect(await call('status', { lectureId: l._id }, OUTSIDER)).toMatchObject({ code: 'NOT_VISIBLE' })
    expect(await call('status', { lectureId: 'ck-none' }, m)).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('gives the member a personal code that names them, as a QR image', async () => {
    const m = fresh()
    const code = await ok<MemberCode>('myCode', {}, m)
    expect(readMemberCode(code.qr, Date.now())).toBe(memberIdOf(m))
    expect(code.image).toMatch(/^data:image\/png;base64,/)
    expect(code.name).toBe(`党员sc${memberIdOf(m).slice(3).replace(/^0+/, '')}`)
    expect(code.refreshInMs).toBeGreaterThan(0)
    expect(await call('myCode', {}, UNBOUND)).toMatchObject({ code: 'NOT_A_MEMBER' })
  })
})
