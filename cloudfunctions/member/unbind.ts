/**
 * member.unbind: a branch's secretary (or an administrator above it) frees a member's roster entry from
 * its WeChat identity, e.g. after the member changed phones; the member then binds again. Idempotent.
 */
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { MemberDoc } from '../../src/shared/model'
import { managesRosterOf, type NodeRef } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'
import { loadBranch, nodeOf } from './data'

/** Database calls: 3 (caller and member at once, then the removal); 4 when the member is of another branch. */
export async function unbind({ memberId }: ParsedInput<'member', 'unbind'>, ctx: HandlerContext) {
  const { db } = ctx
  const [actor, res] = await Promise.all([requireActor(ctx), db.collection('members').doc(memberId).get()])
  const member = (res.data as MemberDoc[])[0]
  if (!member) throw new AppError('NOT_FOUND')
  // The caller's own branch is known from their binding; another branch's place in the tree is read.
  const node: NodeRef =
    member.branchId === actor.branchId
      ? { id: actor.branchId, ancestors: actor.path.slice(0, -1) }
      : nodeOf(await loadBranch(db, member.branchId))
  if (!managesRosterOf(actor, node)) throw new AppError('FORBIDDEN')
  await db.collection('bindings').where({ memberId }).remove()
  return { memberId }
}
