/** lecture.list: published lectures that have not ended, soonest first, one page per call. */
import type { LectureList, LectureSummary, ParsedInput } from '../../src/shared/contract'
import type { LectureDoc } from '../../src/shared/model'
import type { HandlerContext } from '../_shared/router'

export async function listLectures(
  input: ParsedInput<'lecture', 'list'>,
  { db, now }: HandlerContext,
): Promise<LectureList> {
  const _ = db.command
  const conditions: object[] = [{ status: 'published', endAt: _.gt(now) }]
  if (input.theme) conditions.push({ theme: input.theme })
  if (input.after) {
    const at = new Date(input.after.startAt)
    conditions.push(_.or([{ startAt: _.gt(at) }, { startAt: at, _id: _.gt(input.after.id) }]))
  }
  // One database call: one more than a page tells whether another page exists.
  const res = await db
    .collection('lectures')
    .where(_.and(conditions))
    .orderBy('startAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(input.pageSize + 1)
    .get()
  const docs = res.data as LectureDoc[]
  const page = docs.slice(0, input.pageSize).map(toSummary)
  const last = page[page.length - 1]
  return docs.length > input.pageSize && last
    ? { items: page, next: { startAt: last.startAt, id: last.id } }
    : { items: page }
}

export function toSummary(doc: LectureDoc): LectureSummary {
  return {
    id: doc._id,
    title: doc.title,
    theme: doc.theme,
    lecturerName: doc.lecturer.name,
    hostOrgName: doc.hostOrgName,
    startAt: doc.startAt.toISOString(),
    endAt: doc.endAt.toISOString(),
    address: doc.venue.address,
    capacity: doc.capacity,
    seatsLeft: Math.max(0, doc.capacity - doc.signedUp),
    hours: doc.credit.hours,
  }
}
