/**
 * topic.save, topic.publish, topic.withdraw: an administrator keeps their node's list (topicRules
 * keepsTopicsOf). Every change is one conditional update on the status that was judged, so that a publish and
 * an edit at once cannot both pass. A new topic: binding, node, one add; a change: binding and topic side by
 * side, one update.
 */
import { chinaYear } from '../../src/shared/chinaTime'
import type { ParsedInput, TopicView } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { TopicDoc } from '../../src/shared/model'
import type { Actor } from '../../src/shared/rights'
import { keepsTopic, keepsTopicsOf } from '../../src/shared/topicRules'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import { inOrder } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { loadTopic } from '../_shared/topics'
import { adminRoot } from '../_shared/visibility'
import { loadOrg, toTopicView } from './view'

type Status = TopicDoc['status']

export async function saveTopic(input: ParsedInput<'topic', 'save'>, ctx: HandlerContext): Promise<TopicView> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const { db, now } = ctx
  if (input.id) {
    const { actor, topic } = await keptTopic(ctx, input.id)
    if (topic.status === 'published') throw new AppError('INVALID_STATE', '已发布的选题不能修改，请先撤回再修改')
    const changes = { ...input.topic, updatedAt: now }
    await changeIf(db, topic, [topic.status], changes)
    return toTopicView({ ...topic, ...changes }, actor)
  }
  const actor = await requireActor(ctx)
  const root = adminRoot(actor)
  const org = root ? await loadOrg(db, root) : undefined
  if (!org || !keepsTopicsOf(actor, { id: org._id, kind: org.kind })) {
    throw new AppError('FORBIDDEN', '重点选题由市级、区县级组织部门的管理员发布')
  }
  if (org.closedAt) throw new AppError('NODE_CLOSED')
  const doc: Omit<TopicDoc, '_id'> = {
    year: input.year ?? chinaYear(now),
    ...input.topic,
    orgId: org._id,
    orgName: org.name,
    orgPath: [...org.path, org._id],
    status: 'draft',
    // Creation order: the list shows a node's topics in the order they were written.
    order: now.getTime(),
    createdBy: actor.memberId,
    createdAt: now,
    updatedAt: now,
  }
  const res = await db.collection('topics').add(doc)
  return toTopicView({ _id: String(res.id), ...doc }, actor)
}

export async function publishTopic(input: ParsedInput<'topic', 'publish'>, ctx: HandlerContext): Promise<TopicView> {
  return move(ctx, input.id, ['draft', 'withdrawn'], 'published')
}

/** Lectures already tied keep their topic; no new lecture or proposal may take it. */
export async function withdrawTopic(input: ParsedInput<'topic', 'withdraw'>, ctx: HandlerContext): Promise<TopicView> {
  return move(ctx, input.id, ['published'], 'withdrawn')
}

async function move(ctx: HandlerContext, id: string, from: Status[], to: Status): Promise<TopicView> {
  const { actor, topic } = await keptTopic(ctx, id)
  if (topic.status === to) return toTopicView(topic, actor) // a repeated tap
  const changes: Partial<TopicDoc> = { status: to, updatedAt: ctx.now }
  if (to === 'published') changes.publishedAt = ctx.now
  await changeIf(ctx.db, topic, from, changes)
  return toTopicView({ ...topic, ...changes }, actor)
}

/** The caller and a topic of the list they keep, read side by side. */
async function keptTopic(ctx: HandlerContext, id: string): Promise<{ actor: Actor; topic: TopicDoc }> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const [actor, topic] = await inOrder(requireActor(ctx), loadTopic(ctx.db, id))
  if (!topic) throw new AppError('NOT_FOUND')
  if (!keepsTopic(actor, topic)) throw new AppError('FORBIDDEN', '只能修改本级发布的重点选题')
  return { actor, topic }
}

/** One conditional update on the status judged; a change meanwhile is refused, never overwritten. */
async function changeIf(db: Database, topic: TopicDoc, from: Status[], changes: object): Promise<void> {
  const _ = db.command
  if (!from.includes(topic.status)) throw new AppError('INVALID_STATE', '这个选题的状态不允许这样操作')
  const res = await db
    .collection('topics')
    .where({ _id: topic._id, status: _.in(from) })
    .update(changes)
  if (!(res as { updated?: number }).updated) throw new AppError('INVALID_STATE', '选题刚刚有变动，请刷新后再试')
}
