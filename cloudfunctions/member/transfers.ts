/** What the transfer actions share: reading a transfer, its two branches, and the view pages get. */
import type { TransferView } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { OrgDoc, TransferDoc } from '../../src/shared/model'
import type { Database } from '../_shared/cloud'
import { loadBranch } from './data'

export async function loadTransfer(db: Database, id: string): Promise<TransferDoc> {
  const res = await db.collection('transfers').doc(id).get()
  const transfer = (res.data as TransferDoc[])[0]
  if (!transfer) throw new AppError('NOT_FOUND')
  return transfer
}

/** The transfer with both branches (rights need their places in the tree). */
export async function loadTransferWithBranches(
  db: Database,
  id: string,
): Promise<{ transfer: TransferDoc; from: OrgDoc; to: OrgDoc }> {
  const transfer = await loadTransfer(db, id)
  const [from, to] = await Promise.all([loadBranch(db, transfer.fromBranchId), loadBranch(db, transfer.toBranchId)])
  return { transfer, from, to }
}

/** Why a decided transfer cannot be decided again, as the person reads it. */
export const DECIDED: Record<Exclude<TransferDoc['status'], 'pending'>, string> = {
  accepted: '这个转接已经接收了',
  declined: '这个转接已经被对方支部拒收',
  withdrawn: '这个转接已经撤回',
}

export function toTransferView(t: TransferDoc): TransferView {
  const view: TransferView = {
    id: t._id,
    memberId: t.memberId,
    memberName: t.memberName,
    fromBranchId: t.fromBranchId,
    fromBranchName: t.fromBranchName,
    toBranchId: t.toBranchId,
    toBranchName: t.toBranchName,
    status: t.status,
    reason: t.reason,
    byName: t.byName,
    createdAt: t.createdAt.toISOString(),
  }
  if (t.decidedAt) view.decidedAt = t.decidedAt.toISOString()
  if (t.decidedByName) view.decidedByName = t.decidedByName
  if (t.declineReason) view.declineReason = t.declineReason
  return view
}

/** `tr-<start time, base 36>-<random>`: the start time tells a pointer left by a cut-off start from one in flight. */
export const newTransferId = (now: Date, random: string) => `tr-${now.getTime().toString(36)}-${random}`
export const transferStartedAt = (id: string) => parseInt(id.split('-')[1] ?? '', 36)
