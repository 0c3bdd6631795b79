/**
 * hours.setTargets: a year's targets, set by an administrator of the city (the root of the tree): later
 * plans may change the 32 and 56 of domain.md. Only that year's entry of the settings document changes.
 * Calls: binding 1, the administered node 1, one update (or, the very first time, an add) 1, a read back 1.
 */
import type { HourTargets, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { HourTargetsDoc, OrgDoc } from '../../src/shared/model'
import type { Actor } from '../../src/shared/rights'
import { DEFAULT_TARGETS, targetsOf } from '../../src/shared/studyHours'
import { requireActor } from '../_shared/actor'
import { type Database, isDuplicateWrite } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { rememberSetting, TARGETS_ID } from '../_shared/settings'

export async function setTargets(input: ParsedInput<'hours', 'setTargets'>, ctx: HandlerContext): Promise<HourTargets> {
  const actor = await requireActor(ctx)
  if (!(await isCityAdmin(ctx.db, actor))) throw new AppError('FORBIDDEN')
  const { year, member, officer } = input
  const settings = ctx.db.collection('settings')
  const change = { years: { [String(year)]: { member, officer } }, updatedAt: ctx.now, updatedBy: actor.memberId }
  // A nested object in an update sets only the fields it names: other years stay as they are.
  const updated = await settings.doc(TARGETS_ID).update(change)
  if (!(updated as { updated?: number }).updated) {
    const doc: HourTargetsDoc = { _id: TARGETS_ID, defaults: { ...DEFAULT_TARGETS }, ...change }
    try {
      await settings.add(doc)
    } catch (err) {
      // Another administrator created it a moment ago: apply this year's change on top of theirs.
      if (!isDuplicateWrite(err)) throw err
      await settings.doc(TARGETS_ID).update(change)
    }
  }
  const res = await settings.doc(TARGETS_ID).get()
  const saved = (res.data as HourTargetsDoc[])[0]
  rememberSetting(TARGETS_ID, saved, ctx.now)
  return { year, ...targetsOf(saved, year) }
}

async function isCityAdmin(db: Database, actor: Actor): Promise<boolean> {
  if (!actor.adminOrgId || !actor.roles.includes('admin')) return false
  const res = await db.collection('orgs').doc(actor.adminOrgId).get()
  return (res.data as OrgDoc[])[0]?.kind === 'city'
}
