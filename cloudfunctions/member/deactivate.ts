/**
 * member.deactivate: the branch's secretary (or an administrator above it) takes a member off the rolls
 * (退出党员名册): status inactive, the binding removed (signed out; member.bind no longer finds them), history
 * and ledger kept under their name. Not while a transfer waits, nor for an appointed administrator or judge
 * (their appointment is ended first). A conditional update makes a double tap or a transfer started at the same
 * moment land one way. Database calls: 3 to check, the member, the binding, the audit entry.
 */
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { MemberDoc } from '../../src/shared/model'
import { mayDeactivate } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { writeAudit } from '../_shared/audit'
import type { HandlerContext } from '../_shared/router'
import { applied, loadBranch, loadRosterMember, nodeOf } from './data'

export async function deactivate(
  { memberId, reason }: ParsedInput<'member', 'deactivate'>,
  ctx: HandlerContext,
): Promise<{ memberId: string }> {
  const { db, now } = ctx
  const [actor, member] = await Promise.all([requireActor(ctx), loadRosterMember(db, memberId)])
  const branch = await loadBranch(db, member.branchId)
  if (!mayDeactivate(actor, { id: member._id, branch: nodeOf(branch) })) throw new AppError('FORBIDDEN')
  refuseIfHeld(member)
  if (member.roles.includes('admin') || member.roles.includes('judge')) {
    throw new AppError('INVALID_STATE', '这位党员还担任管理员或评审专家，请先撤下任命')
  }
  const _ = db.command
  const res = await db
    .collection('members')
    .where({ _id: memberId, status: _.neq('inactive'), pendingTransferId: _.exists(false) })
    .update({ status: 'inactive', deactivatedAt: now, deactivatedReason: reason })
  if (!applied(res)) {
    refuseIfHeld((await db.collection('members').doc(memberId).get()).data[0] as MemberDoc)
    throw new AppError('INVALID_STATE')
  }
  await db.collection('bindings').where({ memberId }).remove()
  await writeAudit(
    db,
    {
      action: 'deactivate',
      by: actor.memberId,
      byName: actor.name,
      orgId: branch._id,
      orgPath: [...branch.path, branch._id],
      memberId,
      detail: `${member.name} 退出党员名册（${branch.name}）：${reason}`,
    },
    now,
  )
  return { memberId }
}

/** Already off the rolls, or a transfer waits on them. */
function refuseIfHeld(member: MemberDoc) {
  if (member.status === 'inactive') throw new AppError('MEMBER_INACTIVE')
  if (member.pendingTransferId) throw new AppError('TRANSFER_PENDING')
}
