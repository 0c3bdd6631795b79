/**
 * member.transfers: a branch's transfers for those who keep its roster — waiting for it to accept, sent from
 * it and not yet decided, and the latest decided either way. member.transferBranches: the destinations the
 * transfer form offers. Database calls (transfers): caller and branch at once, then four queries at once.
 */
import type { BranchChoice, BranchTransfers, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { escapeRegExp } from '../../src/shared/lectureRules'
import type { OrgDoc, TransferDoc } from '../../src/shared/model'
import { seesTransfersOf } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { newestFirst } from '../_shared/newest'
import type { HandlerContext } from '../_shared/router'
import { loadBranch, nodeOf } from './data'
import { toTransferView } from './transfers'

/** Waiting transfers of one branch: a handful; decided ones shown: the latest few of each side. */
const MAX_WAITING = 100
const RECENT_EACH = 10
const MAX_CHOICES = 20

export async function branchTransfers(
  { branchId }: ParsedInput<'member', 'transfers'>,
  ctx: HandlerContext,
): Promise<BranchTransfers> {
  const { db } = ctx
  const [actor, branch] = await Promise.all([requireActor(ctx), loadBranch(db, branchId)])
  if (!seesTransfersOf(actor, nodeOf(branch))) throw new AppError('FORBIDDEN')
  const decided = { status: db.command.neq('pending') }
  const [incoming, outgoing, arrived, left] = await Promise.all([
    newestFirst<TransferDoc>(db, 'transfers', { toBranchId: branchId, status: 'pending' }, 'createdAt', MAX_WAITING),
    newestFirst<TransferDoc>(db, 'transfers', { fromBranchId: branchId, status: 'pending' }, 'createdAt', MAX_WAITING),
    newestFirst<TransferDoc>(db, 'transfers', { toBranchId: branchId, ...decided }, 'decidedAt', RECENT_EACH),
    newestFirst<TransferDoc>(db, 'transfers', { fromBranchId: branchId, ...decided }, 'decidedAt', RECENT_EACH),
  ])
  const recent = [...arrived, ...left]
    .sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0))
    .slice(0, RECENT_EACH)
  return {
    incoming: incoming.map(toTransferView),
    outgoing: outgoing.map(toTransferView),
    recent: recent.map(toTransferView),
  }
}

/**
 * Open branches of the city whose name holds `q`: a member may move anywhere in the city. For those who
 * start transfers (secretaries, administrators). Not org.find, which stays inside the caller's own subtree.
 */
export async function transferBranches(
  { q }: ParsedInput<'member', 'transferBranches'>,
  ctx: HandlerContext,
): Promise<{ branches: BranchChoice[] }> {
  const { db } = ctx
  const actor = await requireActor(ctx)
  if (!actor.roles.includes('secretary') && !actor.roles.includes('admin')) throw new AppError('FORBIDDEN')
  const res = await db
    .collection('orgs')
    .where({
      kind: 'branch',
      name: db.RegExp({ regexp: escapeRegExp(q), options: 'i' }),
      closedAt: db.command.exists(false),
    })
    .field({ name: true })
    .limit(MAX_CHOICES)
    .get()
  return { branches: (res.data as OrgDoc[]).map((o) => ({ id: o._id, name: o.name })) }
}
