/** A key topic (点题) as lecture.save and proposal.propose take it: read, checked in scope, copied by title. */
import { AppError } from '../../src/shared/errors'
import type { LectureDoc, TopicDoc } from '../../src/shared/model'
import { topicFits, topicTieChanged, type TopicUse } from '../../src/shared/topicRules'
import type { Database } from './cloud'

export async function loadTopic(db: Database, id: string): Promise<TopicDoc | undefined> {
  const res = await db.collection('topics').doc(id).get()
  return (res.data as TopicDoc[])[0]
}

/** The fields a lecture or proposal stores for its topic, or TOPIC_UNAVAILABLE (missing, unpublished, out of scope). */
export function topicTie(topic: TopicDoc | undefined, use: TopicUse): { topicId: string; topicTitle: string } {
  if (!topic || !topicFits(topic, use)) throw new AppError('TOPIC_UNAVAILABLE')
  return { topicId: topic._id, topicTitle: topic.title }
}

/**
 * A saved lecture's topic fields: checked when the tie is new or the lecture moved to another year or host
 * (topicRules.topicTieChanged), else kept as stored. Empty when the form chose no topic.
 */
export async function lectureTopic(
  db: Database,
  topicId: string | undefined,
  lecture: Pick<LectureDoc, 'hostOrgId' | 'hostPath' | 'startAt'>,
  existing: LectureDoc | undefined,
): Promise<Partial<Pick<LectureDoc, 'topicId' | 'topicTitle'>>> {
  if (!topicId) return {}
  if (existing?.topicTitle && !topicTieChanged(existing, { ...lecture, topicId })) {
    return { topicId, topicTitle: existing.topicTitle }
  }
  const use = { path: [...lecture.hostPath, lecture.hostOrgId], at: lecture.startAt }
  return topicTie(await loadTopic(db, topicId), use)
}
