/** proposal.propose and proposal.mine: a member's own proposals (个人自荐). */
import type { ParsedInput, ProposalView } from '../../src/shared/contract'
import type { ProposalDoc } from '../../src/shared/model'
import { requireActor } from '../_shared/actor'
import { newestFirst } from '../_shared/newest'
import type { HandlerContext } from '../_shared/router'
import { PROPOSAL_LIMIT, toView } from './view'

/** Any bound member; the proposal goes to their own branch. Two database calls. */
export async function propose(input: ParsedInput<'proposal', 'propose'>, ctx: HandlerContext): Promise<ProposalView> {
  const actor = await requireActor(ctx)
  const doc: Omit<ProposalDoc, '_id'> = {
    memberId: actor.memberId,
    memberName: actor.name,
    branchId: actor.branchId,
    theme: input.theme,
    title: input.title,
    outline: input.outline,
    status: 'pending',
    createdAt: ctx.now,
  }
  const res = await ctx.db.collection('proposals').add(doc)
  return toView({ _id: String(res.id), ...doc })
}

/** The caller's proposals, newest first, with the decision and its reason. Two database calls. */
export async function myProposals(
  _input: ParsedInput<'proposal', 'mine'>,
  ctx: HandlerContext,
): Promise<{ items: ProposalView[] }> {
  const actor = await requireActor(ctx)
  const mine = await newestFirst<ProposalDoc>(
    ctx.db,
    'proposals',
    { memberId: actor.memberId },
    'createdAt',
    PROPOSAL_LIMIT,
  )
  return { items: mine.map(toView) }
}
