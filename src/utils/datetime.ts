/**
 * Lecture times in the words members read: "11月28日 周五 14:30–16:00".
 *
 * Always in China time (UTC+8, no daylight saving since 1991), whatever the phone's time zone, so
 * that a date reads the same on every device and in tests. A fixed offset instead of
 * `Intl.DateTimeFormat({timeZone})`, which old WeChat JS engines do not all support.
 */
import { chinaClock, chinaHourMinute } from '../shared/chinaTime'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

interface ChinaTime {
  year: number
  month: number
  day: number
  weekday: string
  hhmm: string
}

function chinaTime(iso: string): ChinaTime | null {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return null
  const d = chinaClock(ms)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: WEEKDAYS[d.getUTCDay()],
    hhmm: chinaHourMinute(ms),
  }
}

/** "11月28日 周五" */
export function formatDay(iso: string): string {
  const t = chinaTime(iso)
  return t ? `${t.month}月${t.day}日 ${t.weekday}` : ''
}

/**
 * "11月28日 周五 14:30–16:00"; when the end falls on another day, both days are written:
 * "11月28日 周五 14:30 – 11月29日 周六 11:00". Without a valid end, only the start.
 * An invalid start gives '' (the card then shows no time rather than "NaN月").
 */
export function formatTimeRange(startIso: string, endIso?: string): string {
  const s = chinaTime(startIso)
  if (!s) return ''
  const start = `${s.month}月${s.day}日 ${s.weekday} ${s.hhmm}`
  const e = endIso ? chinaTime(endIso) : null
  if (!e) return start
  const sameDay = e.year === s.year && e.month === s.month && e.day === s.day
  return sameDay ? `${start}–${e.hhmm}` : `${start} – ${e.month}月${e.day}日 ${e.weekday} ${e.hhmm}`
}
