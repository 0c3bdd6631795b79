/**
 * lecture.publish, lecture.cancel, lecture.duplicate: a manager moves a lecture along its life. Each
 * reads the binding and the lecture side by side; a change of status is a conditional update, so that
 * two managers acting at once cannot both succeed.
 */
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { assertCancellable, assertPublishable, duplicateLecture } from '../../src/shared/lectureRules'
import type { LectureStatus } from '../../src/shared/model'
import type { Database } from '../_shared/cloud'
import { newLectureId } from '../_shared/lectureIds'
import type { HandlerContext } from '../_shared/router'
import { managedLecture } from '../_shared/lectures'

/** Sign-ups that hold or wait for a seat: the members who see a cancellation in the app. */
const ACTIVE_SIGNUPS = ['confirmed', 'waitlisted', 'pending']

export async function publishLecture(input: ParsedInput<'lecture', 'publish'>, ctx: HandlerContext) {
  const { lecture } = await managedLecture(ctx, input.id)
  assertPublishable(lecture, ctx.now)
  await changeStatus(ctx.db, lecture._id, 'draft', { status: 'published', updatedAt: ctx.now })
  return { id: lecture._id }
}

/**
 * Signed-up members keep their sign-up documents: the lecture's status and reason are what they see
 * on the lecture and in "my lectures".
 */
export async function cancelLecture(input: ParsedInput<'lecture', 'cancel'>, ctx: HandlerContext) {
  const { db, now } = ctx
  const { lecture } = await managedLecture(ctx, input.id)
  assertCancellable(lecture, now)
  await changeStatus(db, lecture._id, 'published', { status: 'cancelled', cancelReason: input.reason, updatedAt: now })
  const _ = db.command
  const res = await db
    .collection('signups')
    .where({ lectureId: lecture._id, status: _.in(ACTIVE_SIGNUPS) })
    .count()
  return { id: lecture._id, notified: res.total as number }
}

export async function duplicate(input: ParsedInput<'lecture', 'duplicate'>, ctx: HandlerContext) {
  const { actor, lecture } = await managedLecture(ctx, input.id)
  const id = newLectureId()
  await ctx.db.collection('lectures').add({ _id: id, ...duplicateLecture(lecture, actor.memberId, ctx.now) })
  return { id }
}

/** Moves a lecture out of `from`; refuses when someone else moved it first. */
async function changeStatus(db: Database, id: string, from: LectureStatus, changes: object): Promise<void> {
  const res = await db.collection('lectures').where({ _id: id, status: from }).update(changes)
  if (!(res as { updated?: number }).updated) throw new AppError('INVALID_STATE', '党课状态刚刚有变动，请刷新后再试')
}
