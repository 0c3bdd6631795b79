/** hours: the study-hour (学时) ledger: a member's own page, a branch's view and export, adjustments, targets. */
import * as z from 'zod'
import type { HourBucket, HourSource, Role } from '../model'
import { HOUR_BUCKETS } from './lecture'
import { id, procedure } from './common'
import { reason } from './checkin'

export const year = z.number().int().min(2000).max(2100)
const hours = z
  .number()
  .min(0)
  .max(200)
  .refine((h) => Number.isInteger(h * 2), '学时须为0.5的整数倍')

export type BucketHours = Record<HourBucket, number>

export interface HourEntryView {
  id: string
  hours: number
  bucket: HourBucket
  source: HourSource
  title: string
  reason?: string
  lectureId?: string
  /** ISO 8601 */
  at: string
}

export interface MyHours {
  name: string
  year: number
  /** China year of today (the page offers earlier ones). */
  currentYear: number
  target: number
  total: number
  buckets: BucketHours
  entries: HourEntryView[]
  /** Every year with entries, and the current one, latest first. */
  years: { year: number; total: number; target: number }[]
}

export interface BranchHoursRow {
  memberId: string
  name: string
  roles: Role[]
  target: number
  total: number
  buckets: BucketHours
  /** Hours still missing to the target (0 when reached). */
  missing: number
}

export interface BranchHours {
  branchId: string
  branchName: string
  year: number
  /** Behind the target first (most missing first), then by name. */
  rows: BranchHoursRow[]
}

export interface HourTargets {
  year: number
  member: number
  officer: number
}

export const hoursProcedures = {
  mine: procedure<MyHours>()(z.object({ year: year.optional() })),
  /** A branch's members with their hours; default: the caller's branch. */
  branch: procedure<BranchHours>()(z.object({ branchId: id.optional(), year: year.optional() })),
  exportBranch: procedure<{ fileId: string; url: string; fileName: string }>()(
    z.object({ branchId: id.optional(), year: year.optional() }),
  ),
  /** A manual correction (a new entry, positive or negative), with its reason. */
  adjust: procedure<{ entryId: string }>()(
    z.object({
      memberId: id,
      year,
      hours: z
        .number()
        .min(-50)
        .max(50)
        .refine((h) => h !== 0 && Number.isInteger(h * 2), '学时须为不为0的0.5的整数倍'),
      bucket: z.enum(HOUR_BUCKETS),
      reason,
      /**
       * Made by the page once per adjustment and sent again on a retry: the entry's id is `adj:<requestId>`,
       * so a press repeated after a lost reply adds nothing and answers the same entryId.
       */
      requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    }),
  ),
  targets: procedure<HourTargets>()(z.object({ year: year.optional() })),
  /** City administrators set a year's targets. */
  setTargets: procedure<HourTargets>()(z.object({ year, member: hours, officer: hours })),
}
