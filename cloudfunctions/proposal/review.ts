/**
 * proposal.inbox and proposal.decide: the managers of a branch's lectures (its secretary and committee
 * members, administrators above it) read the proposals of its members and accept or decline them.
 */
import type { ParsedInput, ProposalView } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { lectureFromProposal } from '../../src/shared/lectureRules'
import type { MemberDoc, OrgDoc, ProposalDoc } from '../../src/shared/model'
import { type Actor, managesLecturesOf } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { addIfAbsent, type Database } from '../_shared/cloud'
import { proposalLectureId } from '../_shared/lectureIds'
import type { HandlerContext } from '../_shared/router'
import { newestFirst } from '../_shared/newest'
import { setFieldsOf } from '../_shared/views'
import { PROPOSAL_LIMIT, toView } from './view'

/** Two database calls for a branch officer, three for an administrator (the branch's ancestors). */
export async function inbox(
  input: ParsedInput<'proposal', 'inbox'>,
  ctx: HandlerContext,
): Promise<{ items: ProposalView[] }> {
  const actor = await requireActor(ctx)
  await managedBranch(ctx.db, actor, input.branchId, false)
  const where =
    input.status === 'pending' ? { branchId: input.branchId, status: 'pending' } : { branchId: input.branchId }
  const items = await newestFirst<ProposalDoc>(ctx.db, 'proposals', where, 'createdAt', PROPOSAL_LIMIT)
  return { items: items.map(toView) }
}

/**
 * Decline: one conditional update. Accept: the draft lecture is written first under an id made from
 * the proposal's (a second accept collides with it), then the proposal is claimed with a conditional
 * update; if someone decided first, the draft is taken back. Database calls: decline 3 (branch officer)
 * or 4 (administrator, who needs the branch's ancestors), accept 6.
 */
export async function decide(input: ParsedInput<'proposal', 'decide'>, ctx: HandlerContext): Promise<ProposalView> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const { db, now } = ctx
  const [actor, proposal] = await inOrder(requireActor(ctx), loadProposal(db, input.id))
  const accept = input.decision === 'accept'
  const [branch, lecturer] = await inOrder(
    managedBranch(db, actor, proposal.branchId, accept),
    accept ? loadMember(db, proposal.memberId) : Promise.resolve(undefined),
  )
  if (proposal.status !== 'pending') throw new AppError('INVALID_STATE', '这份自荐已经处理过了')
  const decided = { decidedAt: now, decidedBy: actor.memberId }

  if (!accept) {
    const changes = { status: 'declined' as const, reason: input.reason, ...decided }
    await claim(db, proposal._id, changes)
    return toView({ ...proposal, ...changes })
  }
  const lectureId = proposalLectureId(proposal._id)
  const draft = lectureFromProposal(proposal, branch!, lecturer?.roles ?? ['member'], actor.memberId, now)
  // The proposal's key topic goes with it (checked when it was proposed).
  Object.assign(draft, setFieldsOf({ topicId: proposal.topicId, topicTitle: proposal.topicTitle }))
  // Left by an earlier attempt that failed half-way, or by a decision in flight: the claim decides.
  const created = await addIfAbsent(db, 'lectures', { _id: lectureId, ...draft })
  const changes = { status: 'accepted' as const, lectureId, ...decided }
  try {
    await claim(db, proposal._id, changes)
  } catch (err) {
    const current = await loadProposal(db, proposal._id)
    if (created && current.lectureId !== lectureId) await db.collection('lectures').doc(lectureId).remove()
    throw err
  }
  return toView({ ...proposal, ...changes })
}

/** Refuses a caller who does not manage the branch's lectures; reads its org when rights or the caller need it. */
async function managedBranch(db: Database, actor: Actor, branchId: string, needOrg: boolean) {
  const officer =
    (actor.roles.includes('secretary') || actor.roles.includes('committee')) && actor.branchId === branchId
  const admin = actor.roles.includes('admin') && !!actor.adminOrgId
  if (!officer && !admin) throw new AppError('FORBIDDEN')
  if (officer && !needOrg) return undefined
  const res = await db.collection('orgs').doc(branchId).get()
  const org = (res.data as OrgDoc[])[0]
  if (!org) throw new AppError('NOT_FOUND')
  if (!managesLecturesOf(actor, { id: org._id, ancestors: org.path })) throw new AppError('FORBIDDEN')
  return org
}

async function loadProposal(db: Database, id: string): Promise<ProposalDoc> {
  const res = await db.collection('proposals').doc(id).get()
  const doc = (res.data as ProposalDoc[])[0]
  if (!doc) throw new AppError('NOT_FOUND')
  return doc
}

async function loadMember(db: Database, id: string): Promise<MemberDoc | undefined> {
  const res = await db.collection('members').doc(id).get()
  return (res.data as MemberDoc[])[0]
}

/** Decides a pending proposal; refuses when it was decided meanwhile. */
async function claim(db: Database, id: string, changes: object): Promise<void> {
  const res = await db.collection('proposals').where({ _id: id, status: 'pending' }).update(changes)
  if (!(res as { updated?: number }).updated) throw new AppError('INVALID_STATE', '这份自荐已经处理过了')
}

/** Awaits reads started together; the first one's refusal wins, and no rejection goes unhandled. */
async function inOrder<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b])
  if (ra.status === 'rejected') throw ra.reason
  if (rb.status === 'rejected') throw rb.reason
  return [ra.value, rb.value]
}
