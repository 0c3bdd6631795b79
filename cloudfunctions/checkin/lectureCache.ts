/**
 * Lectures for the check-in hot path, kept in the function instance for a few seconds: a hall of members
 * scanning within a minute reads the lecture once per instance instead of once per scan. A change (e.g. a
 * cancellation) reaches scans at most LECTURE_TTL_MS late; the secretary's actions read the lecture fresh.
 */
import type { LectureDoc } from '../../src/shared/model'
import type { Database } from '../_shared/cloud'
import { loadLecture } from '../_shared/lectures'

export const LECTURE_TTL_MS = 10_000
/** Enough for every lecture being held at once in an instance; the oldest go first. */
const MAX_ENTRIES = 500

const cache = new Map<string, { lecture: Promise<LectureDoc>; until: number }>()

/** The lecture (NOT_FOUND if there is none); concurrent first scans share one read. */
export function cachedLecture(db: Database, id: string, now: number): Promise<LectureDoc> {
  const hit = cache.get(id)
  if (hit && hit.until > now) return hit.lecture
  const lecture = loadLecture(db, id)
  cache.delete(id)
  cache.set(id, { lecture, until: now + LECTURE_TTL_MS })
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string)
  // A failed read (missing lecture, network) is not remembered.
  lecture.catch(() => cache.get(id)?.lecture === lecture && cache.delete(id))
  return lecture
}
