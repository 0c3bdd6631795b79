/** proposal.propose and proposal.mine: a member's own proposals (个人自荐). */
import type { ParsedInput, ProposalView } from '../../src/shared/contract'
import type { ProposalDoc } from '../../src/shared/model'
import { requireActor } from '../_shared/actor'
import { inOrder } from '../_shared/lectures'
import { newestFirst } from '../_shared/newest'
import type { HandlerContext } from '../_shared/router'
import { loadTopic, topicTie } from '../_shared/topics'
import { PROPOSAL_LIMIT, toView } from './view'

/**
 * Any bound member; the proposal goes to their own branch, and a topic must be one their branch may take
 * this year (TOPIC_UNAVAILABLE). Two database calls (three with a topic, read beside the binding).
 */
export async function propose(input: ParsedInput<'proposal', 'propose'>, ctx: HandlerContext): Promise<ProposalView> {
  const [actor, topic] = await inOrder(
    requireActor(ctx),
    input.topicId ? loadTopic(ctx.db, input.topicId) : Promise.resolve(undefined),
  )
  const tie = input.topicId ? topicTie(topic, { path: actor.path, at: ctx.now }) : {}
  const doc: Omit<ProposalDoc, '_id'> = {
    memberId: actor.memberId,
    memberName: actor.name,
    branchId: actor.branchId,
    theme: input.theme,
    title: input.title,
    outline: input.outline,
    status: 'pending',
    createdAt: ctx.now,
    ...tie,
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
