/**
 * The secretary's side of check-in, in-process through the real SDK and the emulator: manual check-in,
 * undo and its reversal, check-in by a member's personal code, the live screen and finishing a lecture —
 * who may do each (members no, another branch's secretary no, an administrator above yes) and that a
 * refused action writes nothing.
 */
import { memberCode } from '../../cloudfunctions/_shared/checkinCodes'
import { rememberSetting } from '../../cloudfunctions/_shared/settings'
import { CHECKIN_SETTINGS_ID } from '../../src/shared/checkinRules'
import type { CheckinResult, LiveCheckin } from '../../src/shared/contract'
import { ERROR_MESSAGES } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import { hoursYear } from '../../src/shared/studyHours'
import type { TestCloud } from '../support/emulator'
import {
  ADMIN_ABOVE,
  ADMIN_ELSEWHERE,
  addLecture,
  addSignup,
  call,
  codeOf,
  LECTURER,
  MINUTE,
  memberIdOf,
  ok,
  OTHER_SECRETARY,
  SECRETARY,
  snapshot,
  stored,
  checkinCloudForFile,
} from './checkin.fixtures'

let cloud: TestCloud
const people = checkinCloudForFile('se', 60, (started) => (cloud = started))
const fresh = () => people.shift()!

let n = 0
const lecture = (overrides: Partial<LectureDoc> = {}) => addLecture(cloud, `ck-s${++n}`, overrides)
const REASON = '年老体弱，行动不便'
/** The function instance keeps settings for a minute: make its copy stale so that the next call reads them. */
const expireCachedSettings = () => rememberSetting(CHECKIN_SETTINGS_ID, undefined, new Date(0))
/** `n` fresh members scan the lecture's current code themselves; answers their openids. */
async function scanIn(l: LectureDoc, n: number): Promise<string[]> {
  const members = Array.from({ length: n }, fresh)
  for (const m of members) await ok('scan', { lectureId: l._id, qr: codeOf(l._id).qr }, m)
  return members
}
const total = (memberId: string) => stored(cloud, 'ledger', { memberId }).reduce((sum, e) => sum + e.hours, 0)

/** Each of them is refused with FORBIDDEN (or NOT_A_MEMBER / NOT_SIGNED_IN), and nothing is written. */
async function expectRefusedToOthers(action: string, payload: object) {
  const before = snapshot(cloud)
  const plain = fresh()
  for (const [who, code] of [
    [plain, 'FORBIDDEN'],
    [OTHER_SECRETARY, 'FORBIDDEN'],
    [ADMIN_ELSEWHERE, 'FORBIDDEN'],
    ['wx-nobody', 'NOT_A_MEMBER'],
    [undefined, 'NOT_SIGNED_IN'],
  ] as const) {
    expect(await call(action, payload, who)).toMatchObject({ ok: false, code })
  }
  expect(snapshot(cloud)).toBe(before)
}

describe('manual check-in', () => {
  it('is for those who manage the host; it ignores the close and the code, and audits who, when and why', async () => {
    // Held yesterday: check-in closed long ago (a forgotten member is checked in afterwards).
    const l = await lecture({
      startAt: new Date(Date.now() - 25 * 60 * MINUTE),
      endAt: new Date(Date.now() - 24 * 60 * MINUTE),
    })
    const m = fresh()
    const payload = { lectureId: l._id, memberId: memberIdOf(m), reason: REASON }
    await expectRefusedToOthers('manual', payload)

    const done = await ok<CheckinResult>('manual', payload, SECRETARY)
    expect(done).toMatchObject({ kind: 'checkedIn', already: false, hours: 1.5, checkoutNeeded: false })
    expect(stored(cloud, 'checkins', { lectureId: l._id })[0]).toMatchObject({
      memberId: memberIdOf(m),
      method: 'manual',
      by: 'sec1',
      reason: REASON,
      status: 'in',
    })
    expect(stored(cloud, 'checkinAudit', { lectureId: l._id })).toEqual([
      {
        _id: expect.any(String),
        lectureId: l._id,
        memberId: memberIdOf(m),
        memberName: expect.any(String),
        action: 'manual',
        by: 'sec1',
        byName: '王书记',
        reason: REASON,
        at: expect.any(Date),
      },
    ])
    expect(total(memberIdOf(m))).toBe(1.5)
    // Again (by an administrator above): nothing new, nothing audited.
    expect(await ok<CheckinResult>('manual', payload, ADMIN_ABOVE)).toMatchObject({ already: true })
    expect(stored(cloud, 'checkinAudit', { lectureId: l._id })).toHaveLength(1)
    expect(total(memberIdOf(m))).toBe(1.5)
  })

  it('lets an administrator above the host check a member in', async () => {
    const l = await lecture()
    const m = fresh()
    await ok('manual', { lectureId: l._id, memberId: memberIdOf(m), reason: REASON }, ADMIN_ABOVE)
    expect(stored(cloud, 'checkinAudit', { lectureId: l._id })[0]).toMatchObject({ by: 'adm-s1', byName: '街道管理员' })
  })

  it('credits the full hours at L3 (the member cannot scan out either)', async () => {
    const l = await lecture({ checkinLevel: 'L3' })
    const m = fresh()
    const done = await ok<CheckinResult>(
      'manual',
      { lectureId: l._id, memberId: memberIdOf(m), reason: REASON },
      SECRETARY,
    )
    expect(done).toMatchObject({ hours: 1.5, checkoutNeeded: false })
  })

  it('refuses before check-in opens (saying when), oneself, and a member who cannot see the lecture', async () => {
    const later = await lecture({
      startAt: new Date(Date.now() + 3 * 60 * MINUTE),
      endAt: new Date(Date.now() + 4 * 60 * MINUTE),
    })
    const open = await lecture()
    const before = snapshot(cloud)
    const early = await call(
      'manual',
      { lectureId: later._id, memberId: memberIdOf(fresh()), reason: REASON },
      SECRETARY,
    )
    expect(early).toMatchObject({
      ok: false,
      code: 'CHECKIN_NOT_OPEN',
      explanation: expect.stringMatching(/\d\d:\d\d/),
    })
    const code = memberCode(memberIdOf(fresh()), Date.now()).qr
    expect(await call('scanMember', { lectureId: later._id, code }, SECRETARY)).toMatchObject({
      code: 'CHECKIN_NOT_OPEN',
    })
    // Not oneself: by hand or by one's own member code, as secretary or as administrator above.
    expect(await call('manual', { lectureId: open._id, memberId: 'sec1', reason: REASON }, SECRETARY)).toMatchObject({
      code: 'FORBIDDEN',
    })
    const own = { lectureId: open._id, code: memberCode('adm-s1', Date.now()).qr }
    expect(await call('scanMember', own, ADMIN_ABOVE)).toMatchObject({ code: 'FORBIDDEN' })
    // A member of another district's branch cannot see the lecture: not credited with it.
    expect(await call('manual', { lectureId: open._id, memberId: 'out3', reason: REASON }, SECRETARY)).toMatchObject({
      code: 'NOT_VISIBLE',
    })
    const outsider = { lectureId: open._id, code: memberCode('out3', Date.now()).qr }
    expect(await call('scanMember', outsider, ADMIN_ABOVE)).toMatchObject({ code: 'NOT_VISIBLE' })
    expect(snapshot(cloud)).toBe(before)
    // Open to all: they may be.
    const forAll = await lecture({ openToAll: true })
    expect(await ok('manual', { lectureId: forAll._id, memberId: 'out3', reason: REASON }, SECRETARY)).toMatchObject({
      already: false,
    })
  })

  it('refuses a check-in by hand or by member code long after the lecture (7 days’ grace), writing nothing', async () => {
    const DAY = 24 * 60 * MINUTE
    const longAgo = await lecture({
      startAt: new Date(Date.now() - 8 * DAY - 60 * MINUTE),
      endAt: new Date(Date.now() - 8 * DAY),
    })
    const before = snapshot(cloud)
    const memberId = memberIdOf(fresh())
    const late = await call('manual', { lectureId: longAgo._id, memberId, reason: REASON }, SECRETARY)
    expect(late).toMatchObject({
      ok: false,
      code: 'CHECKIN_CLOSED',
      explanation: expect.stringMatching(/^党课结束7天以后不能再补签（补签截至 \d+月\d+日 \d\d:\d\d）$/),
    })
    const code = memberCode(memberIdOf(fresh()), Date.now()).qr
    expect(await call('scanMember', { lectureId: longAgo._id, code }, ADMIN_ABOVE)).toMatchObject({
      code: 'CHECKIN_CLOSED',
    })
    expect(snapshot(cloud)).toBe(before)
    // Six days after: still put right.
    const lastWeek = await lecture({
      startAt: new Date(Date.now() - 6 * DAY - 60 * MINUTE),
      endAt: new Date(Date.now() - 6 * DAY),
    })
    expect(await ok('manual', { lectureId: lastWeek._id, memberId, reason: REASON }, SECRETARY)).toMatchObject({
      already: false,
    })
  })

  it('counts the hours in the year of the lecture, not of the check-in (a grace set long in the settings)', async () => {
    const lastYear = hoursYear(new Date()) - 1
    // 10:00 China time on 31 December of last year.
    const start = new Date(Date.UTC(lastYear, 11, 31, 2))
    const l = await lecture({ startAt: start, endAt: new Date(start.getTime() + 60 * MINUTE) })
    const memberId = memberIdOf(fresh())
    const payload = { lectureId: l._id, memberId, reason: REASON }
    // Out of the default grace (unless this runs in the first week of January) ...
    if (Date.now() - l.endAt.getTime() > 8 * 24 * 60 * MINUTE) {
      expect(await call('manual', payload, SECRETARY)).toMatchObject({ code: 'CHECKIN_CLOSED' })
    }
    // ... and within a grace of 400 days, once the settings document says so and the instance's copy expired.
    await cloud.db.collection('settings').add({ _id: CHECKIN_SETTINGS_ID, manualGraceDays: 400 })
    expireCachedSettings()
    try {
      await ok('manual', payload, SECRETARY)
      await ok('undo', { lectureId: l._id, memberId, reason: '误签' }, SECRETARY)
    } finally {
      await cloud.db.collection('settings').doc(CHECKIN_SETTINGS_ID).remove()
      expireCachedSettings()
    }
    expect(stored(cloud, 'ledger', { memberId }).map((e) => [e.source, e.year])).toEqual([
      ['attendance', lastYear],
      ['reversal', lastYear],
    ])
  })

  it('refuses a cancelled lecture, a draft, an unknown member and a missing reason, writing nothing', async () => {
    const before = snapshot(cloud)
    const memberId = memberIdOf(fresh())
    const cancelled = await lecture({ status: 'cancelled' })
    const draft = await lecture({ status: 'draft' })
    const open = await lecture()
    const after = snapshot(cloud)
    expect(await call('manual', { lectureId: cancelled._id, memberId, reason: REASON }, SECRETARY)).toMatchObject({
      code: 'LECTURE_CANCELLED',
    })
    expect(await call('manual', { lectureId: draft._id, memberId, reason: REASON }, SECRETARY)).toMatchObject({
      code: 'INVALID_STATE',
    })
    expect(await call('manual', { lectureId: open._id, memberId: 'nobody', reason: REASON }, SECRETARY)).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await call('manual', { lectureId: open._id, memberId, reason: ' ' }, SECRETARY)).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(await call('manual', { lectureId: 'ck-none', memberId, reason: REASON }, SECRETARY)).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(snapshot(cloud)).toBe(after)
    expect(before).not.toBe(after)
  })
})

describe('undo', () => {
  it('marks the record undone and reverses its credit with a new entry; a new check-in is round 2, credited once', async () => {
    const l = await lecture()
    const m = fresh()
    const memberId = memberIdOf(m)
    await ok('scan', { lectureId: l._id, qr: codeOf(l._id).qr }, m)
    const payload = { lectureId: l._id, memberId, reason: '误签，本人未到场' }
    await expectRefusedToOthers('undo', payload)

    expect(await ok('undo', payload, SECRETARY)).toEqual({ reversedHours: 1.5 })
    const [record] = stored(cloud, 'checkins', { lectureId: l._id })
    expect(record).toMatchObject({ status: 'undone', round: 1 })
    const ledger = stored(cloud, 'ledger', { memberId })
    expect(ledger.map((e) => [e._id, e.source, e.hours])).toEqual([
      [`att:${l._id}:${memberId}:1`, 'attendance', 1.5],
      [`rev:${l._id}:${memberId}:1`, 'reversal', -1.5],
    ])
    expect(ledger[1]).toMatchObject({
      reverses: `att:${l._id}:${memberId}:1`,
      year: ledger[0].year,
      by: 'sec1',
      reason: payload.reason,
      bucket: 'collective',
    })
    expect(total(memberId)).toBe(0)
    expect(stored(cloud, 'checkinAudit', { lectureId: l._id })).toMatchObject([
      { action: 'undo', by: 'sec1', reason: payload.reason },
    ])
    // Undoing again answers as done and changes nothing.
    const settled = snapshot(cloud)
    expect(await ok('undo', payload, SECRETARY)).toEqual({ reversedHours: 1.5 })
    expect(snapshot(cloud)).toBe(settled)
    expect(stored(cloud, 'checkinAudit', { lectureId: l._id })).toHaveLength(1)

    // Checked in again: round 2, credited once even when scanned twice.
    const again = await ok<CheckinResult>('scan', { lectureId: l._id, qr: codeOf(l._id).qr }, m)
    expect(again).toMatchObject({ already: false, hours: 1.5 })
    expect(await ok<CheckinResult>('scan', { lectureId: l._id, qr: codeOf(l._id).qr }, m)).toMatchObject({
      already: true,
    })
    expect(stored(cloud, 'checkins', { lectureId: l._id })[0]).toMatchObject({ status: 'in', round: 2, method: 'qr' })
    expect(total(memberId)).toBe(1.5)
    expect(stored(cloud, 'ledger', { memberId }).map((e) => e._id)).toContain(`att:${l._id}:${memberId}:2`)

    // And undone again: round 2 reversed.
    await ok('undo', payload, ADMIN_ABOVE)
    expect(total(memberId)).toBe(0)
    expect(stored(cloud, 'ledger', { memberId })).toHaveLength(4)
  })

  it('heals an undo that died before its reversal: undoing again, or the member checking in again', async () => {
    for (const heal of ['undo', 'scan'] as const) {
      const l = await lecture()
      const m = fresh()
      const memberId = memberIdOf(m)
      await ok('scan', { lectureId: l._id, qr: codeOf(l._id).qr }, m)
      // The record flipped, then the function died: no reversal, no audit.
      const undo = { at: new Date(), by: 'sec1', reason: '误签' }
      await cloud.db
        .collection('checkins')
        .doc(`${l._id}:${memberId}`)
        .update({ status: 'undone', undo, updatedAt: undo.at })
      expect(total(memberId)).toBe(1.5)
      if (heal === 'undo') {
        expect(await ok('undo', { lectureId: l._id, memberId, reason: '误签' }, SECRETARY)).toEqual({
          reversedHours: 1.5,
        })
        expect(total(memberId)).toBe(0)
        expect(stored(cloud, 'checkinAudit', { lectureId: l._id })).toMatchObject([{ action: 'undo' }])
      } else {
        await new Promise((resolve) => setTimeout(resolve, 5))
        expect(await ok('scan', { lectureId: l._id, qr: codeOf(l._id).qr }, m)).toMatchObject({ already: false })
        // Round 1 credited and reversed, round 2 credited: once in all.
        expect(total(memberId)).toBe(1.5)
        expect(stored(cloud, 'ledger', { memberId }).map((e) => e._id)).toEqual([
          `att:${l._id}:${memberId}:1`,
          `rev:${l._id}:${memberId}:1`,
          `att:${l._id}:${memberId}:2`,
        ])
      }
    }
  })

  it('cannot be reversed by the member sending a scan made before it (CHECKIN_UNDONE); a later scan checks in', async () => {
    const l = await lecture()
    const m = fresh()
    const memberId = memberIdOf(m)
    const ago = 2 * MINUTE
    const old = {
      lectureId: l._id,
      qr: codeOf(l._id, 'in', ago).qr,
      scannedAt: new Date(Date.now() - ago).toISOString(),
    }
    await ok('scan', old, m) // its code expired on the way: held until the secretary confirms it
    await ok('review', { lectureId: l._id, memberId, decision: 'confirm' }, SECRETARY)
    await ok('undo', { lectureId: l._id, memberId, reason: '本人未到场' }, SECRETARY)
    const before = JSON.stringify([
      stored(cloud, 'checkins', { lectureId: l._id }),
      stored(cloud, 'ledger', { memberId }),
    ])
    const again = await call('scan', old, m)
    expect(again).toMatchObject({ ok: false, code: 'CHECKIN_UNDONE', message: ERROR_MESSAGES.CHECKIN_UNDONE })
    expect(
      JSON.stringify([stored(cloud, 'checkins', { lectureId: l._id }), stored(cloud, 'ledger', { memberId })]),
    ).toBe(before)
    expect(stored(cloud, 'checkinAttempts', { memberId }).map((a) => a.code)).toEqual(['CHECKIN_UNDONE'])
    expect(total(memberId)).toBe(0)
    // Scanned in the hall after the undo: in again.
    expect(await ok('scan', { lectureId: l._id, qr: codeOf(l._id).qr }, m)).toMatchObject({ already: false })
    expect(total(memberId)).toBe(1.5)
  })

  it('refuses to undo a member who is not checked in', async () => {
    const l = await lecture()
    const before = snapshot(cloud)
    expect(
      await call('undo', { lectureId: l._id, memberId: memberIdOf(fresh()), reason: REASON }, SECRETARY),
    ).toMatchObject({ code: 'INVALID_STATE' })
    expect(snapshot(cloud)).toBe(before)
  })
})

describe("check-in by a member's personal code", () => {
  it('checks the member in and audits it; a stale or forged code is refused', async () => {
    const l = await lecture()
    const m = fresh()
    const { qr } = memberCode(memberIdOf(m), Date.now())
    await expectRefusedToOthers('scanMember', { lectureId: l._id, code: qr })
    const done = await ok<CheckinResult & { memberName: string }>(
      'scanMember',
      { lectureId: l._id, code: qr },
      SECRETARY,
    )
    expect(done).toMatchObject({
      kind: 'checkedIn',
      already: false,
      hours: 1.5,
      memberName: expect.stringMatching(/^党员se/),
    })
    expect(stored(cloud, 'checkins', { lectureId: l._id })[0]).toMatchObject({ method: 'memberCode', by: 'sec1' })
    expect(stored(cloud, 'checkinAudit', { lectureId: l._id })).toMatchObject([
      { action: 'memberCode', byName: '王书记' },
    ])

    // An administrator above the host may scan too.
    const other = fresh()
    const byAdmin = { lectureId: l._id, code: memberCode(memberIdOf(other), Date.now()).qr }
    expect(await ok<CheckinResult>('scanMember', byAdmin, ADMIN_ABOVE)).toMatchObject({ already: false })

    const before = snapshot(cloud)
    const stale = memberCode(memberIdOf(fresh()), Date.now() - 15 * MINUTE).qr
    expect(await call('scanMember', { lectureId: l._id, code: stale }, SECRETARY)).toMatchObject({
      code: 'MEMBER_CODE_INVALID',
    })
    const forged = qr.replace(memberIdOf(m), memberIdOf(fresh()))
    expect(await call('scanMember', { lectureId: l._id, code: forged }, SECRETARY)).toMatchObject({
      code: 'MEMBER_CODE_INVALID',
    })
    expect(snapshot(cloud)).toBe(before)
  })
})

describe('the live check-in screen', () => {
  it('shows the code, counts, rows, the latest failures with their message and the latest audit', async () => {
    const l = await lecture({ signupRequired: true })
    const [a, b, c, d] = [fresh(), fresh(), fresh(), fresh()]
    for (const m of [a, b, c]) await addSignup(cloud, l._id, m)
    await ok('scan', { lectureId: l._id, qr: codeOf(l._id).qr }, a)
    await ok('manual', { lectureId: l._id, memberId: memberIdOf(d), reason: REASON }, SECRETARY)
    await call('scan', { lectureId: l._id, qr: codeOf('ck-other').qr }, b)
    await expectRefusedToOthers('live', { lectureId: l._id })

    const asked = codeOf(l._id).typed
    const live = await ok<LiveCheckin>('live', { lectureId: l._id }, SECRETARY)
    // the screen's code is the slot's of the moment it was made: before or after a slot boundary
    const slotCodes = [asked, codeOf(l._id).typed]
    expect(live).toMatchObject({
      lectureId: l._id,
      lectureTitle: l.title,
      level: 'L1',
      purpose: 'in',
      counts: { signedUp: 3, checkedIn: 2, checkedOut: 0, notYet: 2 },
      finished: false,
    })
    expect(slotCodes).toContain(live.code!.typed)
    expect(live.code!.qr).toMatch(new RegExp(`^dk1\\|in\\|${l._id}\\|`))
    expect(live.code!.image).toMatch(/^data:image\/png;base64,/)
    expect(live.rows.map((r) => [memberIdOf(`wx-${r.memberId}`), r.state, r.signedUp])).toEqual([
      [memberIdOf(d), 'in', false],
      [memberIdOf(a), 'in', true],
      ...[b, c].map((m) => [memberIdOf(m), 'none', true]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ])
    expect(live.rows[0]).toMatchObject({ method: 'manual', checkedInAt: expect.any(String) })
    expect(live.failures).toEqual([
      {
        name: expect.any(String),
        at: expect.any(String),
        code: 'WRONG_LECTURE',
        message: ERROR_MESSAGES.WRONG_LECTURE,
      },
    ])
    expect(live.audit).toEqual([
      { name: expect.any(String), action: 'manual', byName: '王书记', reason: REASON, at: expect.any(String) },
    ])
    // An administrator above may look too.
    expect(await ok<LiveCheckin>('live', { lectureId: l._id }, ADMIN_ABOVE)).toMatchObject({ counts: live.counts })
  })

  it('shows no code outside the window or at L0, and a check-out code only at L3', async () => {
    const later = await lecture({
      startAt: new Date(Date.now() + 3 * 60 * MINUTE),
      endAt: new Date(Date.now() + 4 * 60 * MINUTE),
    })
    expect((await ok<LiveCheckin>('live', { lectureId: later._id }, SECRETARY)).code).toBeUndefined()
    const l0 = await lecture({ checkinLevel: 'L0' })
    expect((await ok<LiveCheckin>('live', { lectureId: l0._id }, SECRETARY)).code).toBeUndefined()
    const l1 = await lecture()
    expect(await call('live', { lectureId: l1._id, purpose: 'out' }, SECRETARY)).toMatchObject({
      code: 'INVALID_STATE',
    })
    const l3 = await lecture({ checkinLevel: 'L3', startAt: new Date(Date.now() - MINUTE) })
    const out = await ok<LiveCheckin>('live', { lectureId: l3._id, purpose: 'out' }, SECRETARY)
    expect(out.code!.qr).toMatch(/^dk1\|out\|/)
    expect(out.purpose).toBe('out')
  })
})

describe('finishing a lecture', () => {
  it('is for those who manage the host, after the start; it credits a member lecturer once', async () => {
    const upcoming = await lecture({ lecturer: { name: '张主讲', memberId: memberIdOf(LECTURER) } })
    expect(await call('finish', { lectureId: upcoming._id }, SECRETARY)).toMatchObject({ code: 'INVALID_STATE' })

    const held = await lecture({
      startAt: new Date(Date.now() - 60 * MINUTE),
      endAt: new Date(Date.now() - 5 * MINUTE),
      lecturer: { name: '张主讲', memberId: memberIdOf(LECTURER) },
      credit: { hours: 1, bucket: 'collective' },
    })
    await expectRefusedToOthers('finish', { lectureId: held._id })
    // Held: two attendees scanned the code themselves (check-in closes 15 minutes after the end).
    await scanIn(held, 2)
    expect(await ok('finish', { lectureId: held._id }, SECRETARY)).toEqual({ lecturerCredited: true })
    expect(await ok('finish', { lectureId: held._id }, ADMIN_ABOVE)).toEqual({ lecturerCredited: true })
    expect(stored(cloud, 'lectures', { _id: held._id })[0]).toMatchObject({
      status: 'finished',
      finishedAt: expect.any(Date),
    })
    expect(stored(cloud, 'ledger', { lectureId: held._id, source: 'lecturing' })).toEqual([
      {
        _id: `lect:${held._id}:${memberIdOf(LECTURER)}`,
        memberId: memberIdOf(LECTURER),
        year: expect.any(Number),
        hours: 1,
        bucket: 'lecturing',
        source: 'lecturing',
        title: held.title,
        lectureId: held._id,
        at: held.startAt,
      },
    ])
    expect((await ok<LiveCheckin>('live', { lectureId: held._id }, SECRETARY)).finished).toBe(true)
  })

  it('credits nobody when the lecturer is not a member, and refuses a cancelled lecture', async () => {
    const past = { startAt: new Date(Date.now() - 60 * MINUTE), endAt: new Date(Date.now() - 5 * MINUTE) }
    const guest = await lecture(past)
    expect(await ok('finish', { lectureId: guest._id }, SECRETARY)).toEqual({
      lecturerCredited: false,
      notCreditedReason: '主讲人是特邀嘉宾，不记讲授学时',
    })
    expect(stored(cloud, 'ledger', { lectureId: guest._id })).toEqual([])
    const cancelled = await lecture({ ...past, status: 'cancelled' })
    expect(await call('finish', { lectureId: cancelled._id }, SECRETARY)).toMatchObject({ code: 'LECTURE_CANCELLED' })
  })

  it('gives no lecturing credit to a lecture with only check-ins by hand, and says why', async () => {
    const l = await lecture({
      startAt: new Date(Date.now() - 60 * MINUTE),
      endAt: new Date(Date.now() - 5 * MINUTE),
      lecturer: { name: '张主讲', memberId: memberIdOf(LECTURER) },
    })
    for (let i = 0; i < 5; i++) {
      await ok('manual', { lectureId: l._id, memberId: memberIdOf(fresh()), reason: REASON }, SECRETARY)
    }
    // The lecturer scanning themselves in does not count either.
    await ok('scan', { lectureId: l._id, qr: codeOf(l._id).qr }, LECTURER)
    expect(await ok('finish', { lectureId: l._id }, SECRETARY)).toEqual({
      lecturerCredited: false,
      notCreditedReason:
        '只有0位党员自己扫码签到，至少要2位（主讲人除外，书记代签不算）才算举办，没有给主讲人记讲授学时',
    })
    expect(stored(cloud, 'lectures', { _id: l._id })[0].status).toBe('finished')
    expect(stored(cloud, 'ledger', { lectureId: l._id, source: 'lecturing' })).toEqual([])
    // One scan, then one undone: still not held.
    const [a, b] = await scanIn(l, 2)
    await ok('undo', { lectureId: l._id, memberId: memberIdOf(b), reason: '本人未到场' }, SECRETARY)
    expect(await ok('finish', { lectureId: l._id }, SECRETARY)).toMatchObject({ lecturerCredited: false })
    expect(stored(cloud, 'ledger', { lectureId: l._id, source: 'lecturing' })).toEqual([])
    expect(a).toBeDefined()
    // Two "offline" scans the secretary confirmed are the secretary's word, not scans in the hall: still not held.
    for (const m of [fresh(), fresh()]) {
      const ago = 10 * MINUTE
      const sent = {
        lectureId: l._id,
        qr: codeOf(l._id, 'in', ago).qr,
        scannedAt: new Date(Date.now() - ago).toISOString(),
      }
      await ok('scan', sent, m)
      await ok('review', { lectureId: l._id, memberId: memberIdOf(m), decision: 'confirm' }, SECRETARY)
    }
    expect(stored(cloud, 'ledger', { lectureId: l._id, source: 'attendance' }).length).toBeGreaterThanOrEqual(2)
    expect(await ok('finish', { lectureId: l._id }, SECRETARY)).toMatchObject({ lecturerCredited: false })
    expect(stored(cloud, 'ledger', { lectureId: l._id, source: 'lecturing' })).toEqual([])
  })

  it('credits a secretary lecturing their own branch when the lecture was held', async () => {
    const l = await lecture({
      startAt: new Date(Date.now() - 60 * MINUTE),
      endAt: new Date(Date.now() - 5 * MINUTE),
      lecturer: { name: '王书记', memberId: 'sec1' },
      speakerRole: 'secretary',
    })
    await scanIn(l, 1)
    expect(await ok('finish', { lectureId: l._id }, SECRETARY)).toMatchObject({ lecturerCredited: false })
    await scanIn(l, 1)
    expect(await ok('finish', { lectureId: l._id }, SECRETARY)).toEqual({ lecturerCredited: true })
    expect(stored(cloud, 'ledger', { memberId: 'sec1', source: 'lecturing' })).toMatchObject([
      { _id: `lect:${l._id}:sec1`, hours: 1.5, bucket: 'lecturing' },
    ])
  })
})
