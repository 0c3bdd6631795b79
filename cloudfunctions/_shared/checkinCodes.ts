/**
 * The codes of check-in, signed with the function's secret (environment variable DANGKE_CHECKIN_SECRET,
 * set in the function's configuration; never sent to a phone):
 *   - a lecture code per time slot and purpose (check in / check out), as a QR text
 *     `dk1|<in|out>|<lectureId>|<slot>|<signature>` and as six digits printed under it;
 *   - a member's personal code `dkm1|<memberId>|<slot>|<signature>`, which a secretary scans.
 * Accepted: the current and the previous slot. A code a few slots older is "expired" rather than "wrong",
 * so a member with a stale photo hears what happened.
 */
import { createHmac, timingSafeEqual } from 'crypto'
import { CODE_SLOT_MS, MEMBER_CODE_SLOT_MS, slotOf, type CodeCheck } from '../../src/shared/checkinRules'

export type Purpose = 'in' | 'out'
const PURPOSES: Purpose[] = ['in', 'out']
/** Slots back (beyond the previous one) in which a code is recognised as expired: two minutes. */
const EXPIRED_SLOTS = 8

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
}

const age = (slot: number, at: number): CodeCheck => {
  const d = slotOf(at) - slot
  if (d === 0 || d === 1) return 'valid'
  return d > 1 && d <= 1 + EXPIRED_SLOTS ? 'expired' : 'forged'
}

/** A QR text scanned for `lectureId` at time `at`. */
export function readQr(qr: string, lectureId: string, at: number): CodeReading {
  const parts = qr.split('|')
  if (parts.length < 5 || parts[0] !== 'dk1') return { check: 'forged', purpose: 'in' }
  const purpose = parts[1] as Purpose
  const slot = Number(parts[parts.length - 2])
  const id = parts.slice(2, -2).join('|')
  const body = parts.slice(0, -1).join('|')
  if (
    !PURPOSES.includes(purpose) ||
    !Number.isSafeInteger(slot) ||
    !sameText(signature(body), parts[parts.length - 1])
  ) {
    return { check: 'forged', purpose: 'in' }
  }
  if (id !== lectureId) return { check: 'otherLecture', purpose }
  return { check: age(slot, at), purpose }
}

/** Six typed digits for `lectureId` at time `at`: which purpose and slot they match, if any. */
export function readTyped(typed: string, lectureId: string, at: number): CodeReading {
  const now = slotOf(at)
  for (let back = 0; back <= 1 + EXPIRED_SLOTS; back++) {
    for (const purpose of PURPOSES) {
      if (sameText(digits(purpose, lectureId, now - back), typed)) return { check: age(now - back, at), purpose }
    }
  }
  return { check: 'forged', purpose: 'in' }
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
