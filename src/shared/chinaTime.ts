/**
 * China time: one zone, UTC+8 all year (no daylight saving since 1991). Every date the programme
 * shows or reasons about (weeks, deadlines, file names, exports, the form's fields) is in it, whatever
 * the device's zone, so that a date reads the same on every device and in tests. A fixed offset rather
 * than Intl time zones, which old WeChat JS engines do not all support. The one place that formats or
 * parses a China time: pages, functions and exports all call it.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const
const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^\d{2}:\d{2}$/

const pad = (n: number) => String(n).padStart(2, '0')

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

/** The China calendar year of `at` (study hours count in it). */
export const chinaYear = (at: Date | number) => chinaClock(at).getUTCFullYear()

/** "2025-11-28": the China calendar day of `at`. */
export function chinaDate(at: Date | number): string {
  const c = chinaClock(at)
  return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}`
}

/** "19:02": the China wall-clock hour and minute of `at`. */
export function chinaHourMinute(at: Date | number): string {
  const c = chinaClock(at)
  return `${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`
}

/** "2026-03-05 14:30" (exports and file names). */
export const chinaDateTime = (at: Date | number) => `${chinaDate(at)} ${chinaHourMinute(at)}`

/** "5月3日 19:02" (a deadline days away, or passed: at 23:50 a bare "00:00" would not say which midnight). */
export function chinaDayTime(at: Date): string {
  const c = chinaClock(at)
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${chinaHourMinute(at)}`
}

/** "19:02" today, else "5月3日 19:02" (when a check-in window opens or closes, in a refusal). */
export function chinaWhen(at: Date, now: Date): string {
  return chinaDate(at) === chinaDate(now) ? chinaHourMinute(at) : chinaDayTime(at)
}

interface Wall {
  year: number
  month: number
  day: number
  weekday: string
  hhmm: string
}

/** The China wall-clock fields of an ISO time the pages got from the contract; undefined for a bad one. */
function wallOf(iso: string | undefined): Wall | undefined {
  const ms = iso ? Date.parse(iso) : NaN
  if (Number.isNaN(ms)) return undefined
  const c = chinaClock(ms)
  return {
    year: c.getUTCFullYear(),
    month: c.getUTCMonth() + 1,
    day: c.getUTCDate(),
    weekday: WEEKDAYS[c.getUTCDay()],
    hhmm: chinaHourMinute(ms),
  }
}

// The pages' formats. Each gives '' for a value that is not a time (the page then shows no time
// rather than "NaN月").

/** "19:02" */
export const formatClock = (iso: string) => wallOf(iso)?.hhmm ?? ''

/** "2025年11月28日" */
export function formatDate(iso: string): string {
  const t = wallOf(iso)
  return t ? `${t.year}年${t.month}月${t.day}日` : ''
}

/** "11月28日 周五" */
export function formatDay(iso: string): string {
  const t = wallOf(iso)
  return t ? `${t.month}月${t.day}日 ${t.weekday}` : ''
}

/** "11月28日 14:30" (a sign-up's time on a roster). */
export function formatDateTime(iso: string): string {
  const t = wallOf(iso)
  return t ? `${t.month}月${t.day}日 ${t.hhmm}` : ''
}

/**
 * "11月28日 周五 14:30–16:00"; when the end falls on another day, both days are written:
 * "11月28日 周五 14:30 – 11月29日 周六 11:00". Without a valid end, only the start.
 */
export function formatTimeRange(startIso: string, endIso?: string): string {
  const s = wallOf(startIso)
  if (!s) return ''
  const start = `${s.month}月${s.day}日 ${s.weekday} ${s.hhmm}`
  const e = wallOf(endIso)
  if (!e) return start
  const sameDay = e.year === s.year && e.month === s.month && e.day === s.day
  return sameDay ? `${start}–${e.hhmm}` : `${start} – ${e.month}月${e.day}日 ${e.weekday} ${e.hhmm}`
}

// The form's date and time fields: a picker gives "2025-11-28" and "14:30", the contract stores
// "2025-11-28T14:30:00+08:00".

/** "2025-11-28T06:30:00Z" → {date: "2025-11-28", time: "14:30"}; undefined for a value that is not a time. */
export function chinaParts(iso: string | undefined): { date: string; time: string } | undefined {
  const ms = iso ? Date.parse(iso) : NaN
  if (Number.isNaN(ms)) return undefined
  return { date: chinaDate(ms), time: chinaHourMinute(ms) }
}

/**
 * "2025-11-28" + "14:30" → "2025-11-28T14:30:00+08:00". An empty or malformed part gives '' (which
 * the schema then refuses, so the form says the field is missing).
 */
export function chinaIso(date: string, time: string): string {
  if (!DATE.test(date) || !TIME.test(time)) return ''
  return `${date}T${time}:00+08:00`
}

/** "2025-11-28" → "2025年11月28日 周五" (how a picked date reads on the form: the weekday helps). */
export function formatPickedDate(date: string): string {
  if (!DATE.test(date)) return ''
  const [year, month, day] = date.split('-').map(Number)
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]
  return `${year}年${month}月${day}日 ${weekday}`
}

/** Whole minutes from start to end; undefined unless both are times and the end is later. */
export function minutesBetween(startIso: string, endIso: string): number | undefined {
  const start = Date.parse(startIso)
  const end = Date.parse(endIso)
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return undefined
  return Math.floor((end - start) / 60_000)
}
