/**
 * member.transferStart: the old branch's secretary (or an administrator above it) sends a member to another
 * branch (组织关系转接); the new branch accepts or declines (transferDecide.ts). One transfer at a time: the
 * member's `pendingTransferId` is taken by a conditional update first, so of two simultaneous starts one wins
 * and the other is TRANSFER_PENDING; then the transfer is written. A refusal writes nothing.
 * Database calls: 4 to check (caller, member and destination at once, then the member's branch), the member,
 * the transfer, the audit entry.
 */
import { randomUUID } from 'crypto'
import type { ParsedInput, TransferView } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { MemberDoc, TransferDoc } from '../../src/shared/model'
import { mayActOnTransfer } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { writeAudit } from '../_shared/audit'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { applied, loadBranch, loadRosterMember, nodeOf } from './data'
import { newTransferId, toTransferView, transferStartedAt } from './transfers'

/** A start cut off between its two writes leaves a pointer to no transfer; after this long it is let go. */
export const LEFT_OVER_AFTER_MS = 60_000

export async function transferStart(
  input: ParsedInput<'member', 'transferStart'>,
  ctx: HandlerContext,
): Promise<TransferView> {
  const { db, now } = ctx
  const [actor, member, to] = await Promise.all([
    requireActor(ctx),
    loadRosterMember(db, input.memberId),
    loadBranch(db, input.toBranchId),
  ])
  const from = await loadBranch(db, member.branchId)
  if (!mayActOnTransfer(actor, 'from', { from: nodeOf(from), to: nodeOf(to) })) throw new AppError('FORBIDDEN')
  if (member.status === 'inactive') throw new AppError('MEMBER_INACTIVE')
  if (to.closedAt) throw new AppError('NODE_CLOSED', `${to.name}已撤销`)
  if (to._id === from._id) throw new AppError('INVALID_STATE', '这位党员已经在这个支部')
  const before = member.pendingTransferId
  if (before && !(await leftOver(db, before, now))) throw new AppError('TRANSFER_PENDING')

  const _ = db.command
  const id = newTransferId(now, randomUUID().replace(/-/g, '').slice(0, 12))
  const taken = await db
    .collection('members')
    .where({
      _id: member._id,
      branchId: member.branchId,
      status: _.neq('inactive'),
      pendingTransferId: before ?? _.exists(false),
    })
    .update({ pendingTransferId: id })
  if (!applied(taken)) throw new AppError(await whyNotTaken(db, member._id))

  const transfer: TransferDoc = {
    _id: id,
    memberId: member._id,
    memberName: member.name,
    fromBranchId: from._id,
    fromBranchName: from.name,
    toBranchId: to._id,
    toBranchName: to.name,
    status: 'pending',
    reason: input.reason,
    by: actor.memberId,
    byName: actor.name,
    createdAt: now,
  }
  await db.collection('transfers').add(transfer)
  await writeAudit(
    db,
    {
      action: 'transfer',
      by: actor.memberId,
      byName: actor.name,
      orgId: from._id,
      orgPath: [...from.path, from._id],
      memberId: member._id,
      detail: `${member.name} 从 ${from.name} 转出至 ${to.name}，等待接收（${input.reason}）`,
    },
    now,
  )
  return toTransferView(transfer)
}

/**
 * A pointer nothing waits behind: a transfer declined or withdrawn whose clearing was cut off, or none at all
 * a minute after it was started (a start cut off between its two writes; younger, it may be one in flight).
 */
async function leftOver(db: Database, id: string, now: Date): Promise<boolean> {
  const res = await db.collection('transfers').doc(id).get()
  const transfer = (res.data as TransferDoc[])[0]
  if (transfer) return transfer.status === 'declined' || transfer.status === 'withdrawn'
  return !(now.getTime() - transferStartedAt(id) < LEFT_OVER_AFTER_MS)
}

/** The member changed between the read and the update: deactivated, or another start won. */
async function whyNotTaken(db: Database, memberId: string) {
  const res = await db.collection('members').doc(memberId).get()
  const now = (res.data as MemberDoc[])[0]
  return now?.status === 'inactive' ? 'MEMBER_INACTIVE' : 'TRANSFER_PENDING'
}
