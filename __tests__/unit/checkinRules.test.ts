import {
  attendanceHours,
  attendedMinutes,
  checkinDecision,
  checkinWindow,
  checkinSettingsOf,
  checkoutWindow,
  DEFAULT_CHECKIN_SETTINGS,
  CLOCK_SKEW_MS,
  distanceM,
  effectiveScanTime,
  type CheckinFacts,
  geofence,
  GUESS_REFUSALS,
  lectureIdOfQr,
  lecturingCreditProblem,
  manualCheckinWindow,
  OFFLINE_MAX_DELAY_MS,
} from '../../src/shared/checkinRules'
import type { ScanLocation } from '../../src/shared/contract'
import type { Actor } from '../../src/shared/rights'

const MINUTE = 60_000
const start = new Date('2025-05-03T11:00:00Z') // 19:00 China time
const end = new Date(start.getTime() + 90 * MINUTE)
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE)
const venue = { address: '泉城广场', lat: 36.6612, lng: 117.0186, radiusM: 200, stops: [] }
const north = (m: number, accuracy = 10): ScanLocation => ({ lat: venue.lat + m / 111_195, lng: venue.lng, accuracy })

const member: Actor = { memberId: 'm1', name: '党员', branchId: 'b1', path: ['city', 'd1', 'b1'], roles: ['member'] }
const lecture: CheckinFacts['lecture'] = {
  status: 'published',
  openToAll: false,
  hostOrgId: 'b1',
  coHostOrgIds: [],
  startAt: start,
  endAt: end,
  checkinLevel: 'L1',
  signupRequired: false,
  venue,
}
const facts = (over: Partial<CheckinFacts> = {}, l: Partial<CheckinFacts['lecture']> = {}): CheckinFacts => ({
  lecture: { ...lecture, ...l },
  actor: member,
  signedUp: false,
  scannedAt: at(0),
  receivedAt: at(0),
  purpose: 'in',
  code: 'valid',
  ...over,
})

describe('windows', () => {
  it('opens check-in 30 minutes before the start and closes it 15 minutes after the end', () => {
    expect(checkinWindow({ startAt: start, endAt: end })).toEqual({ opensAt: at(-30), closesAt: at(105) })
  })
  it('takes check-out from the start until check-in closes', () => {
    expect(checkoutWindow({ startAt: start, endAt: end })).toEqual({ opensAt: start, closesAt: at(105) })
  })
})

describe('geofence', () => {
  it('measures great-circle distance', () => {
    expect(distanceM(venue, north(1000))).toBeCloseTo(1000, -1)
  })
  it('is inside within the radius, forgiving the reported inaccuracy up to 100 m', () => {
    expect(geofence(venue, north(150))).toEqual({ distanceM: 150, inside: true })
    expect(geofence(venue, north(250)).inside).toBe(false)
    expect(geofence(venue, north(250, 60)).inside).toBe(true)
    expect(geofence(venue, north(350, 5000)).inside).toBe(false)
    expect(geofence(venue, north(300, 5000)).inside).toBe(true)
  })
  it('takes the nearest stop of a walking lecture, and a venue without coordinates as anywhere', () => {
    const stops = [
      { name: 'a', address: 'a', lat: venue.lat, lng: venue.lng },
      { name: 'b', address: 'b', lat: venue.lat + 3000 / 111_195, lng: venue.lng },
    ]
    const walking = { address: '路线', radiusM: 200, stops }
    expect(geofence(walking, north(2900)).inside).toBe(true)
    expect(geofence(walking, north(1500)).inside).toBe(false)
    expect(geofence({ address: '某处', radiusM: 200, stops: [] }, north(5000))).toEqual({ distanceM: 0, inside: true })
  })
})

describe('attendance hours', () => {
  it('credits the lecture hours without check-out', () => {
    expect(attendanceHours({ startAt: start, endAt: end, credit: { hours: 1.5, bucket: 'collective' } })).toBe(1.5)
  })
  it('at L3 credits the share of the lecture attended, rounded down to 0.5', () => {
    const l = { startAt: start, endAt: end, credit: { hours: 1.5, bucket: 'collective' as const } }
    expect(attendanceHours(l, { inAt: at(-20), outAt: at(100) })).toBe(1.5)
    expect(attendanceHours(l, { inAt: at(0), outAt: at(60) })).toBe(1)
    expect(attendanceHours(l, { inAt: at(0), outAt: at(59) })).toBe(0.5)
    expect(attendanceHours(l, { inAt: at(0), outAt: at(20) })).toBe(0)
    expect(attendanceHours({ ...l, endAt: start }, { inAt: at(0), outAt: at(20) })).toBe(0)
  })
  it('counts only minutes inside the lecture', () => {
    expect(attendedMinutes({ startAt: start, endAt: end }, at(-30), at(30))).toBe(30)
    expect(attendedMinutes({ startAt: start, endAt: end }, at(80), at(200))).toBe(10)
    expect(attendedMinutes({ startAt: start, endAt: end }, at(50), at(40))).toBe(0)
  })
})

describe('effectiveScanTime', () => {
  const now = at(0)
  it('is now without a scan time, the scan time when it is past, now for a clock a little ahead', () => {
    expect(effectiveScanTime(now)).toBe(now)
    expect(effectiveScanTime(now, at(-5))).toEqual(at(-5))
    expect(effectiveScanTime(now, new Date(now.getTime() + CLOCK_SKEW_MS))).toBe(now)
  })
  it('does not believe a scan time further in the future', () => {
    expect(effectiveScanTime(now, new Date(now.getTime() + CLOCK_SKEW_MS + 1))).toBe('future')
  })
})

/** The code the decision refuses with; undefined if it checks the member in (or out). */
const refusalCode = (f: CheckinFacts) => checkinDecision(f).refusal?.code

describe('checkinDecision', () => {
  it('lets a valid scan through at every level that has what it asks for', () => {
    expect(refusalCode(facts())).toBeUndefined()
    expect(refusalCode(facts({ code: 'missing' }, { checkinLevel: 'L0' }))).toBeUndefined()
    expect(refusalCode(facts({ location: north(10) }, { checkinLevel: 'L2' }))).toBeUndefined()
    expect(refusalCode(facts({ purpose: 'out', location: north(10) }, { checkinLevel: 'L3' }))).toBeUndefined()
  })

  it('names each refusal, in the order a member needs to hear them', () => {
    expect(refusalCode(facts({}, { status: 'draft' }))).toBe('NOT_FOUND')
    expect(refusalCode(facts({ code: 'forged' }, { status: 'cancelled' }))).toBe('LECTURE_CANCELLED')
    expect(refusalCode(facts({}, { hostOrgId: 'b9' }))).toBe('NOT_VISIBLE')
    expect(refusalCode(facts({}, { hostOrgId: 'b9', openToAll: true }))).toBeUndefined()
    expect(refusalCode(facts({}, { hostOrgId: 'b9', coHostOrgIds: ['d1'] }))).toBeUndefined()
    expect(refusalCode(facts({}, { signupRequired: true }))).toBe('NOT_SIGNED_UP')
    expect(refusalCode(facts({ signedUp: true }, { signupRequired: true }))).toBeUndefined()
    expect(refusalCode(facts({ scannedAt: at(-31) }))).toBe('CHECKIN_NOT_OPEN')
    expect(refusalCode(facts({ scannedAt: at(106), receivedAt: at(106) }))).toBe('CHECKIN_CLOSED')
    expect(refusalCode(facts({ code: 'missing' }))).toBe('CODE_REQUIRED')
    expect(refusalCode(facts({ code: 'forged' }))).toBe('CODE_INVALID')
    expect(refusalCode(facts({ code: 'expired' }))).toBe('CODE_EXPIRED')
    expect(refusalCode(facts({ code: 'otherLecture' }))).toBe('WRONG_LECTURE')
    expect(refusalCode(facts({ purpose: 'out' }))).toBe('CODE_INVALID')
    expect(refusalCode(facts({}, { checkinLevel: 'L2' }))).toBe('LOCATION_REQUIRED')
    expect(refusalCode(facts({ location: north(500) }, { checkinLevel: 'L2' }))).toBe('TOO_FAR')
  })

  it('judges a code sent at L0 all the same', () => {
    expect(refusalCode(facts({ code: 'forged' }, { checkinLevel: 'L0' }))).toBe('CODE_INVALID')
  })

  it('judges an offline scan at its scan time, within three hours of it and of the close', () => {
    expect(OFFLINE_MAX_DELAY_MS).toBe(3 * 60 * MINUTE)
    const receivedAt = at(150)
    expect(refusalCode(facts({ scannedAt: at(10), receivedAt }))).toBeUndefined()
    const old = new Date(at(10).getTime() + OFFLINE_MAX_DELAY_MS + 1)
    expect(refusalCode(facts({ scannedAt: at(10), receivedAt: old }))).toBe('OFFLINE_TOO_LATE')
    expect(refusalCode(facts({ scannedAt: at(-40), receivedAt: at(100) }))).toBe('CHECKIN_NOT_OPEN')
    // Scanned just before the close (19:00 + 105 min): until three hours after it, not a millisecond more.
    const closeAnd3h = at(105 + 180)
    expect(refusalCode(facts({ scannedAt: at(104), receivedAt: closeAnd3h }))).toBe('OFFLINE_TOO_LATE')
    expect(refusalCode(facts({ scannedAt: at(105), receivedAt: closeAnd3h }))).toBeUndefined()
    const later = new Date(closeAnd3h.getTime() + 1)
    expect(refusalCode(facts({ scannedAt: at(105), receivedAt: later }))).toBe('OFFLINE_TOO_LATE')
    // A live scan (no delay) long after the close is simply closed.
    expect(refusalCode(facts({ scannedAt: at(600), receivedAt: at(600) }))).toBe('CHECKIN_CLOSED')
  })

  it('takes check-out from the start only', () => {
    const l3 = { checkinLevel: 'L3' as const }
    expect(refusalCode(facts({ purpose: 'out', scannedAt: at(-1), location: north(0) }, l3))).toBe('CHECKIN_NOT_OPEN')
  })

  it('counts only wrong codes as guesses (a stale or foreign code has a genuine signature)', () => {
    expect([...GUESS_REFUSALS]).toEqual(['CODE_INVALID'])
  })
})

describe('the explanation of a refusal', () => {
  const refusalOf = (f: CheckinFacts) => checkinDecision(f).refusal

  it('says when check-in (or check-out) opens, China time, with the date when it is not today', () => {
    expect(refusalOf(facts({ scannedAt: at(-31), receivedAt: at(-31) }))).toEqual({
      code: 'CHECKIN_NOT_OPEN',
      explanation: '签到从 18:30 开始（北京时间）',
    })
    const dayBefore = at(-24 * 60)
    expect(refusalOf(facts({ scannedAt: dayBefore, receivedAt: dayBefore }))?.explanation).toBe(
      '签到从 5月3日 18:30 开始（北京时间）',
    )
    const out = refusalOf(facts({ purpose: 'out', scannedAt: at(-1), location: north(0) }, { checkinLevel: 'L3' }))
    expect(out).toEqual({ code: 'CHECKIN_NOT_OPEN', explanation: '签退从 19:00 开始（北京时间）' })
  })

  it('says when check-in (or check-out) closed', () => {
    expect(refusalOf(facts({ scannedAt: at(106), receivedAt: at(106) }))).toEqual({
      code: 'CHECKIN_CLOSED',
      explanation: '签到已于 20:45 结束（北京时间）',
    })
    const out = refusalOf(facts({ purpose: 'out', scannedAt: at(106), receivedAt: at(106) }, { checkinLevel: 'L3' }))
    expect(out?.explanation).toBe('签退已于 20:45 结束（北京时间）')
  })

  it('says how far off the phone is and how near it must be, with the distance it measured', () => {
    expect(checkinDecision(facts({ location: north(500) }, { checkinLevel: 'L2' }))).toEqual({
      refusal: { code: 'TOO_FAR', explanation: '您距离现场约 500 米，要在 200 米以内' },
      distanceM: 500,
    })
  })

  it('adds nothing to the refusals whose message says it all', () => {
    const plain = [
      refusalOf(facts({}, { status: 'draft' })),
      refusalOf(facts({}, { status: 'cancelled' })),
      refusalOf(facts({}, { hostOrgId: 'b9' })),
      refusalOf(facts({}, { signupRequired: true })),
      refusalOf(facts({ scannedAt: at(10), receivedAt: at(10 + 181) })),
      refusalOf(facts({ code: 'missing' })),
      refusalOf(facts({ code: 'forged' })),
      refusalOf(facts({ code: 'expired' })),
      refusalOf(facts({ code: 'otherLecture' })),
      refusalOf(facts({ purpose: 'out' })),
      refusalOf(facts({}, { checkinLevel: 'L2' })),
    ]
    expect(plain).toEqual(
      [
        'NOT_FOUND',
        'LECTURE_CANCELLED',
        'NOT_VISIBLE',
        'NOT_SIGNED_UP',
        'OFFLINE_TOO_LATE',
        'CODE_REQUIRED',
        'CODE_INVALID',
        'CODE_EXPIRED',
        'WRONG_LECTURE',
        'CODE_INVALID',
        'LOCATION_REQUIRED',
      ].map((code) => ({ code })),
    )
  })

  it('measures the distance once per scan, refused or not, and keeps it for the record', () => {
    // distanceM (haversine) takes one arcsine per point of the venue; this venue has one.
    const asin = jest.spyOn(Math, 'asin')
    try {
      expect(checkinDecision(facts({ location: north(500) }, { checkinLevel: 'L2' })).distanceM).toBe(500)
      expect(asin).toHaveBeenCalledTimes(1)
      asin.mockClear()
      expect(checkinDecision(facts({ location: north(50) }, { checkinLevel: 'L2' }))).toEqual({ distanceM: 50 })
      expect(asin).toHaveBeenCalledTimes(1)
    } finally {
      asin.mockRestore()
    }
    // Levels that do not ask for the place neither measure nor keep it.
    expect(checkinDecision(facts({ location: north(50) }))).toEqual({})
  })
})

describe('lectureIdOfQr', () => {
  it('reads the lecture of a QR text without checking it', () => {
    expect(lectureIdOfQr('dk1|in|lec-1|123|sig')).toBe('lec-1')
    expect(lectureIdOfQr(' dk1|out|a|b|9|sig ')).toBe('a|b')
    expect(lectureIdOfQr('https://example.com')).toBeUndefined()
    expect(lectureIdOfQr('dk1|in|x')).toBeUndefined()
  })
})

describe('check-in settings', () => {
  it('default to a 7-day grace for check-in by hand and 2 attendees scanning for a held lecture', () => {
    expect(DEFAULT_CHECKIN_SETTINGS).toEqual({ manualGraceDays: 7, lecturingMinScans: 2 })
    expect(checkinSettingsOf(undefined)).toEqual(DEFAULT_CHECKIN_SETTINGS)
  })

  it('take the document’s whole numbers ≥ 0 and ignore anything else', () => {
    expect(checkinSettingsOf({ manualGraceDays: 3, lecturingMinScans: 0 })).toEqual({
      manualGraceDays: 3,
      lecturingMinScans: 0,
    })
    expect(checkinSettingsOf({ manualGraceDays: -1, lecturingMinScans: '5' })).toEqual(DEFAULT_CHECKIN_SETTINGS)
    expect(checkinSettingsOf({ manualGraceDays: 1.5, lecturingMinScans: NaN })).toEqual(DEFAULT_CHECKIN_SETTINGS)
  })
})

describe('manualCheckinWindow', () => {
  it('opens with check-in and closes the grace days after check-in closes', () => {
    const { opensAt, closesAt } = manualCheckinWindow({ startAt: start, endAt: end }, { manualGraceDays: 7 })
    expect(opensAt).toEqual(checkinWindow({ startAt: start, endAt: end }).opensAt)
    expect(closesAt.getTime() - checkinWindow({ startAt: start, endAt: end }).closesAt.getTime()).toBe(
      7 * 24 * 60 * MINUTE,
    )
    const none = manualCheckinWindow({ startAt: start, endAt: end }, { manualGraceDays: 0 })
    expect(none.closesAt).toEqual(checkinWindow({ startAt: start, endAt: end }).closesAt)
  })
})

describe('lecturingCreditProblem', () => {
  const held = { lecturer: { name: '王书记', memberId: 'sec1' }, credit: { hours: 1.5, bucket: 'collective' as const } }
  const settings = { lecturingMinScans: 2 }
  it('credits a member lecturer of a lecture with enough attendees scanning themselves in', () => {
    expect(lecturingCreditProblem(held, 2, settings)).toBeUndefined()
    expect(lecturingCreditProblem(held, 0, { lecturingMinScans: 0 })).toBeUndefined()
  })

  it('says why not: too few attendees scanned, an invited lecturer, a lecture worth no hours', () => {
    expect(lecturingCreditProblem(held, 1, settings)).toMatch(/只有1位.*至少要2位.*没有给主讲人记讲授学时/)
    expect(lecturingCreditProblem({ ...held, lecturer: { name: '特邀专家' } }, 9, settings)).toMatch(/特邀/)
    expect(lecturingCreditProblem({ ...held, credit: { hours: 0, bucket: 'collective' } }, 9, settings)).toMatch(
      /不计学时/,
    )
  })
})
