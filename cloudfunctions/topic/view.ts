/** A stored topic as pages see it, and reading the nodes that keep lists. */
import type { TopicView } from '../../src/shared/contract'
import type { OrgDoc, TopicDoc } from '../../src/shared/model'
import type { Actor } from '../../src/shared/rights'
import { keepsTopic } from '../../src/shared/topicRules'
import type { Database } from '../_shared/cloud'

/** Topics a list holds at most: a city's year has a dozen or two, each district a few. */
export const TOPIC_LIMIT = 200

export function toTopicView(doc: TopicDoc, actor: Actor | undefined): TopicView {
  const { _id: id, year, title, description, department, orgId, orgName, status } = doc
  return {
    id,
    year,
    title,
    description,
    department,
    orgId,
    orgName,
    status,
    canManage: !!actor && keepsTopic(actor, doc),
  }
}

export async function loadOrg(db: Database, id: string): Promise<OrgDoc | undefined> {
  const res = await db.collection('orgs').doc(id).get()
  return (res.data as OrgDoc[])[0]
}
