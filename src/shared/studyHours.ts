/**
 * Study-hour (学时) rules of domain.md. There is no national conversion formula; this is the
 * programme's default, which a lecture may override when it is posted.
 */
import { chinaClock } from './chinaTime'
import type { HourBucket, HourTargetsDoc, LedgerEntryDoc, Role } from './model'
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

/** Yearly targets (domain.md): 32 for members, 56 for branch secretaries and committee members. */
export const DEFAULT_TARGETS = { member: 32, officer: 56 } as const

export type Targets = { member: number; officer: number }

/** The targets of a year: its own if set, else the defaults. */
export function targetsOf(settings: Pick<HourTargetsDoc, 'defaults' | 'years'> | undefined, year: number): Targets {
  return settings?.years[String(year)] ?? settings?.defaults ?? DEFAULT_TARGETS
}

export const isOfficer = (roles: readonly Role[]) => roles.includes('secretary') || roles.includes('committee')

export function targetFor(roles: readonly Role[], targets: Targets): number {
  return isOfficer(roles) ? targets.officer : targets.member
}

/** Hours count in the China calendar year in which they were earned. */
export const hoursYear = (at: Date) => chinaClock(at).getUTCFullYear()

export const emptyBuckets = (): Record<HourBucket, number> => ({ training: 0, collective: 0, lecturing: 0, online: 0 })

/** A year's total and split by bucket from its ledger entries (reversals and corrections included). */
export function sumEntries(entries: readonly Pick<LedgerEntryDoc, 'hours' | 'bucket'>[]): {
  total: number
  buckets: Record<HourBucket, number>
} {
  const buckets = emptyBuckets()
  for (const e of entries) buckets[e.bucket] += e.hours
  // Halves only: sums of halves are exact in binary floating point, so no rounding is needed.
  const total = Object.values(buckets).reduce((a, b) => a + b, 0)
  return { total, buckets }
}

/** Totals per year, latest first. */
export function totalsByYear(entries: readonly Pick<LedgerEntryDoc, 'hours' | 'year'>[]): Map<number, number> {
  const totals = new Map<number, number>()
  for (const e of entries) totals.set(e.year, (totals.get(e.year) ?? 0) + e.hours)
  return new Map([...totals].sort((a, b) => b[0] - a[0]))
}
