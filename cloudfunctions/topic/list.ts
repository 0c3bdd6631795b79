/**
 * topic.list and topic.choices: the year's list as a member reads it (the city's and their district's
 * published topics; keepers and the administrators above them also drafts and withdrawn ones), and the
 * published topics a lecture or proposal may take. Two or three database calls, the reads side by side.
 */
import { chinaYear } from '../../src/shared/chinaTime'
import type { ParsedInput, TopicChoice, TopicList } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { TopicDoc } from '../../src/shared/model'
import { byListOrder, keepsTopicsOf } from '../../src/shared/topicRules'
import { requireActor } from '../_shared/actor'
import { inOrder } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { adminRoot } from '../_shared/visibility'
import { loadOrg, TOPIC_LIMIT, toTopicView } from './view'

export async function listTopics(input: ParsedInput<'topic', 'list'>, ctx: HandlerContext): Promise<TopicList> {
  const { db } = ctx
  const _ = db.command
  const actor = await requireActor(ctx)
  const year = input.year ?? chinaYear(ctx.now)
  const root = adminRoot(actor)
  const scope: object[] = [{ status: 'published', orgId: _.in(actor.path) }]
  if (root) scope.push({ orgPath: root })
  const [res, org] = await Promise.all([
    db
      .collection('topics')
      .where(_.and([{ year }, _.or(scope)]))
      .limit(TOPIC_LIMIT)
      .get(),
    root ? loadOrg(db, root) : undefined,
  ])
  const items = (res.data as TopicDoc[]).sort(byListOrder).map((t) => toTopicView(t, actor))
  const keeps = org && keepsTopicsOf(actor, { id: org._id, kind: org.kind }) && !org.closedAt
  return keeps ? { year, items, keeps: { id: org._id, name: org.name } } : { year, items }
}

export async function topicChoices(
  input: ParsedInput<'topic', 'choices'>,
  ctx: HandlerContext,
): Promise<{ items: TopicChoice[] }> {
  const { db } = ctx
  const _ = db.command
  const [actor, org] = await inOrder(
    requireActor(ctx),
    input.orgId ? loadOrg(db, input.orgId) : Promise.resolve(undefined),
  )
  if (input.orgId && !org) throw new AppError('NOT_FOUND')
  const path = org ? [...org.path, org._id] : actor.path
  const res = await db
    .collection('topics')
    .where({ year: input.year, status: 'published', orgId: _.in(path) })
    .limit(TOPIC_LIMIT)
    .get()
  const items = (res.data as TopicDoc[])
    .sort(byListOrder)
    .map((t) => ({ id: t._id, title: t.title, orgName: t.orgName }))
  return { items }
}
