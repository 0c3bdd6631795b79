/**
 * The form's date and time fields in China time (UTC+8, no daylight saving), whatever the phone or
 * PC's time zone: a picker gives "2025-11-28" and "14:30", the contract stores
 * "2025-11-28T14:30:00+08:00". Fixed offset, for the reason given in src/utils/datetime.ts.
 */
import { chinaClock } from '../../shared/chinaTime'
const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^\d{2}:\d{2}$/

const pad = (n: number) => String(n).padStart(2, '0')

/** "2025-11-28T06:30:00Z" → {date: "2025-11-28", time: "14:30"}; undefined for a value that is not a time. */
export function chinaParts(iso: string | undefined): { date: string; time: string } | undefined {
  const ms = iso ? Date.parse(iso) : NaN
  if (Number.isNaN(ms)) return undefined
  const d = chinaClock(ms)
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  }
}

/**
 * "2025-11-28" + "14:30" → "2025-11-28T14:30:00+08:00". An empty or malformed part gives '' (which
 * the schema then refuses, so the form says the field is missing).
 */
export function chinaIso(date: string, time: string): string {
  if (!DATE.test(date) || !TIME.test(time)) return ''
  return `${date}T${time}:00+08:00`
}

/** Whole minutes from start to end; undefined unless both are times and the end is later. */
export function minutesBetween(startIso: string, endIso: string): number | undefined {
  const start = Date.parse(startIso)
  const end = Date.parse(endIso)
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return undefined
  return Math.floor((end - start) / 60_000)
}

/** "11月28日 14:30" (a sign-up's time on a roster). */
export function formatDateTime(iso: string): string {
  const parts = chinaParts(iso)
  if (!parts) return ''
  const [, month, day] = parts.date.split('-').map(Number)
  return `${month}月${day}日 ${parts.time}`
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

/** "2025-11-28" → "2025年11月28日 周五" (how a picked date reads on the form: the weekday helps). */
export function formatPickedDate(date: string): string {
  if (!DATE.test(date)) return ''
  const [year, month, day] = date.split('-').map(Number)
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]
  return `${year}年${month}月${day}日 ${weekday}`
}

/** Today's date in China, "2025-11-28" (the earliest date the pickers offer for a new lecture). */
export function chinaToday(now: Date): string {
  return chinaParts(now.toISOString())?.date ?? ''
}
