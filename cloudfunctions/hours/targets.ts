/** hours.targets: a year's targets (members, branch officers), for anyone bound. Calls: binding 1 (targets cached). */
import type { HourTargets, ParsedInput } from '../../src/shared/contract'
import { hoursYear, targetsOf } from '../../src/shared/studyHours'
import { requireActor } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'
import { loadTargets } from '../_shared/settings'

export async function yearTargets(input: ParsedInput<'hours', 'targets'>, ctx: HandlerContext): Promise<HourTargets> {
  const [, settings] = await Promise.all([requireActor(ctx), loadTargets(ctx.db, ctx.now)])
  const year = input.year ?? hoursYear(ctx.now)
  return { year, ...targetsOf(settings, year) }
}
