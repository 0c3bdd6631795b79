/**
 * The member a lecture names as its lecturer, who earns its lecturing credit (rights.mayNameLecturer): checked
 * when newly named, on creation or when an edit names another member than the stored one (a kept lecturer
 * was checked when named, e.g. the member of an accepted proposal). Reads: none for the caller themselves or
 * a kept lecturer, else the member and their branch (2).
 */
import { AppError } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import { type Actor, mayNameLecturer } from '../../src/shared/rights'
import type { Database } from '../_shared/cloud'
import { memberAsActor } from '../_shared/members'

export async function assertLecturerNamable(
  db: Database,
  actor: Actor,
  memberId: string | undefined,
  stored: LectureDoc | undefined,
): Promise<void> {
  if (!memberId || memberId === stored?.lecturer.memberId) return
  const lecturer = memberId === actor.memberId ? actor : (await memberAsActor(db, memberId))?.actor
  if (!lecturer) throw new AppError('LECTURER_NOT_ALLOWED', '没有找到这位党员')
  const branch = { id: lecturer.branchId, ancestors: lecturer.path.slice(0, -1) }
  if (!mayNameLecturer(actor, { memberId, branch })) {
    throw new AppError('LECTURER_NOT_ALLOWED', `${lecturer.name}不是您所管理支部的党员`)
  }
}
