/**
 * hours.mine: the caller's study hours: a year's entries, total and split by bucket against the target of
 * their role, and every year's total. Calls: binding 1 + ledger 1 (the targets come from the instance's
 * cache; a cold instance reads them side by side with the binding).
 */
import type { HourEntryView, MyHours, ParsedInput } from '../../src/shared/contract'
import type { LedgerEntryDoc } from '../../src/shared/model'
import { hoursYear, sumEntries, targetFor, targetsOf, totalsByYear } from '../../src/shared/studyHours'
import { requireActor } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'
import { newestFirst } from '../_shared/newest'
import { setFieldsOf } from '../_shared/views'
import { loadTargets } from '../_shared/settings'

/** Entries read at once: a member earns some tens a year, so this covers many years. */
const LIMIT = 1000

export async function myHours(input: ParsedInput<'hours', 'mine'>, ctx: HandlerContext): Promise<MyHours> {
  const [actor, settings] = await Promise.all([requireActor(ctx), loadTargets(ctx.db, ctx.now)])
  const all = await newestFirst<LedgerEntryDoc>(ctx.db, 'ledger', { memberId: actor.memberId }, 'at', LIMIT)
  const currentYear = hoursYear(ctx.now)
  const year = input.year ?? currentYear
  const target = (y: number) => targetFor(actor.roles, targetsOf(settings, y))
  const entries = all.filter((e) => e.year === year)
  const totals = totalsByYear(all)
  if (!totals.has(currentYear)) totals.set(currentYear, 0)
  return {
    name: actor.name,
    year,
    currentYear,
    target: target(year),
    ...sumEntries(entries),
    entries: entries.map(entryView),
    years: [...totals].sort((a, b) => b[0] - a[0]).map(([y, total]) => ({ year: y, total, target: target(y) })),
  }
}

function entryView(e: LedgerEntryDoc): HourEntryView {
  const { _id: id, hours, bucket, source, title } = e
  return {
    id,
    hours,
    bucket,
    source,
    title,
    at: e.at.toISOString(),
    ...setFieldsOf({ reason: e.reason, lectureId: e.lectureId }),
  }
}
