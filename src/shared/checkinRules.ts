/**
 * Check-in rules, pure (domain.md "Check-in"): when a lecture's check-in is open, what each level asks
 * for, how far a phone may be from the venue, how long a scan may wait on the phone, and what an L3
 * attendance is worth. The checkin function (cloudfunctions/checkin) reads the facts and asks
 * `checkinDecision` once; like pretix's check-in service, one function names the refusal from a closed list
 * with what the member needs to hear of it (pretix's CheckInError: code, message, explanation).
 *
 * What a code proves, and what it does not: the phone names its own scan time (`scannedAt`, for a scan kept
 * in the outbox without network), and the server cannot tell a scan in the hall from a photo of the screen
 * (or a code passed on by someone in the hall) sent as "offline" later. So an offline scan must arrive
 * within OFFLINE_MAX_DELAY_MS of its scan time and no later than that after the window closes, and at L1+
 * one whose code expired before it arrived credits nothing until the secretary confirms it
 * (checkinReview.ts). L2/L3 add the phone's reported location, which a determined member can fake as well.
 */
import { chinaWhen } from './chinaTime'
import type { ScanLocation } from './contract/location'
import type { ErrorCode } from './errors'
import type { CheckinLevel, LectureDoc } from './model'
import { type Actor, canSeeLecture } from './rights'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** Check-in opens this long before the start and closes this long after the end (domain.md's example). */
export const OPENS_BEFORE_MS = 30 * MINUTE
export const CLOSES_AFTER_MS = 15 * MINUTE
/** A lecture code changes every slot; a QR of the current or the previous slot is accepted. */
export const CODE_SLOT_MS = 15_000
/**
 * Slots back (beyond the current one) in which a code is still valid. Typed digits get about a minute, since
 * elderly members type slowly; the typed-try gate (TYPED_TRY_LIMIT) bounds guessing.
 */
export const QR_VALID_SLOTS_BACK = 1
export const TYPED_VALID_SLOTS_BACK = 3
/** A member's personal code lives longer: the member may have fetched it before losing signal. */
export const MEMBER_CODE_SLOT_MS = 5 * MINUTE
/**
 * A scan kept on the phone (no network) is accepted if it arrives within this time of the scan and of the
 * window's close: long enough for a member who walks out of a basement hall, short enough that a photo of
 * the code is worth little afterwards (see the header).
 */
export const OFFLINE_MAX_DELAY_MS = 3 * 60 * MINUTE
/** Phone clocks drift: a scan time this far in the future is still taken as now. */
export const CLOCK_SKEW_MS = 2 * MINUTE
/** The most of a phone's reported inaccuracy that is forgiven; a phone that knows less is too far. */
export const MAX_ACCURACY_ALLOWANCE_M = 100
/** Wrong codes: after this many in the window, check-in by code is blocked for the block time. */
export const WRONG_CODE_LIMIT = 5
export const WRONG_CODE_WINDOW_MS = 10 * MINUTE
export const WRONG_CODE_BLOCK_MS = 10 * MINUTE
/**
 * Typed codes: at most this many tries per WRONG_CODE_WINDOW_MS, counted before the code is judged by one
 * conditional update the database serialises, so that a burst of parallel guesses cannot outrun the count
 * (honest members type once or twice).
 */
export const TYPED_TRY_LIMIT = 10

/**
 * The check-in rules a city may tune: the settings document `checkinRules` (no page edits it; an operator
 * writes it in the database console). A missing or unusable value takes its default here, the one place.
 */
export interface CheckinSettings {
  /** Days after check-in closes in which a secretary may still check a forgotten member in by hand. */
  manualGraceDays: number
  /**
   * Attendees, the lecturer not counted, who checked themselves in on their own phone (with the code, or in
   * the window at L0) for a lecture to count as held and earn its lecturer the lecturing credit. Check-ins by
   * hand or by member code do not count: a secretary can make those for anyone, at any time. The default is
   * 2 so that the smallest branch (three full members, 党章 art. 30) holds a lecture: its lecturer and two.
   */
  lecturingMinScans: number
}

export const CHECKIN_SETTINGS_ID = 'checkinRules'
export const DEFAULT_CHECKIN_SETTINGS: Readonly<CheckinSettings> = { manualGraceDays: 7, lecturingMinScans: 2 }

/** The settings document's values over the defaults; a value that is not a whole number ≥ 0 is ignored. */
export function checkinSettingsOf(doc: Partial<Record<keyof CheckinSettings, unknown>> | undefined): CheckinSettings {
  const pick = (key: keyof CheckinSettings) => {
    const value = doc?.[key]
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_CHECKIN_SETTINGS[key]
  }
  return { manualGraceDays: pick('manualGraceDays'), lecturingMinScans: pick('lecturingMinScans') }
}

export const slotOf = (at: number, slotMs = CODE_SLOT_MS) => Math.floor(at / slotMs)

export function checkinWindow(lecture: Pick<LectureDoc, 'startAt' | 'endAt'>): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(lecture.startAt.getTime() - OPENS_BEFORE_MS),
    closesAt: new Date(lecture.endAt.getTime() + CLOSES_AFTER_MS),
  }
}

/**
 * A secretary checks a member in by hand (or by member code) from the window's opening until
 * `manualGraceDays` after it closes: a forgotten member is put right within days, not months later.
 */
export function manualCheckinWindow(
  lecture: Pick<LectureDoc, 'startAt' | 'endAt'>,
  settings: Pick<CheckinSettings, 'manualGraceDays'>,
): { opensAt: Date; closesAt: Date } {
  const { opensAt, closesAt } = checkinWindow(lecture)
  return { opensAt, closesAt: new Date(closesAt.getTime() + settings.manualGraceDays * DAY) }
}

/**
 * Why finishing a lecture earns its lecturer no lecturing credit, for the secretary; undefined if it does.
 * `scans`: attendees other than the lecturer checked in on their own phone (CheckinSettings).
 */
export function lecturingCreditProblem(
  lecture: Pick<LectureDoc, 'lecturer' | 'credit'>,
  scans: number,
  settings: Pick<CheckinSettings, 'lecturingMinScans'>,
): string | undefined {
  if (!lecture.lecturer.memberId) return '主讲人是特邀嘉宾，不记讲授学时'
  if (lecture.credit.hours <= 0) return '这场党课不计学时'
  if (scans < settings.lecturingMinScans) {
    return `只有${scans}位党员自己扫码签到，至少要${settings.lecturingMinScans}位（主讲人除外，书记代签不算）才算举办，没有给主讲人记讲授学时`
  }
  return undefined
}

/** L3 check-out is taken from the start until check-in closes. */
export function checkoutWindow(lecture: Pick<LectureDoc, 'startAt' | 'endAt'>): { opensAt: Date; closesAt: Date } {
  return { opensAt: lecture.startAt, closesAt: checkinWindow(lecture).closesAt }
}

export const needsCode = (level: CheckinLevel) => level !== 'L0'
export const needsLocation = (level: CheckinLevel) => level === 'L2' || level === 'L3'
export const needsCheckout = (level: CheckinLevel) => level === 'L3'

type GeoPoint = Pick<ScanLocation, 'lat' | 'lng'>

/** Great-circle distance in metres (haversine; plenty for a few kilometres). */
export function distanceM(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The venue's points: its stops for a walking lecture, else the venue itself (if it has coordinates). */
export function venuePoints(venue: LectureDoc['venue']): GeoPoint[] {
  const points = venue.stops.map(({ lat, lng }) => ({ lat, lng }))
  if (venue.lat !== undefined && venue.lng !== undefined) points.push({ lat: venue.lat, lng: venue.lng })
  return points
}

/**
 * Distance to the nearest point of the venue, and whether it is inside the radius once the phone's
 * reported inaccuracy (up to MAX_ACCURACY_ALLOWANCE_M) is forgiven.
 */
export function geofence(venue: LectureDoc['venue'], at: ScanLocation): { distanceM: number; inside: boolean } {
  const points = venuePoints(venue)
  if (points.length === 0) return { distanceM: 0, inside: true }
  const nearest = Math.min(...points.map((p) => distanceM(p, at)))
  const allowance = Math.min(at.accuracy, MAX_ACCURACY_ALLOWANCE_M)
  return { distanceM: Math.round(nearest), inside: nearest - allowance <= venue.radiusM }
}

export type CodeCheck = 'valid' | 'forged' | 'expired' | 'otherLecture' | 'missing'

export interface CheckinFacts {
  lecture: Pick<
    LectureDoc,
    | 'status'
    | 'openToAll'
    | 'hostOrgId'
    | 'coHostOrgIds'
    | 'startAt'
    | 'endAt'
    | 'checkinLevel'
    | 'signupRequired'
    | 'venue'
  >
  actor: Actor
  /** The member holds a confirmed sign-up. */
  signedUp: boolean
  /** When the scan happened (the outbox's scan time, else now) and when it reached the server. */
  scannedAt: Date
  receivedAt: Date
  purpose: 'in' | 'out'
  /** What the code check found (the checkin function verifies the signature). */
  code: CodeCheck
  location?: ScanLocation
}

/**
 * Why a scan is refused: a code from the closed list, and for the refusals a member can act on, what they
 * need to hear beyond its message (when the window opens or closed, how far off they are).
 */
export interface CheckinRefusal {
  code: ErrorCode
  explanation?: string
}

export interface CheckinDecision {
  /** Absent when the scan checks the member in (or out). */
  refusal?: CheckinRefusal
  /** The phone's distance from the venue where the level asks for the place: measured here, once, and kept. */
  distanceM?: number
}

/**
 * Decides a scan: why it is refused, or nothing if it checks the member in (or out). The order is what the
 * member most needs to hear first: whether the lecture is theirs at all, then time, then the code, then place.
 */
export function checkinDecision(f: CheckinFacts): CheckinDecision {
  const refused = (code: ErrorCode, explanation?: string): CheckinDecision => ({
    refusal: explanation === undefined ? { code } : { code, explanation },
  })
  const { lecture, purpose, receivedAt: now } = f
  if (lecture.status === 'draft') return refused('NOT_FOUND')
  if (lecture.status === 'cancelled') return refused('LECTURE_CANCELLED')
  if (!canSeeLecture(f.actor, lecture)) return refused('NOT_VISIBLE')
  if (lecture.signupRequired && !f.signedUp) return refused('NOT_SIGNED_UP')
  const { opensAt, closesAt } = purpose === 'out' ? checkoutWindow(lecture) : checkinWindow(lecture)
  const late = now.getTime() - f.scannedAt.getTime()
  // The second bound follows from the first and the window, stated so that neither change loosens it.
  const afterClose = now.getTime() - closesAt.getTime()
  if (late > OFFLINE_MAX_DELAY_MS || (late > 0 && afterClose > OFFLINE_MAX_DELAY_MS)) return refused('OFFLINE_TOO_LATE')
  const t = f.scannedAt.getTime()
  if (t < opensAt.getTime()) return refused('CHECKIN_NOT_OPEN', opensExplanation(purpose, opensAt, now))
  if (t > closesAt.getTime()) {
    return refused('CHECKIN_CLOSED', `${WHAT[purpose]}已于 ${chinaWhen(closesAt, now)} 结束（北京时间）`)
  }
  if (needsCode(lecture.checkinLevel) || f.code !== 'missing') {
    const code = CODE_REFUSALS[f.code]
    if (code) return refused(code)
  }
  if (purpose === 'out' && !needsCheckout(lecture.checkinLevel)) return refused('CODE_INVALID')
  if (!needsLocation(lecture.checkinLevel)) return {}
  if (!f.location) return refused('LOCATION_REQUIRED')
  const { distanceM, inside } = geofence(lecture.venue, f.location)
  if (inside) return { distanceM }
  const far = `您距离现场约 ${distanceM} 米，要在 ${lecture.venue.radiusM} 米以内`
  return { ...refused('TOO_FAR', far), distanceM }
}

const WHAT = { in: '签到', out: '签退' } as const

/** When check-in (or check-out) opens, China time, for a member or secretary who came too early. */
export function opensExplanation(purpose: 'in' | 'out', opensAt: Date, now: Date): string {
  return `${WHAT[purpose]}从 ${chinaWhen(opensAt, now)} 开始（北京时间）`
}

const CODE_REFUSALS: Record<CodeCheck, ErrorCode | undefined> = {
  valid: undefined,
  forged: 'CODE_INVALID',
  expired: 'CODE_EXPIRED',
  otherLecture: 'WRONG_LECTURE',
  missing: 'CODE_REQUIRED',
}

/**
 * Refusals that a guesser meets: they count towards the wrong-code block. An expired code or another
 * lecture's has a genuine signature (or six digits the server made): an honest member's slip, not a guess.
 */
export const GUESS_REFUSALS: readonly ErrorCode[] = ['CODE_INVALID']

/**
 * The scan time to judge by: the outbox's scan time if it is in the past (a clock a little ahead is taken as
 * now), the arrival time otherwise. A scan time further in the future is not believed.
 */
export function effectiveScanTime(receivedAt: Date, scannedAt?: Date): Date | 'future' {
  if (!scannedAt) return receivedAt
  if (scannedAt.getTime() > receivedAt.getTime() + CLOCK_SKEW_MS) return 'future'
  return scannedAt.getTime() > receivedAt.getTime() ? receivedAt : scannedAt
}

/** Minutes of the lecture attended between check-in and check-out (time outside the lecture does not count). */
export function attendedMinutes(lecture: Pick<LectureDoc, 'startAt' | 'endAt'>, inAt: Date, outAt: Date): number {
  const from = Math.max(inAt.getTime(), lecture.startAt.getTime())
  const to = Math.min(outAt.getTime(), lecture.endAt.getTime())
  return Math.max(0, Math.floor((to - from) / MINUTE))
}

/**
 * Hours an attendance earns: the lecture's credit; at L3 the share of it the member attended, rounded down
 * to 0.5 (attending all of a 90-minute lecture worth 1.5 earns 1.5, 60 of its minutes earn 1).
 */
export function attendanceHours(
  lecture: Pick<LectureDoc, 'startAt' | 'endAt' | 'credit'>,
  attended?: { inAt: Date; outAt: Date },
): number {
  if (!attended) return lecture.credit.hours
  const length = (lecture.endAt.getTime() - lecture.startAt.getTime()) / MINUTE
  const share = length > 0 ? attendedMinutes(lecture, attended.inAt, attended.outAt) / length : 0
  return Math.floor(Math.min(1, share) * lecture.credit.hours * 2) / 2
}

/**
 * The lecture a scanned QR text names (`dk1|<purpose>|<lectureId>|<slot>|<signature>`), unchecked: the
 * member's app uses it to open the right lecture; the server verifies the signature.
 */
export function lectureIdOfQr(qr: string): string | undefined {
  return parseQr(qr)?.lectureId
}

/** The parts of a lecture's QR text, unchecked (the lecture id may itself hold '|'); undefined if not one. */
export function parseQr(
  qr: string,
): { purpose: string; lectureId: string; slot: number; body: string; signature: string } | undefined {
  const parts = qr.trim().split('|')
  if (parts.length < 5 || parts[0] !== 'dk1') return undefined
  return {
    purpose: parts[1],
    lectureId: parts.slice(2, -2).join('|'),
    slot: Number(parts[parts.length - 2]),
    body: parts.slice(0, -1).join('|'),
    signature: parts[parts.length - 1],
  }
}
