/**
 * The codes of check-in, signed with the function's secret (environment variable DANGKE_CHECKIN_SECRET,
 * set in the function's configuration; never sent to a phone):
 *   - a lecture code per time slot and purpose (check in / check out), as a QR text
 *     `dk1|<in|out>|<lectureId>|<slot>|<signature>` and as six digits printed under it;
 *   - a member's personal code `dkm1|<memberId>|<slot>|<signature>`, which a secretary scans.
 * Accepted: a QR of the current or the previous slot, typed digits of the current or the three previous
 * (checkinRules.ts QR_VALID_SLOTS_BACK, TYPED_VALID_SLOTS_BACK). A code a few slots older is "expired" rather
 * than "wrong", so a member with a stale photo hears what happened.
 *
 * A scan sent later from the outbox names its scan time by the phone's clock, which may be slow. A genuine
 * QR proves the scan was no earlier than its slot began, so it is judged at the later of the two (never
 * after the arrival); typed digits prove nothing by themselves, but the slots up to CLOCK_SKEW_MS after the
 * scan time (and not after the arrival) are tried as well, and the scan judged likewise.
 */
import { createHmac, timingSafeEqual } from 'crypto'
import {
  CLOCK_SKEW_MS,
  CODE_SLOT_MS,
  type CodeCheck,
  MEMBER_CODE_SLOT_MS,
  parseQr,
  QR_VALID_SLOTS_BACK,
  slotOf,
  TYPED_VALID_SLOTS_BACK,
} from '../../src/shared/checkinRules'

export type Purpose = 'in' | 'out'
const PURPOSES: Purpose[] = ['in', 'out']
/** Slots back in which a code is recognised at all (else it is "forged"): two and a half minutes. */
const KNOWN_SLOTS_BACK = 9
const SKEW_SLOTS = Math.ceil(CLOCK_SKEW_MS / CODE_SLOT_MS)

export function checkinSecret(): string {
  const secret = process.env.DANGKE_CHECKIN_SECRET
  if (!secret || secret.length < 16) throw new Error('DANGKE_CHECKIN_SECRET is not set (at least 16 characters)')
  return secret
}

const mac = (text: string) => createHmac('sha256', checkinSecret()).update(text).digest()
const signature = (text: string) => mac(text).subarray(0, 12).toString('base64url')
const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))

/** Six digits from the same secret; different from the QR's signature so one does not give away the other. */
function digits(purpose: Purpose, lectureId: string, slot: number): string {
  return String(mac(`T|${purpose}|${lectureId}|${slot}`).readUInt32BE(0) % 1_000_000).padStart(6, '0')
}

export function lectureCode(
  lectureId: string,
  purpose: Purpose,
  at: number,
): { qr: string; typed: string; refreshInMs: number } {
  const slot = slotOf(at)
  const body = `dk1|${purpose}|${lectureId}|${slot}`
  return {
    qr: `${body}|${signature(body)}`,
    typed: digits(purpose, lectureId, slot),
    refreshInMs: (slot + 1) * CODE_SLOT_MS - at,
  }
}

/** The lecture a QR text names, without checking it (the member's app uses the same format to route a scan). */
export { lectureIdOfQr } from '../../src/shared/checkinRules'

export interface CodeReading {
  check: CodeCheck
  purpose: Purpose
  /** When the scan is judged to have happened (module header); the scan time given for a forged code. */
  at: number
}

/** How old a code of `slot` is at `at`, for a code valid `validBack` slots back. */
const age = (slot: number, at: number, validBack: number): CodeCheck => {
  const d = slotOf(at) - slot
  if (d >= 0 && d <= validBack) return 'valid'
  return d > validBack && d <= KNOWN_SLOTS_BACK ? 'expired' : 'forged'
}

/** No earlier than the code's slot began (the code did not exist before), never after the arrival. */
const judgedAt = (slot: number, at: number, now: number) => Math.min(now, Math.max(at, slot * CODE_SLOT_MS))

/** A QR text scanned for `lectureId` at time `at` (by the phone), received at `now`. */
export function readQr(qr: string, lectureId: string, at: number, now = at): CodeReading {
  const forged: CodeReading = { check: 'forged', purpose: 'in', at }
  const parsed = parseQr(qr)
  if (!parsed) return forged
  const { slot, body } = parsed
  const purpose = parsed.purpose as Purpose
  if (!PURPOSES.includes(purpose) || !Number.isSafeInteger(slot) || !sameText(signature(body), parsed.signature)) {
    return forged
  }
  if (parsed.lectureId !== lectureId) return { check: 'otherLecture', purpose, at }
  const when = judgedAt(slot, at, now)
  return { check: age(slot, when, QR_VALID_SLOTS_BACK), purpose, at: when }
}

/** Six typed digits for `lectureId` scanned at `at`, received at `now`: which purpose and slot they match. */
export function readTyped(typed: string, lectureId: string, at: number, now = at): CodeReading {
  const scanned = slotOf(at)
  const newest = Math.min(scanned + SKEW_SLOTS, slotOf(now))
  for (let slot = newest; slot >= scanned - KNOWN_SLOTS_BACK; slot--) {
    for (const purpose of PURPOSES) {
      if (!sameText(digits(purpose, lectureId, slot), typed)) continue
      const when = judgedAt(slot, at, now)
      return { check: age(slot, when, TYPED_VALID_SLOTS_BACK), purpose, at: when }
    }
  }
  return { check: 'forged', purpose: 'in', at }
}

export function memberCode(memberId: string, at: number): { qr: string; refreshInMs: number } {
  const slot = slotOf(at, MEMBER_CODE_SLOT_MS)
  const body = `dkm1|${memberId}|${slot}`
  return { qr: `${body}|${signature(body)}`, refreshInMs: (slot + 1) * MEMBER_CODE_SLOT_MS - at }
}

/** The member a personal code names, if it is genuine and of the current or previous slot. */
export function readMemberCode(qr: string, at: number): string | undefined {
  const parts = qr.split('|')
  if (parts.length < 4 || parts[0] !== 'dkm1') return undefined
  const slot = Number(parts[parts.length - 2])
  const body = parts.slice(0, -1).join('|')
  if (!Number.isSafeInteger(slot) || !sameText(signature(body), parts[parts.length - 1])) return undefined
  const d = slotOf(at, MEMBER_CODE_SLOT_MS) - slot
  return d === 0 || d === 1 ? parts.slice(1, -2).join('|') : undefined
}
