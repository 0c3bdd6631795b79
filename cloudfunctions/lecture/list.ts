/**
 * lecture.list: the published lectures the caller may see that have not ended, soonest first, one page
 * per call. Two database calls for any page: the caller's binding and one query that holds every
 * condition (visibility, filter, theme, search, the page's start).
 */
import type { LectureList, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { chinaWeek, escapeRegExp } from '../../src/shared/lectureRules'
import type { LectureDoc } from '../../src/shared/model'
import type { Actor } from '../../src/shared/rights'
import { findActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import { toSummary, WITHOUT_RATERS } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { visibleTo } from '../_shared/visibility'

type Input = ParsedInput<'lecture', 'list'>

export async function listLectures(input: Input, ctx: HandlerContext): Promise<LectureList> {
  const { db, now } = ctx
  const _ = db.command
  const actor = await findActor(ctx)
  const conditions = listedConditions(_, actor, now)
  if (input.theme) conditions.push({ theme: input.theme })
  conditions.push(...filterConditions(_, input.filter, actor, ctx))
  if (input.q) {
    const text = db.RegExp({ regexp: escapeRegExp(input.q), options: 'i' })
    conditions.push(_.or([{ title: text }, { 'lecturer.name': text }]))
  }
  if (input.after) {
    const at = new Date(input.after.startAt)
    conditions.push(_.or([{ startAt: _.gt(at) }, { startAt: at, _id: _.gt(input.after.id) }]))
  }
  // One more than a page tells whether another page exists.
  const res = await db
    .collection('lectures')
    .where(_.and(conditions))
    .orderBy('startAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(input.pageSize + 1)
    .field(WITHOUT_RATERS)
    .get()
  const docs = res.data as LectureDoc[]
  const page = docs.slice(0, input.pageSize).map(toSummary)
  const last = page[page.length - 1]
  return docs.length > input.pageSize && last
    ? { items: page, next: { startAt: last.startAt, id: last.id } }
    : { items: page }
}

/**
 * What every lecture list shows (this one and lecture.nearby): published, not ended, visible to the caller.
 * status first: the emulator (and an index in the cloud) narrows on the leading equalities.
 */
export function listedConditions(_: Database['command'], actor: Actor | undefined, now: Date): object[] {
  return [{ status: 'published' }, { endAt: _.gt(now) }, visibleTo(_, actor)]
}

function filterConditions(
  _: Database['command'],
  filter: Input['filter'],
  actor: Actor | undefined,
  { openid, now }: HandlerContext,
): object[] {
  switch (filter) {
    case 'upcoming':
      return []
    case 'thisWeek': {
      const week = chinaWeek(now)
      return [{ startAt: _.gte(week.start) }, { startAt: _.lt(week.end) }]
    }
    case 'openToAll':
      return [{ openToAll: true }]
    case 'myBranch':
      if (!actor) throw new AppError(openid ? 'NOT_A_MEMBER' : 'NOT_SIGNED_IN')
      return [_.or([{ hostOrgId: actor.branchId }, { coHostOrgIds: actor.branchId }])]
  }
}
