/**
 * China time: one zone, UTC+8 all year (no daylight saving since 1991). Every date the programme
 * shows or reasons about (weeks, deadlines, file names) is in it, whatever the device's zone. A fixed
 * offset rather than Intl time zones, which old WeChat JS engines do not all support.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000

/** A Date whose UTC fields (getUTCHours() ...) read China wall-clock time at `at`. */
export function chinaClock(at: Date | number): Date {
  return new Date((typeof at === 'number' ? at : at.getTime()) + CHINA_OFFSET_MS)
}

/** `days` after the China-time date of `now`, at h:m China time. */
export function chinaTime(now: Date, days: number, h: number, m: number): Date {
  const local = chinaClock(now)
  return new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, h, m) - CHINA_OFFSET_MS,
  )
}

/** "19:02": the China wall-clock hour and minute of `at`. */
export function chinaHourMinute(at: Date | number): string {
  const c = chinaClock(at)
  return `${String(c.getUTCHours()).padStart(2, '0')}:${String(c.getUTCMinutes()).padStart(2, '0')}`
}
