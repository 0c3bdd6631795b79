/**
 * A lecturer's computed record: the lectures given (held: published or finished, ended) with their profile
 * named, and the rating sums those lectures keep (LectureDoc.rating, moved by the rating function), added only
 * from lectures rated by MIN_RATINGS_SHOWN (_shared/ratingStats). One aggregate for any number of profiles.
 */
import type { LectureDoc } from '../../src/shared/model'
import type { Database } from '../_shared/cloud'
import { statsByLecturer, type LecturerStats } from '../_shared/ratingStats'

export type { LecturerStats }

export const HELD_STATUSES: LectureDoc['status'][] = ['published', 'finished']

/** Held lectures naming these profiles, as one condition. */
export function heldCondition(db: Database, profileIds: string[], now: Date): object {
  const _ = db.command
  return { 'lecturer.profileId': _.in(profileIds), status: _.in(HELD_STATUSES), endAt: _.lt(now) }
}

/** Per profile id: lectures given and their summed ratings. One database call. */
export const statsOf = (db: Database, profileIds: string[], now: Date): Promise<Map<string, LecturerStats>> =>
  statsByLecturer(db, 'profileId', profileIds, heldCondition(db, profileIds, now))
