/**
 * A lecturer's computed record: the lectures given (held: published or finished, ended) with their profile
 * named, and the rating sums those lectures keep (LectureDoc.rating, moved by the rating function). One
 * aggregate for any number of profiles, grouped by `lecturer.profileId`.
 * (h-rate writes `_shared/ratingStats.ts` for per-lecturer and per-node averages; the lead joins the two.)
 */
import type { LectureDoc, RatingSums } from '../../src/shared/model'
import { emptySums } from '../../src/shared/ratingRules'
import type { Database } from '../_shared/cloud'

export interface LecturerStats {
  given: number
  sums: RatingSums
}

export const HELD_STATUSES: LectureDoc['status'][] = ['published', 'finished']

/** Held lectures naming these profiles, as one condition. */
export function heldCondition(db: Database, profileIds: string[], now: Date): object {
  const _ = db.command
  return { 'lecturer.profileId': _.in(profileIds), status: _.in(HELD_STATUSES), endAt: _.lt(now) }
}

const DIST = ['1', '2', '3', '4', '5'] as const

/** Per profile id: lectures given and their summed ratings. One database call. */
export async function statsOf(db: Database, profileIds: string[], now: Date): Promise<Map<string, LecturerStats>> {
  const stats = new Map<string, LecturerStats>()
  if (!profileIds.length) return stats
  const $ = db.command.aggregate
  const res = await db
    .collection('lectures')
    .aggregate()
    .match(heldCondition(db, profileIds, now))
    .group({
      _id: '$lecturer.profileId',
      given: $.sum(1),
      count: $.sum('$rating.count'),
      overall: $.sum('$rating.sum.overall'),
      content: $.sum('$rating.sum.content'),
      delivery: $.sum('$rating.sum.delivery'),
      gain: $.sum('$rating.sum.gain'),
      ...Object.fromEntries(DIST.map((d) => [`d${d}`, $.sum(`$rating.dist.${d}`)])),
    })
    .limit(profileIds.length) // an aggregate answers 20 rows without a limit (emulator/README.md)
    .end()
  type Row = { _id: string; given: number; count: number } & Record<string, number>
  for (const g of ((res as { data?: Row[] }).data ?? []) as Row[]) {
    const sums = emptySums()
    sums.count = g.count
    sums.sum = { overall: g.overall, content: g.content, delivery: g.delivery, gain: g.gain }
    for (const d of DIST) sums.dist[d] = g[`d${d}`]
    stats.set(g._id, { given: g.given, sums })
  }
  return stats
}
