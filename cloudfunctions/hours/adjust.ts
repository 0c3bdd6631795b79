/**
 * hours.adjust: a manual correction of a member's hours, up or down, with its reason: always a new ledger
 * entry (source 'adjustment', by whom, id from the page's requestId so a retry adds it once), never a
 * change to an old one. For the secretary of the member's branch and the administrators above it (rights.ts
 * managesRosterOf), never for one's own hours. Calls: binding and member side by side 2, branch 1, entry 1
 * (a repeated request: 1 more, to read the entry it made).
 */
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LedgerEntryDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import { managesRosterOf } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { addIfAbsent } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'

export async function adjustHours(
  input: ParsedInput<'hours', 'adjust'>,
  ctx: HandlerContext,
): Promise<{ entryId: string }> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const [actor, found] = await Promise.all([requireActor(ctx), ctx.db.collection('members').doc(input.memberId).get()])
  const member = (found.data as MemberDoc[])[0]
  if (!member) throw new AppError('NOT_FOUND')
  // Nobody credits themselves: their branch secretary or an administrator above does it.
  if (member._id === actor.memberId) throw new AppError('FORBIDDEN', '不能调整自己的学时，请联系上级管理员')
  const res = await ctx.db.collection('orgs').doc(member.branchId).get()
  const branch = (res.data as OrgDoc[])[0]
  if (!branch || !managesRosterOf(actor, { id: branch._id, ancestors: branch.path })) {
    throw new AppError('FORBIDDEN')
  }
  const entry: LedgerEntryDoc = {
    _id: `adj:${input.requestId}`,
    memberId: member._id,
    year: input.year,
    hours: input.hours,
    bucket: input.bucket,
    source: 'adjustment',
    title: input.reason,
    reason: input.reason,
    by: actor.memberId,
    at: ctx.now,
  }
  // The page's requestId makes the id: a press repeated after a lost reply finds its entry and adds nothing.
  if (!(await addIfAbsent(ctx.db, 'ledger', entry))) await requireSameAdjustment(ctx, entry)
  return { entryId: entry._id }
}

/** The entry already there must be this very adjustment; a reused id for another one is refused. */
async function requireSameAdjustment(ctx: HandlerContext, entry: LedgerEntryDoc): Promise<void> {
  const res = await ctx.db.collection('ledger').doc(entry._id).get()
  const found = (res.data as LedgerEntryDoc[])[0]
  const same = (['memberId', 'year', 'hours', 'bucket', 'source', 'reason', 'by'] as const).every(
    (k) => found?.[k] === entry[k],
  )
  if (!same) throw new AppError('INVALID_INPUT', '这次提交的编号已用于另一次调整，请刷新后重新填写')
}
