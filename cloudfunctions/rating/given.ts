/**
 * rating.given (我讲的党课): the lectures naming the caller as their member lecturer, the lecturing hours they
 * were credited, the rating summary over those lectures and the newest comments without names. Database calls:
 * the binding (1), then side by side the lectures (index lecturerMemberId_startAt) and the caller's lecturing
 * ledger entries (2, 3), then the comments of the lectures rated by at least 3 (4; none when there is none).
 * Counts and averages come from each lecture's running sums: the ratings themselves are read only for comments.
 */
import type { GivenLecture, GivenLectures, ParsedInput } from '../../src/shared/contract'
import type { LectureDoc, LedgerEntryDoc } from '../../src/shared/model'
import { averagesOf, summarySums } from '../../src/shared/ratingRules'
import { ratingCommentsShown } from '../../src/shared/rights'
import { hoursYear } from '../../src/shared/studyHours'
import { requireActor } from '../_shared/actor'
import { toSummary, WITHOUT_RATERS } from '../_shared/lectures'
import { newestFirst } from '../_shared/newest'
import type { HandlerContext } from '../_shared/router'
import { commentsOf, commentView } from './ofLecture'

/** Lectures read: more than a busy secretary gives in years. */
const MAX_LECTURES = 200
const MAX_ENTRIES = 1000
const COMMENTS = 10

export async function given(_input: ParsedInput<'rating', 'given'>, ctx: HandlerContext): Promise<GivenLectures> {
  const { db } = ctx
  const _ = db.command
  const actor = await requireActor(ctx)
  const me = actor.memberId
  const [lectures, entries] = await Promise.all([
    newestFirst<LectureDoc>(
      db,
      'lectures',
      { 'lecturer.memberId': me, status: _.neq('draft') },
      'startAt',
      MAX_LECTURES,
      undefined,
      WITHOUT_RATERS,
    ),
    newestFirst<LedgerEntryDoc>(db, 'ledger', { memberId: me, source: 'lecturing' }, 'at', MAX_ENTRIES),
  ])
  const credited = new Map<string, number>()
  for (const e of entries) if (e.lectureId) credited.set(e.lectureId, (credited.get(e.lectureId) ?? 0) + e.hours)
  const row = (l: LectureDoc): GivenLecture => {
    const out: GivenLecture = {
      lecture: toSummary(l),
      credited: credited.get(l._id) ?? 0,
      count: l.rating?.count ?? 0,
    }
    const averages = averagesOf(l.rating)
    if (averages) out.averages = averages
    return out
  }
  const now = ctx.now.getTime()
  const isUpcoming = (l: LectureDoc) => l.status === 'published' && l.endAt.getTime() > now
  const year = hoursYear(ctx.now)
  const sums = summarySums(lectures.map((l) => l.rating))
  const summary: GivenLectures['summary'] = { count: sums.count }
  const averages = averagesOf(sums)
  if (averages) summary.averages = averages
  // Comments without names: only of lectures whose own count hides who wrote them (rights.ratingCommentsShown).
  const shown = lectures.filter((l) => ratingCommentsShown('anonymous', l.rating?.count ?? 0))
  const titles = new Map(shown.map((l) => [l._id, l.title]))
  const docs = shown.length ? await commentsOf(db, { lectureId: _.in([...titles.keys()]) }, 0, COMMENTS) : []
  return {
    upcoming: lectures.filter(isUpcoming).reverse().map(row),
    past: lectures.filter((l) => !isUpcoming(l)).map(row),
    hours: {
      year,
      thisYear: sum(entries.filter((e) => e.year === year)),
      total: sum(entries),
    },
    summary,
    comments: docs.map((d) => ({ ...commentView(d, false), lectureTitle: titles.get(d.lectureId) ?? '' })),
  }
}

const sum = (entries: readonly LedgerEntryDoc[]) => Math.round(entries.reduce((s, e) => s + e.hours, 0) * 10) / 10
