/**
 * Study-hour (学时) rules of domain.md. There is no national conversion formula; this is the
 * programme's default, which a lecture may override when it is posted.
 */
import type { ThemeCode } from './themes'

const HALF_DAY_MINUTES = 300

/**
 * 1 学时 per 60 minutes, rounded down to 0.5; at most 4 for up to half a day, 8 for longer.
 * A micro lecture (100 seconds to 5 minutes, mostly recorded) counts 0.5.
 */
export function defaultCreditHours(theme: ThemeCode, minutes: number): number {
  if (theme === 'micro') return 0.5
  const hours = Math.floor(Math.max(0, minutes) / 30) / 2
  return Math.min(minutes <= HALF_DAY_MINUTES ? 4 : 8, hours)
}
