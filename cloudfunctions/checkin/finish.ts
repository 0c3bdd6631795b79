/**
 * checkin.finish: the secretary closes a lecture after it started: status 'finished', and its lecturer, if a
 * member, gets the lecture's hours as lecturing credit, but only for a lecture that was held: enough
 * attendees, the lecturer not counted, checked themselves in on their own phone (checkinRules
 * lecturingCreditProblem; a secretary's check-ins by hand prove nothing about the hall). Otherwise the answer
 * says why no credit was given. Idempotent: finishing again changes nothing but may credit a lecture that
 * has since reached the count, and the credit's id (`lect:<lectureId>:<memberId>`) keeps it single.
 * Calls: binding, lecture and the check-in settings (cached) side by side 1, the conditional update 1, the
 * count of scans 1 (member lecturers only), the credit 1.
 */
import type { ParsedInput } from '../../src/shared/contract'
import { lecturingCreditProblem } from '../../src/shared/checkinRules'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import { addIfAbsent, type Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { inOrder, managedLecture } from '../_shared/lectures'
import { lecturingEntry } from '../_shared/ledger'
import { loadCheckinSettings } from '../_shared/settings'
import { SCAN_METHODS } from './record'

export async function finishLecture(
  input: ParsedInput<'checkin', 'finish'>,
  ctx: HandlerContext,
): Promise<{ lecturerCredited: boolean; notCreditedReason?: string }> {
  const { db, now } = ctx
  const [{ lecture }, settings] = await inOrder(managedLecture(ctx, input.lectureId), loadCheckinSettings(db, now))
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
  const scans = lecturer ? await scansBesides(db, lecture, lecturer) : 0
  const problem = lecturingCreditProblem(lecture, scans, settings)
  if (problem || !lecturer) return { lecturerCredited: false, notCreditedReason: problem }
  await addIfAbsent(db, 'ledger', lecturingEntry(lecture, lecturer))
  return { lecturerCredited: true }
}

/**
 * Attendees other than the lecturer checked in (or out) on their own phone in the hall; undone ones and
 * confirmed offline scans do not count.
 */
async function scansBesides(db: Database, lecture: LectureDoc, lecturer: string): Promise<number> {
  const _ = db.command
  const res = await db
    .collection('checkins')
    .where({
      lectureId: lecture._id,
      method: _.in([...SCAN_METHODS]),
      status: _.in(['in', 'out']),
      memberId: _.neq(lecturer),
      // A held offline scan the secretary confirmed is their word, not a scan in the hall.
      'review.decision': _.neq('confirmed'),
    })
    .count()
  return res.total as number
}
