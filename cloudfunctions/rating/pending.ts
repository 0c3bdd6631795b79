/**
 * rating.pending (待评价): lectures the caller attended whose window is open and that they have not rated.
 * Two database calls: the binding, then one aggregate of the caller's recent check-in records joined to their
 * lectures (the window setting comes from the instance's settings cache, a read a minute at most).
 */
import type { ParsedInput, PendingRating } from '../../src/shared/contract'
import type { CheckinDoc, LectureDoc } from '../../src/shared/model'
import { isRatingOpen, ratingWindow } from '../../src/shared/ratingRules'
import { requireActor } from '../_shared/actor'
import { toSummary } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { loadRatingSettings } from '../_shared/settings'

/** More than a member attends in a rating window. */
const MAX_RECORDS = 50
/** A check-in comes before the end; no lecture runs longer than this, so older check-ins are of closed windows. */
const LONGEST_LECTURE_MS = 2 * 24 * 3600_000

export async function pending(_input: ParsedInput<'rating', 'pending'>, ctx: HandlerContext) {
  const [actor, settings] = await Promise.all([requireActor(ctx), loadRatingSettings(ctx.db, ctx.now)])
  const _ = ctx.db.command
  const since = new Date(ctx.now.getTime() - settings.windowDays * 24 * 3600_000 - LONGEST_LECTURE_MS)
  const res = await ctx.db
    .collection('checkins')
    .aggregate()
    .match({ memberId: actor.memberId, checkedInAt: _.gte(since), status: _.in(['in', 'out']) })
    .lookup({ from: 'lectures', localField: 'lectureId', foreignField: '_id', as: 'lecture' })
    .limit(MAX_RECORDS)
    .end()
  const rows = (res as { data?: (CheckinDoc & { lecture: LectureDoc[] })[] }).data ?? []
  const items: PendingRating[] = rows
    .map((r) => r.lecture[0])
    .filter((l) => l && isRatingOpen(l, settings, ctx.now) && !l.ratedBy?.includes(actor.memberId))
    .sort((a, b) => a.endAt.getTime() - b.endAt.getTime())
    .map((l) => ({ lecture: toSummary(l), closesAt: ratingWindow(l, settings).closesAt.toISOString() }))
  return { items }
}
