/** checkin: members check in (and out, at L3) at a lecture; its secretaries run the check-in screen. */
import * as z from 'zod'
import type { CheckinLevel, CheckinMethod } from '../model'
import { id, isoDate, procedure } from './common'
import { location } from './location'

export * from './location'

/** The six digits printed under the QR code. */
export const typedCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '签到码是6位数字')

export const reason = z.string().trim().min(2, '请写明原因').max(100)

export interface CheckinResult {
  /** What this scan did: checked in, or (L3) checked out. */
  kind: 'checkedIn' | 'checkedOut'
  /** True when the member was already checked in (or out): nothing new was recorded or credited. */
  already: boolean
  lectureTitle: string
  /** ISO 8601: the original check-in time, also on a repeated scan. */
  checkedInAt: string
  checkedOutAt?: string
  /** Hours this member holds for the lecture (0 at L3 until check-out). */
  hours: number
  /** L3 after check-in: the member must scan again when leaving. */
  checkoutNeeded: boolean
  /** An offline scan held for the secretary (待确认, hours not yet credited), or refused by them: why. */
  review?: { status: 'pending' | 'refused'; reason: string }
}

/** The caller's own check-in at a lecture (check-in page, lecture page); `hours` are those credited. */
export interface MyCheckin {
  status: 'in' | 'out' | 'pending' | 'refused'
  checkedInAt: string
  checkedOutAt?: string
  hours: number
  review?: CheckinResult['review']
}

/** The caller's state at a lecture, for the member's check-in page. */
export interface CheckinStatus {
  lectureId: string
  lectureTitle: string
  level: CheckinLevel
  /** ISO 8601: check-in is open from `opensAt` to `closesAt`. */
  opensAt: string
  closesAt: string
  signupRequired: boolean
  signedUp: boolean
  needsLocation: boolean
  mine?: MyCheckin
}

export interface CheckinCode {
  /** What the QR code holds (the member's app reads it). */
  qr: string
  /** The same code as six digits, for members who type it. */
  typed: string
  /** The QR code as a PNG data URL. */
  image: string
  /** Milliseconds until the next code (the screen fetches again before then). */
  refreshInMs: number
}

export type AttendanceState = 'in' | 'out' | 'undone' | 'pending' | 'refused' | 'none'

/** An offline scan waiting for the secretary: who, which scan, when scanned (phone) and received (server). */
export interface PendingScan {
  memberId: string
  name: string
  held: 'in' | 'out'
  scannedAt: string
  receivedAt: string
}

export type AuditAction = 'manual' | 'undo' | 'memberCode' | 'confirm' | 'refuse'

export interface LiveRow {
  memberId: string
  name: string
  signedUp: boolean
  state: AttendanceState
  /** ISO 8601 */
  checkedInAt?: string
  checkedOutAt?: string
  method?: CheckinMethod
  offline?: boolean
}

export interface LiveCheckin {
  lectureId: string
  lectureTitle: string
  level: CheckinLevel
  opensAt: string
  closesAt: string
  /** Absent outside the check-in window, or at L0 (no code needed). */
  code?: CheckinCode
  purpose: 'in' | 'out'
  /** `pending`: offline scans waiting for confirmation, counted apart (neither in nor not yet). */
  counts: { signedUp: number; checkedIn: number; checkedOut: number; notYet: number; pending: number }
  /** Signed-up members and everyone who checked in, latest check-ins first, then those not yet in. */
  rows: LiveRow[]
  /** Offline scans waiting for confirmation, oldest scan first. */
  pending: PendingScan[]
  /** Latest refused attempts first (at most 20). */
  failures: { name: string; at: string; code: string; message: string }[]
  /** Latest manual check-ins, undos and member-code check-ins first (at most 20). */
  audit: { name: string; action: AuditAction; byName: string; reason: string; at: string }[]
  finished: boolean
}

export interface MemberCode {
  /** What the member's personal QR code holds; the secretary's scanner reads it. */
  qr: string
  image: string
  refreshInMs: number
  name: string
}

/** The printable poster's code: scanned with WeChat it opens the lecture's page (see checkin.posterCode). */
export interface PosterCode {
  /** PNG data URL. */
  image: string
  /** 'wxacode': a mini-program code from WeChat; 'local': a QR code of the h5 page (local system only). */
  kind: 'wxacode' | 'local'
  lectureTitle: string
  /** ISO 8601, for the poster's time line. */
  startAt: string
  endAt: string
  address: string
}

/** What a decision on pending scans did, per member (`changed` false: decided before, answered as it is). */
export interface ReviewResult {
  decided: { memberId: string; name: string; status: AttendanceState; changed: boolean }[]
  /** Left pending in "all": the caller's own scan, which another officer decides. */
  skipped: number
}

export const checkinProcedures = {
  /** A member's scan of the lecture's code (QR content or the six digits), live or sent later from the outbox. */
  scan: procedure<CheckinResult>()(
    z
      .object({
        lectureId: id,
        qr: z.string().trim().min(1).max(200).optional(),
        typed: typedCode.optional(),
        location: location.optional(),
        /** Set by the offline outbox: when the member scanned (the code must have been valid then). */
        scannedAt: isoDate.optional(),
      })
      .refine((s) => !(s.qr && s.typed), { message: '二维码和数字签到码只需一个' }),
  ),
  status: procedure<CheckinStatus>()(z.object({ lectureId: id })),
  /** The secretary's check-in screen: the current code, counts, who is in, refused attempts, audit. */
  live: procedure<LiveCheckin>()(z.object({ lectureId: id, purpose: z.enum(['in', 'out']).default('in') })),
  manual: procedure<CheckinResult>()(z.object({ lectureId: id, memberId: id, reason })),
  undo: procedure<{ reversedHours: number }>()(z.object({ lectureId: id, memberId: id, reason })),
  /** The secretary scans a member's personal code. */
  scanMember: procedure<CheckinResult & { memberName: string }>()(
    z.object({ lectureId: id, code: z.string().trim().min(1).max(200) }),
  ),
  /** The caller's personal code, for a secretary to scan when the member cannot scan. */
  myCode: procedure<MemberCode>()(z.object({})),
  /** Offline scans of the lecture waiting for confirmation (the check-in screen and the sign-up list). */
  pending: procedure<{ rows: PendingScan[] }>()(z.object({ lectureId: id })),
  /** Confirm (credit) or refuse (with a reason the member sees) one member's pending scan, or all of them. */
  review: procedure<ReviewResult>()(
    z
      .object({
        lectureId: id,
        /** Absent: every pending scan of the lecture. */
        memberId: id.optional(),
        decision: z.enum(['confirm', 'refuse']),
        reason: reason.optional(),
      })
      .refine((r) => r.decision === 'confirm' || r.reason !== undefined, {
        message: '不予确认时请写明原因',
        path: ['reason'],
      }),
  ),
  /**
   * The secretary closes a held lecture: it is finished and its lecturer (a member) is credited if it was
   * held (enough attendees scanned); `notCreditedReason` says why not, for the secretary.
   */
  finish: procedure<{ lecturerCredited: boolean; notCreditedReason?: string }>()(z.object({ lectureId: id })),
  /** The code for the printed check-in poster (scene = lecture id), for those who manage the lecture. */
  posterCode: procedure<PosterCode>()(z.object({ lectureId: id })),
}
