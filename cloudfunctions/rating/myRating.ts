/**
 * rating.myRating: the rating page of one lecture: the lecture, its window, and the caller's rating as stored
 * if they gave one. One aggregate (standing.ts), plus the rating's read for a member who attended.
 */
import type { ActionOutput, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { RatingDoc } from '../../src/shared/model'
import { attended, rateRefusal, ratingId, ratingWindow } from '../../src/shared/ratingRules'
import { toSummary } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { toMyRating } from './rate'
import { standingOf } from './standing'

type Out = ActionOutput<'rating', 'myRating'>

export async function myRating(input: ParsedInput<'rating', 'myRating'>, ctx: HandlerContext): Promise<Out> {
  const { actor, lecture, record, settings } = await standingOf(ctx, input.lectureId)
  // Only those who attended see this page: anyone else learns nothing of the lecture here.
  if (!lecture || !attended(record)) throw new AppError('NOT_ATTENDED')
  const res = await ctx.db.collection('ratings').doc(ratingId(lecture._id, actor.memberId)).get()
  const stored = (res.data as RatingDoc[])[0]
  const w = ratingWindow(lecture, settings)
  const out: Out = {
    lecture: toSummary(lecture),
    state: stateOf(stored, rateRefusal(record, lecture, settings, ctx.now)),
    opensAt: w.opensAt.toISOString(),
    closesAt: w.closesAt.toISOString(),
  }
  if (stored) out.mine = toMyRating(stored)
  return out
}

function stateOf(stored: RatingDoc | undefined, refusal: ReturnType<typeof rateRefusal>): Out['state'] {
  if (stored) return 'rated'
  if (refusal === 'RATING_NOT_OPEN') return 'notOpen'
  if (refusal === 'RATING_CLOSED') return 'closed'
  return 'open'
}
