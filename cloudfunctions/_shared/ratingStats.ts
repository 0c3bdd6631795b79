/**
 * Rating averages beyond one lecture (issue 8): per lecturer (a member, or a 师资库 profile) across their
 * lectures, and per hosting node over its whole subtree, for the lecturer pool and the reports. Each is ONE
 * aggregate over the lectures' running sums (LectureDoc.rating), never over the ratings themselves: a lecture
 * carries the sums of all its ratings, so the work grows with lectures, not with raters. Turn the sums into
 * what may be shown with ratingRules.averagesOf (under 3 ratings: 评价人数不足).
 */
import type { RatingSums } from '../../src/shared/model'
import { MIN_RATINGS_SHOWN, RATING_CRITERIA } from '../../src/shared/ratingRules'
import type { Database } from './cloud'

const SCORES = ['1', '2', '3', '4', '5'] as const

/**
 * The $group fields that add up the sums of the grouped lectures (dist keys no rating moved count 0), each
 * lecture only from MIN_RATINGS_SHOWN ratings (ratingRules.countsInSummary): a $cond, documented for the
 * service at docs.cloudbase.net/api-reference/server/node-sdk/database/aggregate/operators/cond, so a group
 * may also count lectures whose ratings it leaves out.
 */
function sumFields(db: Database): Record<string, unknown> {
  const $ = db.command.aggregate
  const counted = (path: string) =>
    $.sum($.cond({ if: $.gte(['$rating.count', MIN_RATINGS_SHOWN]), then: `$${path}`, else: 0 }))
  const fields: Record<string, unknown> = { count: counted('rating.count') }
  for (const c of RATING_CRITERIA) fields[c] = counted(`rating.sum.${c}`)
  for (const k of SCORES) fields[`d${k}`] = counted(`rating.dist.${k}`)
  return fields
}

type Group = { _id: string; given: number } & Record<string, number>

function sumsOfGroup(g: Group): RatingSums {
  return {
    count: g.count ?? 0,
    sum: { overall: g.overall ?? 0, content: g.content ?? 0, delivery: g.delivery ?? 0, gain: g.gain ?? 0 },
    dist: { '1': g.d1 ?? 0, '2': g.d2 ?? 0, '3': g.d3 ?? 0, '4': g.d4 ?? 0, '5': g.d5 ?? 0 },
  }
}

const rowsOf = (res: unknown) => (res as { data?: Group[] }).data ?? []
const groupsOf = (res: unknown) => new Map(rowsOf(res).map((g) => [g._id, sumsOfGroup(g)]))

export interface LecturerStats {
  /** The lectures matched, rated or not. */
  given: number
  sums: RatingSums
}

/**
 * Per lecturer (member id or pool profile id): how many lectures match `where` and their summed ratings (only
 * of lectures rated by MIN_RATINGS_SHOWN). A lecturer with no matching lecture is absent. One aggregate.
 */
export async function statsByLecturer(
  db: Database,
  by: 'memberId' | 'profileId',
  ids: readonly string[],
  where: object = {},
): Promise<Map<string, LecturerStats>> {
  if (!ids.length) return new Map()
  const field = `lecturer.${by}`
  const res = await db
    .collection('lectures')
    .aggregate()
    .match({ ...where, [field]: db.command.in([...ids]) })
    .group({ _id: `$${field}`, given: db.command.aggregate.sum(1), ...sumFields(db) })
    .limit(ids.length) // one group per lecturer; without a limit the service answers 20
    .end()
  return new Map(rowsOf(res).map((g) => [g._id, { given: g.given, sums: sumsOfGroup(g) }]))
}

/**
 * The summed ratings of each lecturer's lectures rated by MIN_RATINGS_SHOWN, by member id or by pool profile
 * id (a lecturer with no such lecture is absent). One aggregate for any number of lecturers (a page of the pool).
 */
export async function sumsByLecturer(
  db: Database,
  by: 'memberId' | 'profileId',
  ids: readonly string[],
): Promise<Map<string, RatingSums>> {
  const stats = await statsByLecturer(db, by, ids, { 'rating.count': db.command.gte(MIN_RATINGS_SHOWN) })
  return new Map([...stats].map(([id, s]) => [id, s.sums]))
}

/**
 * The summed ratings of the lectures (rated by MIN_RATINGS_SHOWN) hosted at each node or anywhere below it (a district's covers its streets'
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
    .match(
      _.and([_.or([{ hostOrgId: _.in(ids) }, { hostPath: _.in(ids) }]), { 'rating.count': _.gte(MIN_RATINGS_SHOWN) }]),
    )
    .project({ rating: 1, node: $.concatArrays(['$hostPath', ['$hostOrgId']]) })
    .unwind('$node')
    .match({ node: _.in(ids) })
    .group({ _id: '$node', ...sumFields(db) })
    .limit(ids.length)
    .end()
  return groupsOf(res)
}
