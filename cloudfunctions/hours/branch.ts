/**
 * hours.branch: the members of a branch with a year's hours against their targets, the ones behind first;
 * for its secretary and committee members and the administrators above it (rights.ts managesLecturesOf).
 * Calls: binding 1, then the branch and its members side by side 2, then one aggregate of their ledger
 * entries by member and bucket 1 (targets from the instance's cache).
 */
import type { BranchHours, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { HourBucket, MemberDoc, OrgDoc } from '../../src/shared/model'
import { managesLecturesOf } from '../../src/shared/rights'
import { behindFirst, branchHoursRow, emptyBuckets, hoursYear, targetsOf } from '../../src/shared/studyHours'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { loadTargets } from '../_shared/settings'

/** The most documents one read answers; a branch has tens of members. */
const PAGE = 1000

export function branchHours(input: ParsedInput<'hours', 'branch'>, ctx: HandlerContext): Promise<BranchHours> {
  return branchHoursOf(ctx, input.branchId, input.year)
}

/** Shared with the export: the same rows, the same rights. */
export async function branchHoursOf(
  ctx: HandlerContext,
  branchId: string | undefined,
  year = hoursYear(ctx.now),
): Promise<BranchHours> {
  const [actor, settings] = await Promise.all([requireActor(ctx), loadTargets(ctx.db, ctx.now)])
  const id = branchId ?? actor.branchId
  // Reading before the rights check saves a round trip; nothing read is answered unless the check passes.
  const [branch, members] = await Promise.all([loadBranch(ctx.db, id), membersOf(ctx.db, id)])
  if (!managesLecturesOf(actor, { id, ancestors: branch.path })) throw new AppError('FORBIDDEN')
  const sums = await sumsByMember(
    ctx.db,
    members.map((m) => m._id),
    year,
  )
  const targets = targetsOf(settings, year)
  return {
    branchId: id,
    branchName: branch.name,
    year,
    rows: behindFirst(members.map((m) => branchHoursRow(m, sums.get(m._id), targets))),
  }
}

async function loadBranch(db: Database, id: string): Promise<OrgDoc> {
  const res = await db.collection('orgs').doc(id).get()
  const org = (res.data as OrgDoc[])[0]
  if (!org || org.kind !== 'branch') throw new AppError('NOT_FOUND')
  return org
}

/** The branch's members on the rolls: one who left (退出党员名册) has no target and is not counted. */
async function membersOf(db: Database, branchId: string): Promise<MemberDoc[]> {
  const res = await db
    .collection('members')
    .where({ branchId, status: db.command.neq('inactive') })
    .field({ name: true, roles: true })
    .limit(PAGE)
    .get()
  return res.data as MemberDoc[]
}

/** A year's hours per member and bucket, summed by the database. */
async function sumsByMember(
  db: Database,
  memberIds: string[],
  year: number,
): Promise<Map<string, Record<HourBucket, number>>> {
  const sums = new Map<string, Record<HourBucket, number>>()
  if (!memberIds.length) return sums
  const _ = db.command
  const res = await db
    .collection('ledger')
    .aggregate()
    .match({ memberId: _.in(memberIds), year })
    .group({ _id: { memberId: '$memberId', bucket: '$bucket' }, hours: _.aggregate.sum('$hours') })
    .limit(PAGE * 4)
    .end()
  const groups = (res as { data?: { _id: { memberId: string; bucket: HourBucket }; hours: number }[] }).data ?? []
  for (const g of groups) {
    const buckets = sums.get(g._id.memberId) ?? emptyBuckets()
    buckets[g._id.bucket] = g.hours
    sums.set(g._id.memberId, buckets)
  }
  return sums
}
