/**
 * A lecturer picked from the 师资库 (lecturer.profileId): a newly given profile must be in the pool (one read)
 * and be the lecturer the form names (the same member, or none for an outsider or an invited lecturer, and the
 * same name), so a lecture cannot borrow another's profile and its ratings. A kept one was checked when picked
 * (a lecture of a lecturer removed since stays editable); the form may not change whom it names.
 */
import type { LectureInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc, LecturerDoc } from '../../src/shared/model'
import type { Database } from '../_shared/cloud'

type Named = Pick<LectureInput['lecturer'], 'name' | 'memberId' | 'profileId'>

const MISMATCH = '主讲人和师资库里选的不是同一个人，请从师资库重新选择这位主讲人'

const sameLecturer = (a: Named, b: Pick<Named, 'name' | 'memberId'>) =>
  a.name === b.name && (a.memberId ?? '') === (b.memberId ?? '')

export async function assertProfileActive(
  db: Database,
  lecturer: Named,
  stored: LectureDoc | undefined,
): Promise<void> {
  const { profileId } = lecturer
  if (!profileId) return
  if (profileId === stored?.lecturer.profileId) {
    if (!sameLecturer(lecturer, stored.lecturer)) throw new AppError('INVALID_INPUT', MISMATCH)
    return
  }
  const res = await db.collection('lecturers').doc(profileId).get()
  const profile = (res.data as LecturerDoc[])[0]
  if (!profile) throw new AppError('INVALID_INPUT', '师资库里没有这位主讲人')
  if (profile.status !== 'active') throw new AppError('LECTURER_REMOVED')
  if (!sameLecturer(lecturer, profile)) throw new AppError('INVALID_INPUT', MISMATCH)
}
