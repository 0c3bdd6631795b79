/**
 * The year's key topics (重点选题, 点题; issue 8): who keeps a list, which lecture or proposal may answer a
 * topic, and what a topic is made of. Pure rules; the topic function, lecture.save and proposal.propose apply
 * them on the server.
 */
import { chinaYear } from './chinaTime'
import type { OrgKind, TopicDoc } from './model'
import type { Actor } from './rights'

/**
 * Nodes that keep a list: the city, and a district (区县 / 功能区, and the city-level work committees that sit
 * at the same level, 市直工委). Streets and below answer topics, they do not set them.
 */
export const TOPIC_KINDS: readonly OrgKind[] = ['city', 'district', 'committee']

/** Departments the source document names as having asked for topics (a form offers them; others may be typed). */
export const TOPIC_DEPARTMENTS = [
  '市委组织部',
  '市纪委监委',
  '市委宣传部',
  '市发改委',
  '市生态环境局',
  '市委市直机关工委',
  '市委教育工委',
  '市税务局',
] as const

export const TOPIC_LIMITS = { title: 40, description: 300, department: 30 } as const

/**
 * A list is kept by the administrators of its own node: a city administrator publishes the city's topics, a
 * district administrator their district's only. Administering a node above is not enough (the city does
 * not write a district's list) and a street administrator has no list.
 */
export function keepsTopicsOf(actor: Actor, node: { id: string; kind: OrgKind }): boolean {
  return actor.roles.includes('admin') && actor.adminOrgId === node.id && TOPIC_KINDS.includes(node.kind)
}

/** A stored topic's keepers: its node's administrators (the kind was checked when it was made). */
export const keepsTopic = (actor: Actor, topic: Pick<TopicDoc, 'orgId'>) =>
  actor.roles.includes('admin') && actor.adminOrgId === topic.orgId

/** Drafts and withdrawn topics are seen by administrators of the topic's node or any node above it. */
export function seesUnpublished(actor: Actor, topic: Pick<TopicDoc, 'orgPath'>): boolean {
  return actor.roles.includes('admin') && !!actor.adminOrgId && topic.orgPath.includes(actor.adminOrgId)
}

/** Where a lecture or proposal stands: its node's path (root first, the node itself last) and its date. */
export interface TopicUse {
  path: string[]
  at: Date
}

/**
 * A lecture or proposal may take a topic that is published, of the year in which the lecture takes place
 * (China time; a proposal: the year it is made), and set by a node on its path (the city's, or its own
 * district's). Anything else is TOPIC_UNAVAILABLE.
 */
export function topicFits(topic: Pick<TopicDoc, 'status' | 'year' | 'orgId'>, use: TopicUse): boolean {
  return topic.status === 'published' && topic.year === chinaYear(use.at) && use.path.includes(topic.orgId)
}

/**
 * An edit is checked again only where the tie could have gone wrong: a new topic, a lecture moved to another
 * year or node. A topic withdrawn after lectures took it does not block their other edits.
 */
export function topicTieChanged(
  before: { topicId?: string; hostOrgId: string; startAt: Date } | undefined,
  after: { topicId?: string; hostOrgId: string; startAt: Date },
): boolean {
  if (!after.topicId) return false
  if (!before) return true
  return (
    before.topicId !== after.topicId ||
    before.hostOrgId !== after.hostOrgId ||
    chinaYear(before.startAt) !== chinaYear(after.startAt)
  )
}

/** Published topics the caller's scope shows first: the city's, then the district's; each in its own order. */
export function byListOrder(a: Pick<TopicDoc, 'orgPath' | 'order'>, b: Pick<TopicDoc, 'orgPath' | 'order'>): number {
  return a.orgPath.length - b.orgPath.length || a.order - b.order
}
