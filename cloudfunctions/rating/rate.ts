/**
 * rating.rate: a member rates a lecture they attended, once. Three database calls:
 *   1. one aggregate: the caller's binding, the lecture, their check-in record, the window setting (standing.ts);
 *   2. add the rating with `_id` `${lectureId}:${memberId}`: the database refuses a second one;
 *   3. one conditional update of the lecture: `_.inc` on every sum the rating moves and `ratedBy` pushed the
 *      member, only where `ratedBy` does not hold them yet.
 * Why this order survives a crash: the rating is stored before it is counted, and counting is conditional on a
 * mark written atomically with the counts (the same update of the same document). Killed between 2 and 3, the
 * rating is stored but not counted; the retry finds it (duplicate id), reads it (one more call, only then) and
 * counts the STORED scores, once: the condition stops a second count, whatever runs in parallel. Killed after
 * 3, the retry sees the mark in call 1 and counts nothing. The other order (count, then store) could count a
 * rating that is never stored. A transaction would cost more calls (begin, two writes, commit) for the same.
 *
 * A retry or double tap of the same rating answers the stored rating, as the first call did (20 taps: 20 times
 * the same answer, one rating, counted once); a different rating for a lecture already rated answers
 * ALREADY_RATED. Both write nothing new.
 */
import type { MyRating, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc, RatingDoc } from '../../src/shared/model'
import {
  RATING_CRITERIA,
  type RatingValues,
  rateRefusal,
  ratingId,
  sameRating,
  sumsIncrements,
} from '../../src/shared/ratingRules'
import type { Actor } from '../../src/shared/rights'
import { addIfAbsent, type Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { standingOf } from './standing'

export async function rate(input: ParsedInput<'rating', 'rate'>, ctx: HandlerContext): Promise<MyRating> {
  const { actor, lecture, record, settings, counted } = await standingOf(ctx, input.lectureId)
  const refused = rateRefusal(record, lecture, settings, ctx.now)
  if (refused) throw new AppError(refused)
  const id = ratingId(input.lectureId, actor.memberId)
  const doc = ratingDoc(id, input, lecture!, actor, ctx.now)
  const stored = counted
    ? await storedRating(ctx.db, id)
    : (await addIfAbsent(ctx.db, 'ratings', doc))
      ? doc
      : await storedRating(ctx.db, id)
  if (!counted) await count(ctx.db, lecture!._id, actor.memberId, stored)
  if (stored !== doc && !sameRating(stored, input)) throw new AppError('ALREADY_RATED')
  return toMyRating(stored)
}

function ratingDoc(_id: string, input: RatingValues, lecture: LectureDoc, actor: Actor, now: Date): RatingDoc {
  const doc: RatingDoc = {
    _id,
    lectureId: lecture._id,
    memberId: actor.memberId,
    memberName: actor.name,
    hostOrgId: lecture.hostOrgId,
    hostPath: lecture.hostPath,
    overall: input.overall,
    content: input.content,
    delivery: input.delivery,
    gain: input.gain,
    comment: input.comment,
    createdAt: now,
  }
  if (lecture.lecturer.memberId) doc.lecturerMemberId = lecture.lecturer.memberId
  if (lecture.lecturer.profileId) doc.lecturerProfileId = lecture.lecturer.profileId
  return doc
}

async function storedRating(db: Database, id: string): Promise<RatingDoc> {
  const res = await db.collection('ratings').doc(id).get()
  const doc = (res.data as RatingDoc[])[0]
  if (!doc) throw new Error(`rating ${id} counted on its lecture but not stored`)
  return doc
}

/** Adds the rating to the lecture's sums unless `ratedBy` shows it counted already (see the top). */
async function count(db: Database, lectureId: string, memberId: string, r: RatingDoc): Promise<void> {
  const _ = db.command
  const data: Record<string, unknown> = { ratedBy: _.push([memberId]) }
  for (const [path, n] of Object.entries(sumsIncrements(r))) data[path] = _.inc(n)
  await db
    .collection('lectures')
    .where({ _id: lectureId, ratedBy: _.neq(memberId) })
    .update(data)
}

export function toMyRating(r: RatingDoc): MyRating {
  const out = { lectureId: r.lectureId, comment: r.comment, createdAt: r.createdAt.toISOString() } as MyRating
  for (const c of RATING_CRITERIA) out[c] = r[c]
  return out
}
