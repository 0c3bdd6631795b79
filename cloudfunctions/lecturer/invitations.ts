/**
 * Invitations to lecture (邀请): a lecture's managers invite a pool lecturer of another node; a bound lecturer
 * answers on 我的 (accept, or decline with a reason); for an outsider the inviting side records the answer,
 * and may withdraw. An acceptance names the lecturer on the lecture (nameOnLecture). The id is `<lecture>:<profile>`, so a retried invite stores one. A bound lecturer's binding
 * counts their pending invitations (`invitationsPending`), so 我的 shows "讲课邀请 (n)" from the binding that
 * member.me reads anyway: no extra call on 我的's load.
 */
import type { InvitationView, ParsedInput } from '../../src/shared/contract'
import { AppError, type ErrorCode } from '../../src/shared/errors'
import {
  answerRefusal,
  inviteRefusal,
  lecturerOnLecture,
  NAMES_ON_ACCEPT,
  nextStatus,
} from '../../src/shared/lecturerRules'
import type { InvitationDoc } from '../../src/shared/model'
import { managesLecturesOf, type Refused } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { addIfAbsent, type Database } from '../_shared/cloud'
import { hostOf, inOrder, loadLecture } from '../_shared/lectures'
import { nodeOf, readOrg } from '../_shared/orgs'
import type { HandlerContext } from '../_shared/router'
import { invitationView, loadProfile } from './profiles'

const refuse = (r: Refused | undefined) => {
  if (r) throw new AppError(r.code as ErrorCode, r.explanation)
}

export const invitationId = (lectureId: string, lecturerId: string) => `${lectureId}:${lecturerId}`

export async function invite(input: ParsedInput<'lecturer', 'invite'>, ctx: HandlerContext): Promise<InvitationView> {
  const { db, now } = ctx
  const [actor, [lecture, profile]] = await inOrder(
    requireActor(ctx),
    inOrder(loadLecture(db, input.lectureId), loadProfile(db, input.lecturerId)),
  )
  refuse(inviteRefusal(actor, { host: hostOf(lecture), status: lecture.status, endAt: lecture.endAt }, profile, now))
  const doc: InvitationDoc = {
    _id: invitationId(lecture._id, profile._id),
    lectureId: lecture._id,
    lectureTitle: lecture.title,
    lectureStartAt: lecture.startAt,
    lecturerId: profile._id,
    lecturerName: profile.name,
    ...(profile.memberId && { memberId: profile.memberId }),
    fromOrgId: lecture.hostOrgId,
    fromOrgName: lecture.hostOrgName,
    by: actor.memberId,
    byName: actor.name,
    status: 'pending',
    createdAt: now,
  }
  if (await addIfAbsent(db, 'invitations', doc)) {
    if (doc.memberId) await countPending(db, doc.memberId, 1)
    return invitationView(doc)
  }
  const existing = await loadInvitation(db, doc._id)
  if (existing.status !== 'pending') {
    throw new AppError(
      'INVALID_STATE',
      `已经邀请过${profile.name}讲这场党课（${existing.status === 'accepted' ? '已接受' : '已结束'}）`,
    )
  }
  return invitationView(existing) // a retry
}

/** The bound lecturer answers. */
export async function answer(input: ParsedInput<'lecturer', 'answer'>, ctx: HandlerContext): Promise<InvitationView> {
  const [actor, inv] = await inOrder(requireActor(ctx), loadInvitation(ctx.db, input.id))
  refuse(answerRefusal(actor, inv, { id: inv.fromOrgId, ancestors: [] }, 'answer'))
  return decide(ctx, inv, input.decision, 'reason' in input ? input.reason : undefined)
}

/** The inviting side records an outsider's answer, or withdraws. */
export async function record(input: ParsedInput<'lecturer', 'record'>, ctx: HandlerContext): Promise<InvitationView> {
  const [actor, inv] = await inOrder(requireActor(ctx), loadInvitation(ctx.db, input.id))
  const from = await readOrg(ctx.db, inv.fromOrgId)
  if (!from) throw new AppError('NOT_FOUND')
  refuse(answerRefusal(actor, inv, nodeOf(from), input.decision === 'withdraw' ? 'withdraw' : 'record'))
  const recordedBy = input.decision === 'withdraw' ? undefined : actor.memberId
  return decide(ctx, inv, input.decision, 'reason' in input ? input.reason : undefined, recordedBy)
}

/** Moves a pending invitation once: a conditional update on `pending`, so two answers at once land one. */
async function decide(
  ctx: HandlerContext,
  inv: InvitationDoc,
  decision: 'accept' | 'decline' | 'withdraw',
  reason: string | undefined,
  recordedBy?: string,
): Promise<InvitationView> {
  // A retried acceptance (say the lecture write failed after the invitation's) names the lecturer again.
  if (decision === 'accept' && inv.status === 'accepted') {
    await nameOnLecture(ctx, inv)
    return invitationView(inv)
  }
  const next = nextStatus(inv.status, decision, reason)
  if ('code' in next) throw new AppError(next.code, next.explanation)
  const changes = {
    status: next.status,
    decidedAt: ctx.now,
    ...(reason && { reason }),
    ...(recordedBy && { recordedBy }),
  }
  const res = await ctx.db.collection('invitations').where({ _id: inv._id, status: 'pending' }).update(changes)
  if (!(res as { updated?: number }).updated) {
    const now = await loadInvitation(ctx.db, inv._id)
    const again = nextStatus(now.status, decision, reason)
    if ('code' in again) throw new AppError(again.code, again.explanation)
    throw new AppError('INVALID_STATE', '邀请刚刚有变动，请刷新后再试')
  }
  if (inv.memberId) await countPending(ctx.db, inv.memberId, -1)
  if (next.status === 'accepted') await nameOnLecture(ctx, inv)
  return invitationView({ ...inv, ...changes })
}

/**
 * Acceptance names the lecturer on the lecture (2 calls: the profile, as it is now, and a conditional update):
 * only a draft or published lecture not yet over takes it, so a lecture held or cancelled meanwhile keeps its
 * record. After the invitation's own update, so that an invitation withdrawn at the same moment never names.
 * `_.set` replaces the lecturer whole: a plain object in an update merges field by field, keeping a former
 * lecturer's title or member (update commands, `set`:
 * https://developers.weixin.qq.com/miniprogram/en/dev/wxcloud/guide/database/update.html).
 */
async function nameOnLecture(ctx: HandlerContext, inv: InvitationDoc): Promise<void> {
  const profile = await loadProfile(ctx.db, inv.lecturerId)
  const { lecturer, speakerRole } = lecturerOnLecture(profile)
  const _ = ctx.db.command
  await ctx.db
    .collection('lectures')
    .where({ _id: inv.lectureId, status: _.in([...NAMES_ON_ACCEPT]), endAt: _.gt(ctx.now) })
    .update({ lecturer: _.set(lecturer), speakerRole, updatedAt: ctx.now })
}

/** The bound lecturer's count of pending invitations on their binding (never below 0). */
async function countPending(db: Database, memberId: string, by: 1 | -1): Promise<void> {
  const _ = db.command
  const where = by > 0 ? { memberId } : { memberId, invitationsPending: _.gt(0) }
  await db
    .collection('bindings')
    .where(where)
    .update({ invitationsPending: _.inc(by) })
}

async function loadInvitation(db: Database, id: string): Promise<InvitationDoc> {
  const res = await db.collection('invitations').doc(id).get()
  const doc = (res.data as InvitationDoc[])[0]
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这个邀请')
  return doc
}

const LIST = 50

export async function invitations(
  input: ParsedInput<'lecturer', 'invitations'>,
  ctx: HandlerContext,
): Promise<{ items: InvitationView[] }> {
  const actor = await requireActor(ctx)
  const { db } = ctx
  if (input.box === 'mine') {
    const res = await db
      .collection('invitations')
      .where({ memberId: actor.memberId })
      .orderBy('createdAt', 'desc')
      .limit(LIST)
      .get()
    const docs = res.data as InvitationDoc[]
    // Pending first (they need an answer), each part newest first.
    const ordered = [...docs.filter((d) => d.status === 'pending'), ...docs.filter((d) => d.status !== 'pending')]
    return { items: ordered.map(invitationView) }
  }
  const org = await readOrg(db, input.orgId)
  if (!org) throw new AppError('NOT_FOUND')
  if (!managesLecturesOf(actor, nodeOf(org))) throw new AppError('FORBIDDEN')
  const res = await db
    .collection('invitations')
    .where({ fromOrgId: org._id })
    .orderBy('createdAt', 'desc')
    .limit(LIST)
    .get()
  return { items: (res.data as InvitationDoc[]).map(invitationView) }
}
