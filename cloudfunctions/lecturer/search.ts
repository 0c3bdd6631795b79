/**
 * lecturer.search: the pool by name, theme, topic and district, sorted by average rating or lectures given.
 * The matching active profiles are read whole (a city's pool is hundreds, read at most MAX_POOL) with their
 * computed records in one aggregate, then sorted and sliced: 3 database calls whatever the page.
 */
import type { LecturerSummary, ParsedInput } from '../../src/shared/contract'
import { escapeRegExp } from '../../src/shared/lectureRules'
import type { LecturerDoc } from '../../src/shared/model'
import { requireActor } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'
import { summaryOf } from './profiles'
import { statsOf } from './stats'

/** The most profiles one search reads (one query's limit on the server SDK). */
export const MAX_POOL = 1000

export async function search(
  input: ParsedInput<'lecturer', 'search'>,
  ctx: HandlerContext,
): Promise<{ items: LecturerSummary[]; total: number }> {
  const actor = await requireActor(ctx)
  const { db } = ctx
  const where: Record<string, unknown> = { status: 'active' }
  if (input.q) where.name = db.RegExp({ regexp: escapeRegExp(input.q), options: 'i' })
  if (input.theme) where.themes = input.theme // an array field matches any of its elements
  if (input.topicId) where.topicIds = input.topicId
  if (input.districtId) where.districtId = input.districtId
  const res = await db.collection('lecturers').where(where).limit(MAX_POOL).get()
  const docs = res.data as LecturerDoc[]
  const stats = await statsOf(
    db,
    docs.map((d) => d._id),
    ctx.now,
  )
  const all = docs.map((d) => summaryOf(d, stats.get(d._id), actor)).sort(SORTS[input.sort])
  return { items: all.slice(input.offset, input.offset + input.pageSize), total: all.length }
}

type Order = (a: LecturerSummary, b: LecturerSummary) => number
/** Under 3 ratings there is no average to sort by: those come after every rated one. */
const byRating: Order = (a, b) => (b.rating?.average.overall ?? -1) - (a.rating?.average.overall ?? -1)
const byGiven: Order = (a, b) => b.given - a.given
const byName: Order = (a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')
const SORTS: Record<ParsedInput<'lecturer', 'search'>['sort'], Order> = {
  rating: (a, b) => byRating(a, b) || byGiven(a, b) || byName(a, b),
  given: (a, b) => byGiven(a, b) || byRating(a, b) || byName(a, b),
}
