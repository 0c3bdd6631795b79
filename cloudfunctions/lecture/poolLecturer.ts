/**
 * A lecturer picked from the 师资库 (lecturer.profileId): a newly given profile must be in the pool (one read);
 * a kept one was checked when picked, so a lecture of a lecturer removed since stays editable.
 */
import { AppError } from '../../src/shared/errors'
import type { LectureDoc, LecturerDoc } from '../../src/shared/model'
import type { Database } from '../_shared/cloud'

export async function assertProfileActive(
  db: Database,
  profileId: string | undefined,
  stored: LectureDoc | undefined,
): Promise<void> {
  if (!profileId || profileId === stored?.lecturer.profileId) return
  const res = await db.collection('lecturers').doc(profileId).get()
  const profile = (res.data as LecturerDoc[])[0]
  if (!profile) throw new AppError('INVALID_INPUT', '师资库里没有这位主讲人')
  if (profile.status !== 'active') throw new AppError('LECTURER_REMOVED')
}
