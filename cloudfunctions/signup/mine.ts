/**
 * signup.mine: the caller's sign-ups (upcoming or past) with their lectures, and the place on the waitlist
 * of each waitlisted one. Calls: binding 1, sign-ups 1, lectures 1 (`_id in`), and if any is waitlisted
 * one aggregate that counts who is ahead on every such lecture at once.
 */
import type { MyLectureItem, ParsedInput } from '../../src/shared/contract'
import type { LectureDoc, SignupDoc } from '../../src/shared/model'
import { canSeeLecture } from '../../src/shared/rights'
import { byScope, isHolding, isUpcoming, SHOWN_TO_MEMBER } from '../../src/shared/signupRules'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import { toSummary } from '../_shared/lectures'
import { newestFirst } from '../_shared/newest'
import type { HandlerContext } from '../_shared/router'

/** A member's most recent sign-ups; years of history beyond this are not what "my lectures" is for. */
const MAX_SIGNUPS = 100

export async function mySignups(
  input: ParsedInput<'signup', 'mine'>,
  ctx: HandlerContext,
): Promise<{ items: MyLectureItem[] }> {
  const { db, now } = ctx
  const _ = db.command
  const actor = await requireActor(ctx)
  const where = { memberId: actor.memberId, status: _.in([...SHOWN_TO_MEMBER]) }
  const signups = await newestFirst<SignupDoc>(db, 'signups', where, 'createdAt', MAX_SIGNUPS)
  if (!signups.length) return { items: [] }
  const lecturesRes = await db
    .collection('lectures')
    .where({ _id: _.in(signups.map((s) => s.lectureId)) })
    .limit(MAX_SIGNUPS)
    .get()
  const lectures = new Map((lecturesRes.data as LectureDoc[]).map((l) => [l._id, l]))
  const wanted = signups.filter((s) => {
    const lecture = lectures.get(s.lectureId)
    return lecture && lecture.status !== 'draft' && isUpcoming(lecture, now) === (input.scope === 'upcoming')
  })
  const ahead = await waitingAhead(
    db,
    wanted.filter((s) => s.status === 'waitlisted'),
  )
  const items = wanted.map((s) => {
    const item: MyLectureItem = { lecture: toSummary(lectures.get(s.lectureId)!), status: s.status }
    if (s.status === 'waitlisted') item.position = (ahead.get(s.lectureId) ?? 0) + 1
    if (s.status === 'declined' && s.reason) item.reason = s.reason
    const mayCancel = input.scope === 'upcoming' && isHolding(s.status)
    if (mayCancel && !canSeeLecture(actor, lectures.get(s.lectureId)!)) item.movedAway = true
    return item
  })
  return { items: byScope(items, input.scope) }
}

/** For each lecture, how many waitlisted sign-ups have a lower ticket than the member's: one aggregate. */
async function waitingAhead(db: Database, waitlisted: SignupDoc[]): Promise<Map<string, number>> {
  if (!waitlisted.length) return new Map()
  const _ = db.command
  const res = await db
    .collection('signups')
    .aggregate()
    .match(
      _.and([
        { status: 'waitlisted' },
        _.or(waitlisted.map((s) => ({ lectureId: s.lectureId, ticket: _.lt(s.ticket) }))),
      ]),
    )
    .group({ _id: '$lectureId', n: _.aggregate.sum(1) })
    .limit(waitlisted.length) // one group per lecture; without a limit the service answers 20
    .end()
  return new Map(((res as { data?: { _id: string; n: number }[] }).data ?? []).map((g) => [g._id, g.n]))
}
