/**
 * Rating averages beyond one lecture (issue 8): per lecturer (a member, or a 师资库 profile) across their
 * lectures, and per hosting node over its whole subtree, for the lecturer pool and the reports. Each is ONE
 * aggregate over the lectures' running sums (LectureDoc.rating), never over the ratings themselves: a lecture
 * carries the sums of all its ratings, so the work grows with lectures, not with raters. Turn the sums into
 * what may be shown with ratingRules.averagesOf (under 3 ratings: 评价人数不足).
 */
import type { RatingSums } from '../../src/shared/model'
import { RATING_CRITERIA } from '../../src/shared/ratingRules'
import type { Database } from './cloud'

const SCORES = ['1', '2', '3', '4', '5'] as const

/** The $group fields that add up the sums of the grouped lectures (dist keys no rating moved count 0). */
function sumFields(db: Database): Record<string, unknown> {
  const $ = db.command.aggregate
  const fields: Record<string, unknown> = { count: $.sum('$rating.count') }
  for (const c of RATING_CRITERIA) fields[c] = $.sum(`$rating.sum.${c}`)
  for (const k of SCORES) fields[`d${k}`] = $.sum(`$rating.dist.${k}`)
  return fields
}

type Group = { _id: string } & Record<string, number>

function sumsOfGroup(g: Group): RatingSums {
  return {
    count: g.count ?? 0,
    sum: { overall: g.overall ?? 0, content: g.content ?? 0, delivery: g.delivery ?? 0, gain: g.gain ?? 0 },
    dist: { '1': g.d1 ?? 0, '2': g.d2 ?? 0, '3': g.d3 ?? 0, '4': g.d4 ?? 0, '5': g.d5 ?? 0 },
  }
}

const groupsOf = (res: unknown) => new Map(((res as { data?: Group[] }).data ?? []).map((g) => [g._id, sumsOfGroup(g)]))

/**
 * The summed ratings of each lecturer's lectures, by member id or by pool profile id (a lecturer with no rated
 * lecture is absent). One aggregate for any number of lecturers (a page of the pool).
 */
export async function sumsByLecturer(
  db: Database,
  by: 'memberId' | 'profileId',
  ids: readonly string[],
): Promise<Map<string, RatingSums>> {
  if (!ids.length) return new Map()
  const _ = db.command
  const field = `lecturer.${by}`
  const res = await db
    .collection('lectures')
    .aggregate()
    .match({ [field]: _.in([...ids]), 'rating.count': _.gt(0) })
    .group({ _id: `$${field}`, ...sumFields(db) })
    .limit(ids.length) // one group per lecturer; without a limit the service answers 20
    .end()
  return groupsOf(res)
}

/**
 * The summed ratings of the lectures hosted at each node or anywhere below it (a district's covers its streets'
 * and branches'); a node with no rated lecture is absent. A lecture counts for its host and every ancestor
 * (hostPath), so nodes that contain one another may be asked together.
 */
export async function sumsBySubtree(db: Database, nodeIds: readonly string[]): Promise<Map<string, RatingSums>> {
  if (!nodeIds.length) return new Map()
  const _ = db.command
  const $ = _.aggregate
  const ids = [...nodeIds]
  const res = await db
    .collection('lectures')
    .aggregate()
    .match(_.and([_.or([{ hostOrgId: _.in(ids) }, { hostPath: _.in(ids) }]), { 'rating.count': _.gt(0) }]))
    .project({ rating: 1, node: $.concatArrays(['$hostPath', ['$hostOrgId']]) })
    .unwind('$node')
    .match({ node: _.in(ids) })
    .group({ _id: '$node', ...sumFields(db) })
    .limit(ids.length)
    .end()
  return groupsOf(res)
}
