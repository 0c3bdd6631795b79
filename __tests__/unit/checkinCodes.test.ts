import { lectureCode, memberCode, readMemberCode, readQr, readTyped } from '../../cloudfunctions/_shared/checkinCodes'
import { CLOCK_SKEW_MS, CODE_SLOT_MS, MEMBER_CODE_SLOT_MS } from '../../src/shared/checkinRules'

process.env.DANGKE_CHECKIN_SECRET ??= 'local-test-checkin-secret'

const T = 1_750_000_000_000
const slotStart = Math.floor(T / CODE_SLOT_MS) * CODE_SLOT_MS

describe('lecture codes', () => {
  it('round-trips the QR text in the current and the previous slot', () => {
    const { qr, typed, refreshInMs } = lectureCode('lec-1', 'in', T)
    expect(qr).toMatch(/^dk1\|in\|lec-1\|\d+\|[\w-]{16}$/)
    expect(typed).toMatch(/^\d{6}$/)
    expect(refreshInMs).toBe(slotStart + CODE_SLOT_MS - T)
    expect(readQr(qr, 'lec-1', T)).toEqual({ check: 'valid', purpose: 'in', at: T })
    expect(readQr(qr, 'lec-1', slotStart + 2 * CODE_SLOT_MS - 1)).toMatchObject({ check: 'valid', purpose: 'in' })
    expect(readQr(lectureCode('lec-1', 'out', T).qr, 'lec-1', T)).toMatchObject({ check: 'valid', purpose: 'out' })
  })

  it('calls an older code expired for two minutes, then unknown; a code from the future is unknown', () => {
    const { qr } = lectureCode('lec-1', 'in', T)
    expect(readQr(qr, 'lec-1', slotStart + 2 * CODE_SLOT_MS).check).toBe('expired')
    expect(readQr(qr, 'lec-1', slotStart + 9 * CODE_SLOT_MS).check).toBe('expired')
    expect(readQr(qr, 'lec-1', slotStart + 10 * CODE_SLOT_MS).check).toBe('forged')
    expect(readQr(qr, 'lec-1', slotStart - 1).check).toBe('forged')
  })

  it('refuses a tampered text and names a genuine code of another lecture', () => {
    const { qr } = lectureCode('lec-1', 'in', T)
    const parts = qr.split('|')
    const sig = parts[4]
    expect(
      readQr([...parts.slice(0, 4), (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)].join('|'), 'lec-1', T).check,
    ).toBe('forged')
    expect(readQr(qr.replace('|in|', '|out|'), 'lec-1', T).check).toBe('forged')
    expect(readQr(qr.replace('lec-1', 'lec-2'), 'lec-2', T).check).toBe('forged')
    expect(readQr('dk1|in|x', 'lec-1', T).check).toBe('forged')
    expect(readQr('hello', 'lec-1', T).check).toBe('forged')
    expect(readQr(qr, 'lec-2', T)).toMatchObject({ check: 'otherLecture', purpose: 'in' })
  })

  it('judges a genuine QR no earlier than its slot began (a slow phone clock), never after the arrival', () => {
    const { qr } = lectureCode('lec-1', 'in', T)
    // The phone said ten minutes earlier; the code did not exist then, so the scan was at its slot at the earliest.
    expect(readQr(qr, 'lec-1', T - 10 * 60_000, T + 1000)).toEqual({ check: 'valid', purpose: 'in', at: slotStart })
    // A code from after the arrival is not genuine.
    const later = lectureCode('lec-1', 'in', T + 60_000).qr
    expect(readQr(later, 'lec-1', T - 60_000, T).check).toBe('forged')
    // A forged text keeps the phone's time.
    expect(readQr('hello', 'lec-1', T - 5, T)).toEqual({ check: 'forged', purpose: 'in', at: T - 5 })
  })

  it('fails without a secret of at least 16 characters', () => {
    const secret = process.env.DANGKE_CHECKIN_SECRET
    process.env.DANGKE_CHECKIN_SECRET = 'short'
    try {
      expect(() => lectureCode('lec-1', 'in', T)).toThrow(/DANGKE_CHECKIN_SECRET/)
    } finally {
      process.env.DANGKE_CHECKIN_SECRET = secret
    }
  })
})

describe('typed digits', () => {
  it('match their lecture, purpose and slot for about a minute (three slots back), then expire', () => {
    const { typed } = lectureCode('lec-1', 'in', T)
    expect(readTyped(typed, 'lec-1', T)).toEqual({ check: 'valid', purpose: 'in', at: T })
    expect(readTyped(typed, 'lec-1', T + CODE_SLOT_MS)).toMatchObject({ check: 'valid', purpose: 'in' })
    expect(readTyped(typed, 'lec-1', slotStart + 4 * CODE_SLOT_MS - 1).check).toBe('valid')
    expect(readTyped(typed, 'lec-1', slotStart + 4 * CODE_SLOT_MS)).toMatchObject({ check: 'expired', purpose: 'in' })
    expect(readTyped(typed, 'lec-1', T + 20 * CODE_SLOT_MS).check).toBe('forged')
    expect(readTyped(lectureCode('lec-1', 'out', T).typed, 'lec-1', T)).toMatchObject({
      check: 'valid',
      purpose: 'out',
    })
    // The QR text stays current and previous slot only.
    expect(readQr(lectureCode('lec-1', 'in', T).qr, 'lec-1', slotStart + 2 * CODE_SLOT_MS).check).toBe('expired')
  })

  it('from a slow phone clock: slots up to the clock allowance after the scan time, none after the arrival', () => {
    const { typed } = lectureCode('lec-1', 'in', T)
    expect(readTyped(typed, 'lec-1', T - CLOCK_SKEW_MS, T + 1000)).toEqual({
      check: 'valid',
      purpose: 'in',
      at: slotStart,
    })
    expect(readTyped(typed, 'lec-1', slotStart - CLOCK_SKEW_MS - CODE_SLOT_MS, T).check).toBe('forged')
    expect(readTyped(lectureCode('lec-1', 'in', T + 60_000).typed, 'lec-1', T - 1000, T).check).toBe('forged')
  })

  it('differ between lectures and slots, and are not the QR signature', () => {
    const a = lectureCode('lec-1', 'in', T)
    expect(lectureCode('lec-2', 'in', T).typed).not.toBe(a.typed)
    expect(lectureCode('lec-1', 'in', T + CODE_SLOT_MS).typed).not.toBe(a.typed)
    const wrong = a.typed === '000000' ? '000001' : '000000'
    expect(readTyped(wrong, 'lec-1', T).check).toBe('forged')
  })
})

describe('member codes', () => {
  it('name the member for the current and the previous five-minute slot, then nobody', () => {
    const { qr, refreshInMs } = memberCode('m-1', T)
    expect(qr).toMatch(/^dkm1\|m-1\|\d+\|/)
    expect(refreshInMs).toBeGreaterThan(0)
    expect(refreshInMs).toBeLessThanOrEqual(MEMBER_CODE_SLOT_MS)
    expect(readMemberCode(qr, T)).toBe('m-1')
    expect(readMemberCode(qr, T + MEMBER_CODE_SLOT_MS)).toBe('m-1')
    expect(readMemberCode(qr, T + 2 * MEMBER_CODE_SLOT_MS)).toBeUndefined()
  })

  it('refuse a tampered or foreign text', () => {
    const { qr } = memberCode('m-1', T)
    expect(readMemberCode(qr.replace('m-1', 'm-2'), T)).toBeUndefined()
    expect(readMemberCode(lectureCode('lec-1', 'in', T).qr, T)).toBeUndefined()
    expect(readMemberCode('dkm1|m-1', T)).toBeUndefined()
  })
})
