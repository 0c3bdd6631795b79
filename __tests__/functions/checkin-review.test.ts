/**
 * Offline scans held for the secretary (issue 16), in-process through the real SDK and the emulator: a
 * photo of the rotating code sent to someone outside the hall and submitted as "offline" with the photo's
 * time is held, not credited; the secretary's confirmation credits it once (twice, or at once from two
 * officers), a refusal credits nothing and the member reads its reason; who may decide; L0 and a scan whose
 * code is still valid on arrival are credited as before; L3 check-outs.
 */
import { memberCode } from '../../cloudfunctions/_shared/checkinCodes'
import { main as lecture } from '../../cloudfunctions/lecture/main'
import type { CheckinResult, CheckinStatus, LiveCheckin, ReviewResult } from '../../src/shared/contract'
import { PENDING_REASON } from '../../src/shared/checkinReview'
import type { LectureDoc } from '../../src/shared/model'
import { caller } from '../support/caller'
import type { TestCloud } from '../support/emulator'
import {
  ADMIN_ABOVE,
  ADMIN_ELSEWHERE,
  call,
  codeOf,
  MINUTE,
  memberIdOf,
  north,
  ok,
  OTHER_SECRETARY,
  SECRETARY,
  snapshot,
  stored,
  checkinFile,
} from './checkin.fixtures'

let cloud: TestCloud
const { fresh, lecture: newLecture } = checkinFile('rv', 40, (started) => (cloud = started))

/** Started two hours ago, ends in an hour: check-in is open, and a scan of 100 minutes ago was in time. */
const held = (overrides: Partial<LectureDoc> = {}) =>
  newLecture({
    startAt: new Date(Date.now() - 120 * MINUTE),
    endAt: new Date(Date.now() + 60 * MINUTE),
    ...overrides,
  })
/** A scan of the code as it was `ago` ms back, sent now from the outbox with that scan time. */
const sentLater = (l: { _id: string }, ago: number, purpose: 'in' | 'out' = 'in', extra: object = {}) => ({
  lectureId: l._id,
  qr: codeOf(l._id, purpose, ago).qr,
  scannedAt: new Date(Date.now() - ago).toISOString(),
  ...extra,
})
const scan = (payload: object, openid: string) => ok<CheckinResult>('scan', payload, openid)
const review = (payload: object, openid = SECRETARY) => ok<ReviewResult>('review', payload, openid)
const ledgerOf = (l: { _id: string }) => stored(cloud, 'ledger', { lectureId: l._id })
const recordOf = (l: { _id: string }, openid: string) =>
  stored(cloud, 'checkins', { _id: `${l._id}:${memberIdOf(openid)}` })[0]

describe('a photo of the code sent as "offline" with its time', () => {
  it('is held as pending: no credit, the member sees 待确认 and why, the live screen lists it apart', async () => {
    const l = await held()
    const m = fresh()
    const photo = sentLater(l, 100 * MINUTE)
    const first = await scan(photo, m)
    expect(first).toMatchObject({ already: false, hours: 0, review: { status: 'pending', reason: PENDING_REASON } })
    expect(recordOf(l, m)).toMatchObject({ status: 'pending', review: { held: 'in' } })
    expect(ledgerOf(l)).toEqual([])
    // Sent again (the outbox retrying): the same pending state, nothing new.
    const before = snapshot(cloud)
    expect(await scan(photo, m)).toMatchObject({ already: true, review: { status: 'pending' } })
    expect(snapshot(cloud)).toBe(before)

    const status = await ok<CheckinStatus>('status', { lectureId: l._id }, m)
    expect(status.mine).toMatchObject({ status: 'pending', hours: 0, review: { reason: PENDING_REASON } })
    const page = await caller(lecture).call('detail', { id: l._id }, m)
    expect(page).toMatchObject({ ok: true, data: { myCheckin: status.mine } })
    const live = await ok<LiveCheckin>('live', { lectureId: l._id }, SECRETARY)
    expect(live.counts).toMatchObject({ checkedIn: 0, pending: 1 })
    expect(live.pending).toEqual([
      {
        memberId: memberIdOf(m),
        name: expect.any(String),
        held: 'in',
        scannedAt: photo.scannedAt,
        receivedAt: expect.any(String),
      },
    ])
    expect(await ok('pending', { lectureId: l._id }, SECRETARY)).toEqual({ rows: live.pending })
  })

  it('confirmed, is credited once: confirming again, or by two officers at once, writes nothing more', async () => {
    const l = await held()
    const [a, b] = [fresh(), fresh()]
    await scan(sentLater(l, 100 * MINUTE), a)
    await scan(sentLater(l, 90 * MINUTE), b)
    const one = await review({ lectureId: l._id, memberId: memberIdOf(a), decision: 'confirm' })
    expect(one).toEqual({
      decided: [{ memberId: memberIdOf(a), name: expect.any(String), status: 'in', changed: true }],
      skipped: 0,
    })
    expect(ledgerOf(l).map((e) => [e.memberId, e.hours, e.source])).toEqual([[memberIdOf(a), 1.5, 'attendance']])
    expect(await ok<CheckinStatus>('status', { lectureId: l._id }, a)).toMatchObject({
      mine: { status: 'in', hours: 1.5 },
    })
    const before = snapshot(cloud)
    const again = await review({ lectureId: l._id, memberId: memberIdOf(a), decision: 'confirm' })
    expect(again.decided[0]).toMatchObject({ status: 'in', changed: false })
    // A refusal after the confirmation changes nothing either.
    const late = await review({ lectureId: l._id, memberId: memberIdOf(a), decision: 'refuse', reason: '本人未到场' })
    expect(late.decided[0]).toMatchObject({ status: 'in', changed: false })
    expect(snapshot(cloud)).toBe(before)

    const payload = { lectureId: l._id, memberId: memberIdOf(b), decision: 'confirm' }
    const all = await Promise.all([SECRETARY, ADMIN_ABOVE, SECRETARY, ADMIN_ABOVE].map((who) => review(payload, who)))
    expect(all.filter((r) => r.decided[0].changed)).toHaveLength(1)
    expect(ledgerOf(l).filter((e) => e.memberId === memberIdOf(b))).toHaveLength(1)
    const audit = stored(cloud, 'checkinAudit', { lectureId: l._id })
    expect(audit.map((e) => [e.memberId, e.action])).toEqual([
      [memberIdOf(a), 'confirm'],
      [memberIdOf(b), 'confirm'],
    ])
    expect(audit[0]).toMatchObject({ by: 'sec1', byName: '王书记', reason: '确认离线补传的签到', at: expect.any(Date) })
  })

  it('refused, credits nothing; the member reads the reason, and may check in again in the hall', async () => {
    const l = await held()
    const m = fresh()
    const photo = sentLater(l, 100 * MINUTE)
    await scan(photo, m)
    expect(
      await call('review', { lectureId: l._id, memberId: memberIdOf(m), decision: 'refuse' }, SECRETARY),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const reason = '本人当时不在会场'
    const refused = await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'refuse', reason })
    expect(refused.decided[0]).toMatchObject({ status: 'refused', changed: true })
    expect(ledgerOf(l)).toEqual([])
    const status = await ok<CheckinStatus>('status', { lectureId: l._id }, m)
    expect(status.mine).toMatchObject({ status: 'refused', hours: 0, review: { status: 'refused', reason } })
    expect(stored(cloud, 'checkinAudit', { lectureId: l._id })).toEqual([
      expect.objectContaining({ action: 'refuse', reason, by: 'sec1' }),
    ])

    // The same photo again: the refusal, nothing written; a confirmation now changes nothing.
    const before = snapshot(cloud)
    expect(await scan(photo, m)).toMatchObject({ already: true, review: { status: 'refused', reason } })
    const late = await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' })
    expect(late.decided[0]).toMatchObject({ status: 'refused', changed: false })
    expect(snapshot(cloud)).toBe(before)

    // In the hall now, with the code on the screen: checked in and credited (round 2).
    const now = await scan({ lectureId: l._id, qr: codeOf(l._id).qr }, m)
    expect(now).toMatchObject({ already: false, hours: 1.5 })
    expect(now.review).toBeUndefined()
    expect(recordOf(l, m)).toMatchObject({ status: 'in', round: 2 })
    expect(recordOf(l, m).review).toBeUndefined()
    expect(ledgerOf(l).map((e) => e._id)).toEqual([`att:${l._id}:${memberIdOf(m)}:2`])
  })
})

describe('a held member who then scans in the hall', () => {
  it('is in and credited at once; the held scan sent again changes nothing', async () => {
    const l = await held()
    const m = fresh()
    const photo = sentLater(l, 100 * MINUTE)
    await scan(photo, m)
    const live = await scan({ lectureId: l._id, qr: codeOf(l._id).qr }, m)
    expect(live).toMatchObject({ already: false, hours: 1.5 })
    expect(live.review).toBeUndefined()
    expect(recordOf(l, m)).toMatchObject({ status: 'in', round: 2 })
    expect(ledgerOf(l)).toHaveLength(1)
    expect(await scan(photo, m)).toMatchObject({ already: true, hours: 1.5 })
    const late = await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'refuse', reason: '不在会场' })
    expect(late.decided[0]).toMatchObject({ status: 'in', changed: false })
    expect(ledgerOf(l)).toHaveLength(1)
  })
})

describe('a confirmation that died between its writes', () => {
  it('is completed by the next decision on the record: its credit and its audit, once', async () => {
    const l = await held()
    const m = fresh()
    await scan(sentLater(l, 100 * MINUTE), m)
    // As if the function died right after flipping the record: in, decided, no credit, no audit.
    const at = new Date()
    await cloud.db
      .collection('checkins')
      .doc(`${l._id}:${memberIdOf(m)}`)
      .update({
        status: 'in',
        review: { held: 'in', decision: 'confirmed', at, by: 'sec1', byName: '王书记', reason: '确认离线补传的签到' },
      })
    const again = await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' }, ADMIN_ABOVE)
    expect(again.decided[0]).toMatchObject({ status: 'in', changed: false })
    expect(ledgerOf(l)).toHaveLength(1)
    expect(stored(cloud, 'checkinAudit', { lectureId: l._id })).toEqual([
      expect.objectContaining({ action: 'confirm', by: 'sec1', at }),
    ])
    await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' })
    expect(ledgerOf(l)).toHaveLength(1)
    expect(stored(cloud, 'checkinAudit', { lectureId: l._id })).toHaveLength(1)
  })
})

describe('who decides', () => {
  it('only those who manage the lecture, never on their own scan; a refused decision writes nothing', async () => {
    const l = await held()
    const m = fresh()
    await scan(sentLater(l, 100 * MINUTE), m)
    // The secretary's own offline scan: a colleague or an administrator above decides it.
    await scan(sentLater(l, 95 * MINUTE), SECRETARY)
    const before = snapshot(cloud)
    const payload = { lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' }
    for (const [who, code] of [
      [m, 'FORBIDDEN'],
      [fresh(), 'FORBIDDEN'],
      [OTHER_SECRETARY, 'FORBIDDEN'],
      [ADMIN_ELSEWHERE, 'FORBIDDEN'],
      ['wx-nobody', 'NOT_A_MEMBER'],
      [undefined, 'NOT_SIGNED_IN'],
    ] as const) {
      expect(await call('review', payload, who)).toMatchObject({ ok: false, code })
      expect(await call('review', { lectureId: l._id, decision: 'confirm' }, who)).toMatchObject({ ok: false, code })
      expect(await call('pending', { lectureId: l._id }, who)).toMatchObject({ ok: false, code })
    }
    const own = { lectureId: l._id, memberId: 'sec1', decision: 'confirm' }
    expect(await call('review', own, SECRETARY)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(snapshot(cloud)).toBe(before)

    // "All": everyone's but the caller's own.
    const all = await review({ lectureId: l._id, decision: 'confirm' })
    expect(all).toMatchObject({ decided: [{ memberId: memberIdOf(m), status: 'in', changed: true }], skipped: 1 })
    expect(recordOf(l, SECRETARY).status).toBe('pending')
    expect((await review(own, ADMIN_ABOVE)).decided[0]).toMatchObject({ status: 'in', changed: true })
    expect(ledgerOf(l)).toHaveLength(2)
  })
})

describe('a scan held past the grace for check-ins by hand', () => {
  it('can no longer be confirmed (CHECKIN_CLOSED), writing nothing; it may still be refused', async () => {
    const l = await held({
      startAt: new Date(Date.now() - 9 * 24 * 60 * MINUTE),
      endAt: new Date(Date.now() - 9 * 24 * 60 * MINUTE + 60 * MINUTE),
    })
    const m = fresh()
    const at = new Date(l.startAt.getTime() + 5 * MINUTE)
    await cloud.db.collection('checkins').add({
      _id: `${l._id}:${memberIdOf(m)}`,
      lectureId: l._id,
      memberId: memberIdOf(m),
      memberName: 'm',
      branchId: l.hostOrgId,
      status: 'pending',
      round: 1,
      checkedInAt: at,
      method: 'qr',
      hours: 0,
      review: { held: 'in' },
      offline: { scannedAt: at, receivedAt: new Date(at.getTime() + 2 * 60 * MINUTE) },
      updatedAt: at,
    })
    const before = snapshot(cloud)
    const late = await call('review', { lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' }, SECRETARY)
    expect(late).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' })
    expect(snapshot(cloud)).toBe(before)
    await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'refuse', reason: '超过期限' })
    expect(recordOf(l, m)).toMatchObject({ status: 'refused' })
    expect(ledgerOf(l)).toEqual([])
  })
})

describe('a cancelled lecture', () => {
  it('credits no pending scan (LECTURE_CANCELLED), and its scans may still be refused', async () => {
    const l = await held()
    const m = fresh()
    await scan(sentLater(l, 100 * MINUTE), m)
    await cloud.db.collection('lectures').doc(l._id).update({ status: 'cancelled' })
    const payload = { lectureId: l._id, memberId: memberIdOf(m) }
    expect(await call('review', { ...payload, decision: 'confirm' }, SECRETARY)).toMatchObject({
      ok: false,
      code: 'LECTURE_CANCELLED',
    })
    expect(ledgerOf(l)).toEqual([])
    const refused = await review({ ...payload, decision: 'refuse', reason: '党课已取消' })
    expect(refused.decided[0]).toMatchObject({ status: 'refused', changed: true })
  })
})

describe('scans that are not held', () => {
  it('L0 (no code): an offline scan is credited at once, as before', async () => {
    const l = await held({ checkinLevel: 'L0' })
    const m = fresh()
    const done = await scan({ lectureId: l._id, scannedAt: new Date(Date.now() - 100 * MINUTE).toISOString() }, m)
    expect(done).toMatchObject({ already: false, hours: 1.5 })
    expect(done.review).toBeUndefined()
    expect(recordOf(l, m)).toMatchObject({ status: 'in', offline: expect.any(Object) })
    expect(ledgerOf(l)).toHaveLength(1)
  })

  it('a code still valid when the scan arrives (the network came back within the minute) is credited at once', async () => {
    const l = await held()
    const m = fresh()
    const done = await scan(sentLater(l, 10_000), m)
    expect(done).toMatchObject({ already: false, hours: 1.5 })
    expect(recordOf(l, m).status).toBe('in')
  })
})

describe('confirming all, and L3', () => {
  it('confirms every pending scan of a lecture in one tap, each audited', async () => {
    const l = await held()
    const ms = [fresh(), fresh(), fresh()]
    for (const [i, m] of ms.entries()) await scan(sentLater(l, (100 - i) * MINUTE), m)
    const all = await review({ lectureId: l._id, decision: 'confirm' })
    expect(all.decided.map((d) => [d.memberId, d.status, d.changed])).toEqual(
      ms.map((m) => [memberIdOf(m), 'in', true]),
    )
    expect(ledgerOf(l)).toHaveLength(3)
    const live = await ok<LiveCheckin>('live', { lectureId: l._id }, SECRETARY)
    expect(live.pending).toEqual([])
    expect(live.counts).toMatchObject({ checkedIn: 3, pending: 0 })
    expect(live.audit.map((a) => a.action)).toEqual(['confirm', 'confirm', 'confirm'])
    expect((await review({ lectureId: l._id, decision: 'confirm' })).decided).toEqual([])
  })

  /** An L3 lecture that started an hour ago and lasts 90 minutes, a fresh member, and a place inside its fence. */
  async function heldL3() {
    const start = Date.now() - 60 * MINUTE
    const l = await held({ checkinLevel: 'L3', startAt: new Date(start), endAt: new Date(start + 90 * MINUTE) })
    return { l, m: fresh(), inside: { location: north(20) } }
  }

  it('L3: a pending check-in takes its check-out and, confirmed, credits the minutes attended', async () => {
    const { l, m, inside } = await heldL3()
    await scan(sentLater(l, 60 * MINUTE, 'in', inside), m)
    const out = await scan({ lectureId: l._id, qr: codeOf(l._id, 'out').qr, ...inside }, m)
    expect(out).toMatchObject({ kind: 'checkedOut', hours: 0, review: { status: 'pending' } })
    expect(ledgerOf(l)).toEqual([])
    const done = await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' })
    expect(done.decided[0]).toMatchObject({ status: 'out', changed: true })
    expect(ledgerOf(l).map((e) => e.hours)).toEqual([1])
  })

  it('L3: an offline check-out is held too; refused, the member is still in and may check out again', async () => {
    const { l, m, inside } = await heldL3()
    // In since the start (held, and confirmed).
    await scan(sentLater(l, 60 * MINUTE, 'in', inside), m)
    await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' })
    const photo = sentLater(l, 5 * MINUTE, 'out', inside)
    expect(await scan(photo, m)).toMatchObject({ kind: 'checkedOut', review: { status: 'pending' } })
    expect(recordOf(l, m)).toMatchObject({ status: 'pending', review: { held: 'out' } })
    const reason = '提前离场'
    await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'refuse', reason })
    expect(recordOf(l, m)).toMatchObject({ status: 'in', hours: 0 })
    expect(recordOf(l, m).checkedOutAt).toBeUndefined()
    expect(ledgerOf(l)).toEqual([])
    // The refused check-out sent again answers as it is; a check-out in the hall now credits.
    expect((await scan(photo, m)).review).toEqual({ status: 'refused', reason })
    expect(recordOf(l, m).status).toBe('in')
    const out = await scan({ lectureId: l._id, qr: codeOf(l._id, 'out').qr, ...inside }, m)
    expect(out).toMatchObject({ kind: 'checkedOut', already: false, hours: 1 })
    expect(out.review).toBeUndefined() // the refusal was of the earlier check-out
    expect(ledgerOf(l).map((e) => e.hours)).toEqual([1])
  })
})

describe('an L3 check-out held for the secretary, then made in the hall', () => {
  const inside = { location: north(20) }
  /** In since the start (held, confirmed), then a check-out sent later: pending on its check-out alone. */
  async function heldCheckout(): Promise<{ l: LectureDoc; m: string }> {
    const start = Date.now() - 60 * MINUTE
    const l = await held({ checkinLevel: 'L3', startAt: new Date(start), endAt: new Date(start + 90 * MINUTE) })
    const m = fresh()
    await scan(sentLater(l, 60 * MINUTE, 'in', inside), m)
    await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' })
    await scan(sentLater(l, 5 * MINUTE, 'out', inside), m)
    // Out 5 minutes ago: 55 of the 90 minutes, 0.5 hours once confirmed; nothing credited yet.
    expect(recordOf(l, m)).toMatchObject({ status: 'pending', review: { held: 'out' }, hours: 0.5 })
    expect(ledgerOf(l)).toEqual([])
    return { l, m }
  }
  const liveOut = (l: LectureDoc, m: string) => scan({ lectureId: l._id, qr: codeOf(l._id, 'out').qr, ...inside }, m)

  it('replaces the held check-out: out, the 60 minutes to now credited once, nothing left to confirm', async () => {
    const { l, m } = await heldCheckout()
    const out = await liveOut(l, m)
    expect(out).toMatchObject({ kind: 'checkedOut', already: false, hours: 1 })
    expect(out.review).toBeUndefined()
    const record = recordOf(l, m)
    expect(record).toMatchObject({ status: 'out', hours: 1 })
    // The held check-out's traces go; the check-in's confirmation stays (it was the secretary's word).
    expect(record.review).toMatchObject({ held: 'in', decision: 'confirmed', by: 'sec1' })
    expect(record.offline).toBeUndefined()
    expect(ledgerOf(l).map((e) => [e.memberId, e.hours])).toEqual([[memberIdOf(m), 1]])
    expect((await ok<LiveCheckin>('live', { lectureId: l._id }, SECRETARY)).pending).toEqual([])

    // The secretary's confirmation, the held check-out sent again, another check-out: nothing more.
    const before = snapshot(cloud)
    const late = await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' })
    expect(late.decided[0]).toMatchObject({ status: 'out', changed: false })
    expect(await scan(sentLater(l, 5 * MINUTE, 'out', inside), m)).toMatchObject({ already: true, hours: 1 })
    expect(await liveOut(l, m)).toMatchObject({ already: true, hours: 1 })
    expect(snapshot(cloud)).toBe(before)
  })

  it('and the secretary confirming the held one at the same moment: credited once, both answers agree', async () => {
    const held = await Promise.all([heldCheckout(), heldCheckout(), heldCheckout(), heldCheckout()])
    const answers = await Promise.all(
      held.map(({ l, m }) =>
        Promise.all([liveOut(l, m), review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' })]),
      ),
    )
    for (const [i, { l, m }] of held.entries()) {
      const record = recordOf(l, m)
      expect(record.status).toBe('out')
      const ledger = ledgerOf(l)
      expect(ledger.map((e) => [e.memberId, e.hours])).toEqual([[memberIdOf(m), record.hours]])
      expect(record.hours).toBeGreaterThan(0)
      const [out, decided] = answers[i]
      expect(out).toMatchObject({ kind: 'checkedOut', hours: record.hours })
      expect(out.review).toBeUndefined()
      // Exactly one of the two changed the record.
      expect([!out.already, decided.decided[0].changed].filter(Boolean)).toHaveLength(1)
    }
  })

  it("is refused a check-in by the secretary's hand (INVALID_STATE, to the 待确认 list), writing nothing", async () => {
    const { l, m } = await heldCheckout()
    const before = snapshot(cloud)
    const byHand = await call('manual', { lectureId: l._id, memberId: memberIdOf(m), reason: '本人在场' }, SECRETARY)
    expect(byHand).toMatchObject({ ok: false, code: 'INVALID_STATE', explanation: expect.stringMatching(/待确认/) })
    const byCode = await call(
      'scanMember',
      { lectureId: l._id, code: memberCode(memberIdOf(m), Date.now()).qr },
      SECRETARY,
    )
    expect(byCode).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(snapshot(cloud)).toBe(before)
    // Confirmed in the list, the held check-out is credited.
    await review({ lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' })
    expect(ledgerOf(l).map((e) => e.hours)).toEqual([0.5])
  })
})
