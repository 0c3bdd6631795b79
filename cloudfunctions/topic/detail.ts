/**
 * topic.detail: one topic and the lectures tied to it that the caller may see (the same condition as
 * lecture.list, _shared/visibility.ts): upcoming soonest first, then held latest first. The binding and the
 * topic side by side, then the two lists side by side: four database calls in two round trips.
 */
import type { LectureSummary, ParsedInput, TopicView } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import { seesUnpublished } from '../../src/shared/topicRules'
import { findActor } from '../_shared/actor'
import { inOrder, toSummary, WITHOUT_RATERS } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { loadTopic } from '../_shared/topics'
import { visibleTo } from '../_shared/visibility'
import { toTopicView } from './view'

/** Lectures a topic page shows of each kind: a topic gathers some dozens in a year. */
const LECTURE_LIMIT = 50

export async function topicDetail(
  input: ParsedInput<'topic', 'detail'>,
  ctx: HandlerContext,
): Promise<{ topic: TopicView; upcoming: LectureSummary[]; held: LectureSummary[] }> {
  const { db, now } = ctx
  const _ = db.command
  const [actor, topic] = await inOrder(findActor(ctx), loadTopic(db, input.id))
  // A draft is not there yet for anyone but its keepers and the administrators above them.
  if (!topic || (topic.status === 'draft' && !(actor && seesUnpublished(actor, topic)))) {
    throw new AppError('NOT_FOUND')
  }
  const tied = [{ topicId: topic._id }, visibleTo(_, actor)]
  const [upcoming, held] = await Promise.all([
    db
      .collection('lectures')
      .where(_.and([...tied, { status: 'published' }, { endAt: _.gt(now) }]))
      .orderBy('startAt', 'asc')
      .limit(LECTURE_LIMIT)
      .field(WITHOUT_RATERS)
      .get(),
    db
      .collection('lectures')
      .where(_.and([...tied, { status: _.in(['published', 'finished']) }, { endAt: _.lte(now) }]))
      .orderBy('startAt', 'desc')
      .limit(LECTURE_LIMIT)
      .field(WITHOUT_RATERS)
      .get(),
  ])
  return {
    topic: toTopicView(topic, actor),
    upcoming: (upcoming.data as LectureDoc[]).map(toSummary),
    held: (held.data as LectureDoc[]).map(toSummary),
  }
}
