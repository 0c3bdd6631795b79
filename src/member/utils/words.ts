/**
 * The member pages' words for check-in and study hours: levels in plain language, bucket and source
 * names, times and signed hours. Type-only imports: no schema comes along.
 */
import { chinaClock, chinaHourMinute } from '../../shared/chinaTime'
import type { CheckinLevel, HourSource } from '../../shared/model'
import { formatHours } from '../../shared/studyHours'

/** What the member must do at each level (domain.md "Check-in"). */
export const LEVEL_WORDS: Record<CheckinLevel, string> = {
  L0: '在签到时间内点“签到”即可',
  L1: '扫描现场屏幕上的二维码，或输入二维码下方的6位数字',
  L2: '扫码签到，并且要在党课地点附近（需要获取您的位置）',
  L3: '扫码签到，离开时再扫码签退，按实际参加的时长计学时（需要获取您的位置）',
}

export const SOURCE_NAMES: Record<HourSource, string> = {
  attendance: '参加党课',
  lecturing: '讲授党课',
  adjustment: '补录调整',
  reversal: '撤销签到',
}

/** "19:02" in China time ('' for a bad date). */
export function formatClock(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return ''
  return chinaHourMinute(ms)
}

/** "2025年11月28日" in China time. */
export function formatDate(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return ''
  const d = chinaClock(ms)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

export { formatHours }

/** "+1.5" / "−1.5" (a real minus sign, which reads better than a hyphen in large type). */
export const signedHours = (h: number): string => (h < 0 ? `−${formatHours(-h)}` : `+${formatHours(h)}`)
