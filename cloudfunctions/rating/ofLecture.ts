/**
 * rating.ofLecture: one lecture's ratings as the caller may see them (rights.ratingSight). Database calls:
 *   1. one aggregate on the caller's binding joining the lecture and the caller's administered node (its kind
 *      decides whether names are shown: a join, not a read of its own);
 *   2. one page of comments, newest first, only when comments are shown.
 * The count and the averages come from the lecture's running sums (LectureDoc.rating): no read of the ratings.
 * Comments page by offset, not by a keyset: a rating's id holds its member's id, so it never leaves the server
 * for a viewer without names (a window closes after days, so the list stops moving).
 */
import type { ActionOutput, ParsedInput, RatingComment } from '../../src/shared/contract'
import { chinaDate } from '../../src/shared/chinaTime'
import { AppError } from '../../src/shared/errors'
import type { BindingDoc, LectureDoc, OrgKind, RatingDoc } from '../../src/shared/model'
import { averagesOf } from '../../src/shared/ratingRules'
import { ratingCommentsShown, ratingSight } from '../../src/shared/rights'
import { actorOf } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import { toSummary } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { bindingJoined } from './standing'

const PAGE_SIZE = 20

type Joined = BindingDoc & { lecture: LectureDoc[]; adminOrg: { kind: OrgKind }[] }

export async function ofLecture(input: ParsedInput<'rating', 'ofLecture'>, ctx: HandlerContext) {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const { db } = ctx
  const $ = db.command.aggregate
  const res = await db
    .collection('bindings')
    .aggregate()
    .match({ _id: ctx.openid })
    .lookup({
      from: 'lectures',
      // ratedBy lists the raters' member ids: never needed here.
      pipeline: $.pipeline().match({ _id: input.lectureId }).project({ ratedBy: 0 }).done(),
      as: 'lecture',
    })
    .lookup({ from: 'orgs', localField: 'adminOrgId', foreignField: '_id', as: 'adminOrg' })
    .limit(1)
    .end()
  const {
    lecture: [lecture],
    adminOrg: [adminOrg],
    ...binding
  } = bindingJoined<Joined>(res)
  if (!lecture || lecture.status === 'draft') throw new AppError('NOT_FOUND')
  const sight = ratingSight(actorOf(binding), lecture, adminOrg?.kind)
  if (!sight) throw new AppError('FORBIDDEN')
  const count = lecture.rating?.count ?? 0
  const commentsShown = ratingCommentsShown(sight, count)
  const out: ActionOutput<'rating', 'ofLecture'> = {
    lecture: toSummary(lecture),
    sight,
    count,
    commentsShown,
    comments: [],
  }
  const averages = averagesOf(lecture.rating)
  if (averages) out.averages = averages
  if (!commentsShown || count === 0) return out
  const docs = await commentsOf(db, { lectureId: lecture._id }, input.offset, PAGE_SIZE + 1)
  out.comments = docs.slice(0, PAGE_SIZE).map((d) => commentView(d, sight === 'named'))
  if (docs.length > PAGE_SIZE) out.next = input.offset + PAGE_SIZE
  return out
}

/** Ratings with a comment, newest first (index lectureId_createdAt). */
export async function commentsOf(db: Database, where: object, offset: number, limit: number): Promise<RatingDoc[]> {
  const _ = db.command
  const res = await db
    .collection('ratings')
    .where({ ...where, comment: _.neq('') })
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .skip(offset)
    .limit(limit)
    .get()
  return res.data as RatingDoc[]
}

/** Without names only the China calendar day: a time of day could tell who wrote it (who left first). */
export function commentView(d: RatingDoc, named: boolean): RatingComment {
  const at = named ? d.createdAt.toISOString() : chinaDate(d.createdAt)
  const view: RatingComment = { overall: d.overall, comment: d.comment, at }
  if (named) view.memberName = d.memberName
  return view
}
