/**
 * checkin.finish: the secretary closes a lecture after it started: status 'finished', and its lecturer, if a
 * member, gets the lecture's hours as lecturing credit. Idempotent: finishing again changes nothing and the
 * credit's id (`lect:<lectureId>:<memberId>`) keeps it single. Calls: binding and lecture side by side 1,
 * the conditional update 1, the credit 1.
 */
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { addIfAbsent } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { managedLecture } from '../_shared/lectures'
import { lecturingEntry } from '../_shared/ledger'

export async function finishLecture(
  input: ParsedInput<'checkin', 'finish'>,
  ctx: HandlerContext,
): Promise<{ lecturerCredited: boolean }> {
  const { db, now } = ctx
  const { lecture } = await managedLecture(ctx, input.lectureId)
  if (lecture.status === 'cancelled') throw new AppError('LECTURE_CANCELLED')
  if (lecture.status === 'draft') throw new AppError('INVALID_STATE', '党课还没有发布')
  if (now.getTime() < lecture.startAt.getTime()) throw new AppError('INVALID_STATE', '党课开始以后才能结束')
  if (lecture.status === 'published') {
    await db
      .collection('lectures')
      .where({ _id: lecture._id, status: 'published' })
      .update({ status: 'finished', finishedAt: now, updatedAt: now })
  }
  const lecturer = lecture.lecturer.memberId
  if (!lecturer || lecture.credit.hours <= 0) return { lecturerCredited: false }
  await addIfAbsent(db, 'ledger', lecturingEntry(lecture, lecturer))
  return { lecturerCredited: true }
}
