/**
 * lecture.managed: a secretary's or administrator's lectures, by scope. Two database calls (binding, one
 * query); three when narrowed to a node other than the caller's own branch (its org is read for rights).
 */
import type { LectureSummary, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc, OrgDoc } from '../../src/shared/model'
import { type Actor, isBranchOfficer, managesLecturesOf } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import { toSummary } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { inSubtree, managedByCondition } from './access'

type Input = ParsedInput<'lecture', 'managed'>

/** A page holds this many; older past lectures are for the reports, not this list. */
const MANAGED_LIMIT = 100

export async function managedLectures(input: Input, ctx: HandlerContext): Promise<{ items: LectureSummary[] }> {
  const { db, now } = ctx
  const _ = db.command
  const actor = await requireActor(ctx)
  const nodes = managedByCondition(_, actor) // refuses a caller who manages nothing
  const narrowed = input.orgId ? await nodeCondition(db, actor, input.orgId) : nodes
  const scope = {
    drafts: { where: { status: 'draft' }, order: 'asc' },
    upcoming: { where: _.and([{ status: 'published' }, { endAt: _.gt(now) }]), order: 'asc' },
    past: {
      where: _.or([{ status: _.in(['finished', 'cancelled']) }, { status: 'published', endAt: _.lte(now) }]),
      order: 'desc',
    },
  }[input.scope] as { where: object; order: 'asc' | 'desc' }
  const res = await db
    .collection('lectures')
    .where(_.and([scope.where, narrowed]))
    .orderBy('startAt', scope.order)
    .orderBy('_id', scope.order)
    .limit(MANAGED_LIMIT)
    .get()
  return { items: (res.data as LectureDoc[]).map(toSummary) }
}

/** Lectures of one node the caller manages, and of the nodes below it. */
async function nodeCondition(db: Database, actor: Actor, orgId: string): Promise<object> {
  const _ = db.command
  if (orgId === actor.branchId && isBranchOfficer(actor.roles)) return { hostOrgId: orgId }
  const res = await db.collection('orgs').doc(orgId).get()
  const org = (res.data as OrgDoc[])[0]
  if (!org) throw new AppError('NOT_FOUND')
  if (!managesLecturesOf(actor, { id: org._id, ancestors: org.path })) throw new AppError('FORBIDDEN')
  return inSubtree(_, orgId)
}
