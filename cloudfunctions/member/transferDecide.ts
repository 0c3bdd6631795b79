/**
 * member.transferAccept / transferDecline (the new branch's secretary, administrators above it) and
 * transferWithdraw (the old branch's side). Each decides the transfer by a conditional update
 * `pending → …` first: of two taps or two people deciding at once, one decision lands and writes its audit
 * entry. Accepting then moves the member: binding (branch, path, roles) before the member document, whose
 * `pendingTransferId` is cleared last, so that a retried accept finishes a move that was cut off. Ledger,
 * check-ins and sign-ups are keyed by member and stay as they are.
 */
import type { ParsedInput, TransferView } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { OrgDoc, Role, TransferDoc } from '../../src/shared/model'
import { type Actor, mayActOnTransfer } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { writeAudit } from '../_shared/audit'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { applied, loadRosterMember, nodeOf } from './data'
import { DECIDED, loadTransfer, loadTransferWithBranches, toTransferView } from './transfers'

type Decision = Exclude<TransferDoc['status'], 'pending'>

/** Branch roles stay with the branch: a secretary or committee member arrives as a member. */
const BRANCH_ROLES: Role[] = ['secretary', 'committee']

export async function transferAccept(
  { transferId }: ParsedInput<'member', 'transferAccept'>,
  ctx: HandlerContext,
): Promise<TransferView> {
  const { actor, transfer, from, to } = await readFor(ctx, transferId, 'to')
  let won = false
  if (transfer.status !== 'accepted') {
    if (to.closedAt) throw new AppError('NODE_CLOSED', `${to.name}已撤销`)
    won = await decide(ctx, actor, transfer, 'accepted')
  }
  // Also for an accepted transfer: a retry finishes a move that was cut off (nothing, if it was not).
  await move(ctx.db, transfer, to)
  if (won) await audit(ctx, actor, transfer, 'accepted', to, `接收 ${transfer.memberName}（来自 ${from.name}）`)
  return toTransferView(await loadTransfer(ctx.db, transferId))
}

export async function transferDecline(
  { transferId, reason }: ParsedInput<'member', 'transferDecline'>,
  ctx: HandlerContext,
): Promise<TransferView> {
  const { actor, transfer, from, to } = await readFor(ctx, transferId, 'to')
  await decide(ctx, actor, transfer, 'declined', reason)
  await release(ctx.db, transfer)
  await audit(ctx, actor, transfer, 'declined', to, `不接收 ${transfer.memberName}（来自 ${from.name}）：${reason}`)
  return toTransferView(await loadTransfer(ctx.db, transferId))
}

export async function transferWithdraw(
  { transferId }: ParsedInput<'member', 'transferWithdraw'>,
  ctx: HandlerContext,
): Promise<TransferView> {
  const { actor, transfer, from, to } = await readFor(ctx, transferId, 'from')
  await decide(ctx, actor, transfer, 'withdrawn')
  await release(ctx.db, transfer)
  await audit(ctx, actor, transfer, 'withdrawn', from, `撤回 ${transfer.memberName} 转至 ${to.name} 的转接`)
  return toTransferView(await loadTransfer(ctx.db, transferId))
}

/** The caller, the transfer and its branches; FORBIDDEN unless the caller may act for that side. */
async function readFor(ctx: HandlerContext, transferId: string, side: 'from' | 'to') {
  const [actor, found] = await Promise.all([requireActor(ctx), loadTransferWithBranches(ctx.db, transferId)])
  if (!mayActOnTransfer(actor, side, { from: nodeOf(found.from), to: nodeOf(found.to) })) {
    throw new AppError('FORBIDDEN')
  }
  return { actor, ...found }
}

/**
 * `pending → decision` if still pending (true: this call decided it); otherwise INVALID_STATE saying what
 * happened first, except for a second accept racing the first (false: accepted by the other).
 */
async function decide(
  ctx: HandlerContext,
  actor: Actor,
  transfer: TransferDoc,
  decision: Decision,
  reason?: string,
): Promise<boolean> {
  const { db, now } = ctx
  if (transfer.status !== 'pending') throw new AppError('INVALID_STATE', DECIDED[transfer.status])
  const fields: Partial<TransferDoc> = {
    status: decision,
    decidedAt: now,
    decidedBy: actor.memberId,
    decidedByName: actor.name,
  }
  if (reason) fields.declineReason = reason
  const res = await db.collection('transfers').where({ _id: transfer._id, status: 'pending' }).update(fields)
  if (applied(res)) return true
  const after = await loadTransfer(db, transfer._id)
  // Two taps on 接收: the other one accepted; this one finishes the move too (harmless) and answers the same.
  if (decision === 'accepted' && after.status === 'accepted') return false
  throw new AppError('INVALID_STATE', DECIDED[after.status as Decision])
}

/** The member joins the new branch, if this transfer still waits on them (absolute values: a retry is harmless). */
async function move(db: Database, transfer: TransferDoc, to: OrgDoc) {
  const member = await loadRosterMember(db, transfer.memberId)
  if (member.pendingTransferId !== transfer._id) return
  const roles = member.roles.filter((r) => !BRANCH_ROLES.includes(r))
  await db
    .collection('bindings')
    .where({ memberId: member._id })
    .update({ branchId: to._id, path: [...to.path, to._id], roles })
  await db
    .collection('members')
    .where({ _id: member._id, pendingTransferId: transfer._id })
    .update({ branchId: to._id, roles, pendingTransferId: db.command.remove() })
}

/** The member may be transferred again (a declined or withdrawn transfer held them). */
async function release(db: Database, transfer: TransferDoc) {
  await db
    .collection('members')
    .where({ _id: transfer.memberId, pendingTransferId: transfer._id })
    .update({ pendingTransferId: db.command.remove() })
}

const AUDIT_ACTION = { accepted: 'transferAccept', declined: 'transferDecline', withdrawn: 'transferWithdraw' } as const

async function audit(
  ctx: HandlerContext,
  actor: Actor,
  t: TransferDoc,
  decision: Decision,
  org: OrgDoc,
  detail: string,
) {
  const entry = { by: actor.memberId, byName: actor.name, orgId: org._id, orgPath: [...org.path, org._id] }
  await writeAudit(ctx.db, { ...entry, action: AUDIT_ACTION[decision], memberId: t.memberId, detail }, ctx.now)
}
