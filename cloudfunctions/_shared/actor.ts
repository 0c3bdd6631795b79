/**
 * Who is calling: the binding of the caller's openid (one read), as an Actor for the rights rules.
 * A binding carries a copy of the member's branch, path and roles for exactly this reason.
 */
import type { BindingDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import { AppError } from '../../src/shared/errors'
import type { Actor } from '../../src/shared/rights'
import type { HandlerContext } from './router'

export async function findActor(ctx: HandlerContext): Promise<Actor | undefined> {
  if (!ctx.openid) return undefined
  const res = await ctx.db.collection('bindings').doc(ctx.openid).get()
  const b = (res.data as BindingDoc[])[0]
  return b && actorOf(b)
}

/** The caller as a bound member, or the refusal a member understands. */
export async function requireActor(ctx: HandlerContext): Promise<Actor> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const actor = await findActor(ctx)
  if (!actor) throw new AppError('NOT_A_MEMBER')
  return actor
}

/** The caller's binding document and the Actor made from it (check-in needs the binding's block time). */
export async function requireBinding(ctx: HandlerContext): Promise<{ binding: BindingDoc; actor: Actor }> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const res = await ctx.db.collection('bindings').doc(ctx.openid).get()
  const binding = (res.data as BindingDoc[])[0]
  if (!binding) throw new AppError('NOT_A_MEMBER')
  return { binding, actor: actorOf(binding) }
}

export function actorOf(b: BindingDoc): Actor {
  return {
    memberId: b.memberId,
    name: b.name,
    branchId: b.branchId,
    path: b.path,
    roles: b.roles,
    adminOrgId: b.adminOrgId,
    judgeOrgId: b.judgeOrgId,
  }
}

/** The binding document of a member, from the member and their branch. */
export function bindingFor(openid: string, member: MemberDoc, branch: OrgDoc, boundAt: Date): BindingDoc {
  const doc: BindingDoc = {
    _id: openid,
    memberId: member._id,
    boundAt,
    name: member.name,
    branchId: member.branchId,
    path: [...branch.path, branch._id],
    roles: member.roles,
  }
  if (member.adminOrgId) doc.adminOrgId = member.adminOrgId
  if (member.judgeOrgId) doc.judgeOrgId = member.judgeOrgId
  return doc
}
