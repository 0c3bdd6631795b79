/**
 * Study-hour (学时) rules of domain.md. There is no national conversion formula; this is the
 * programme's default, which a lecture may override when it is posted.
 */
import { chinaYear } from './chinaTime'
import type { BranchHoursRow } from './contract/hours'
import type { HourBucket, HourTargetsDoc, LedgerEntryDoc, MemberDoc, Role } from './model'
import { isBranchOfficer } from './rights'
import type { ThemeCode } from './themes'
import { HOUR_BUCKET, ROLE } from './words'

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

/** The buckets of domain.md in the order pages and exports list them (their names: words.ts HOUR_BUCKET). */
export const BUCKET_ORDER: readonly HourBucket[] = ['training', 'collective', 'lecturing', 'online']

/** Yearly targets (domain.md): 32 for members, 56 for branch secretaries and committee members. */
export const DEFAULT_TARGETS = { member: 32, officer: 56 } as const

export type Targets = { member: number; officer: number }

/** The targets of a year: its own if set, else the defaults. */
export function targetsOf(settings: Pick<HourTargetsDoc, 'defaults' | 'years'> | undefined, year: number): Targets {
  return settings?.years[String(year)] ?? settings?.defaults ?? DEFAULT_TARGETS
}

export function targetFor(roles: readonly Role[], targets: Targets): number {
  return isBranchOfficer(roles) ? targets.officer : targets.member
}

/** Hours count in the China calendar year in which they were earned. */
export const hoursYear = (at: Date) => chinaYear(at)

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

/** Hours are halves: "18.5", "32", never "18.500000001". */
export const formatHours = (h: number): string => String(Math.round(h * 2) / 2)

/** "+1.5" / "−1.5" (a real minus sign, which reads better than a hyphen in large type). */
export const signedHours = (h: number): string => (h < 0 ? `−${formatHours(-h)}` : `+${formatHours(h)}`)

/** Hours still missing to a target (0 once it is reached). */
export const missingHours = (target: number, total: number) => Math.max(0, target - total)

/** One member of a branch against their target, from the member and their year's sums by bucket. */
export function branchHoursRow(
  member: Pick<MemberDoc, '_id' | 'name' | 'roles'>,
  buckets: Record<HourBucket, number> | undefined,
  targets: Targets,
): BranchHoursRow {
  const sums = buckets ?? emptyBuckets()
  const total = Object.values(sums).reduce((a, b) => a + b, 0)
  const target = targetFor(member.roles, targets)
  return {
    memberId: member._id,
    name: member.name,
    roles: member.roles,
    target,
    total,
    buckets: sums,
    missing: missingHours(target, total),
  }
}

/** The branch view's order: the ones behind first (most missing first), then by name as Chinese readers sort. */
export function behindFirst<T extends { missing: number; name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.missing - a.missing || a.name.localeCompare(b.name, 'zh-CN'))
}

/** Columns of a branch's exported hours, in order. */
export const BRANCH_HOURS_COLUMNS = [
  '姓名',
  '职务',
  '目标学时',
  '已完成',
  ...BUCKET_ORDER.map((b) => HOUR_BUCKET[b]),
  '还差',
]

/** The office that sets a member's target, in a secretary's words. */
export const officeName = (roles: readonly Role[]) =>
  ROLE[roles.includes('secretary') ? 'secretary' : roles.includes('committee') ? 'committee' : 'member']

/** The exported sheet: one line per branch row, in the rows' order. */
export function branchHoursSheetRows(rows: readonly BranchHoursRow[]): (string | number)[][] {
  return rows.map((r) => [
    r.name,
    officeName(r.roles),
    r.target,
    r.total,
    ...BUCKET_ORDER.map((b) => r.buckets[b]),
    r.missing,
  ])
}

/** "千佛山社区党支部2026年度学时统计.xlsx": what the secretary's computer saves it as. */
export function branchHoursFileName(branchName: string, year: number): string {
  const safe = branchName.replace(/[\\/:*?"<>|\r\n\t]+/g, ' ').trim() || '党支部'
  return `${safe}${year}年度学时统计.xlsx`
}
