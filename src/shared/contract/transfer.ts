/**
 * member: members who move (组织关系转接) and members who leave the rolls (退出党员名册). Spread into
 * memberProcedures. A transfer is started from the old branch and accepted (or not) by the new one.
 */
import * as z from 'zod'
import type { TransferDoc } from '../model'
import { reason } from './checkin'
import { id, procedure } from './common'

/** A transfer as the pages of both branches show it (the stored fields pages need, dates as ISO text). */
export type TransferView = Pick<
  TransferDoc,
  | 'memberId'
  | 'memberName'
  | 'fromBranchId'
  | 'fromBranchName'
  | 'toBranchId'
  | 'toBranchName'
  | 'status'
  | 'reason'
  | 'byName'
  | 'decidedByName'
  | 'declineReason'
> & { id: string; createdAt: string; decidedAt?: string }

export interface BranchTransfers {
  /** Waiting for this branch to accept. */
  incoming: TransferView[]
  /** Started from this branch, not yet decided. */
  outgoing: TransferView[]
  /** Decided lately, either way, newest first. */
  recent: TransferView[]
}

/** A destination the transfer form offers (until org.find lands on main). */
export interface BranchChoice {
  id: string
  name: string
}

const transferId = id

export const transferProcedures = {
  transferStart: procedure<TransferView>()(z.object({ memberId: id, toBranchId: id, reason })),
  transferAccept: procedure<TransferView>()(z.object({ transferId })),
  transferDecline: procedure<TransferView>()(z.object({ transferId, reason })),
  transferWithdraw: procedure<TransferView>()(z.object({ transferId })),
  transfers: procedure<BranchTransfers>()(z.object({ branchId: id })),
  /** Open branches whose name contains q (up to 20), for the transfer form's destination. */
  transferBranches: procedure<{ branches: BranchChoice[] }>()(z.object({ q: z.string().trim().min(1).max(30) })),
  deactivate: procedure<{ memberId: string }>()(z.object({ memberId: id, reason })),
}
