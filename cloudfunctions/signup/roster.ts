/**
 * signup.roster: every sign-up of a lecture in arrival order, with name, branch and state, and the count
 * of each state; for those who manage the lecture's host (rights.ts managesLecturesOf). Calls: binding and
 * lecture side by side 2, sign-ups 1 per 1000, branch names 1.
 */
import type { LectureRoster, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc, OrgDoc, SignupDoc } from '../../src/shared/model'
import { type Actor, managesLecturesOf } from '../../src/shared/rights'
import { countByStatus, rosterRows } from '../../src/shared/signupRules'
import { requireActor } from '../_shared/actor'
import { readByIds } from '../_shared/byIds'
import type { Database } from '../_shared/cloud'
import { hostOf, loadLecture, toSummary } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'

/** The most documents one read answers. */
const PAGE = 1000

export async function lectureRoster(
  input: ParsedInput<'signup', 'roster'>,
  ctx: HandlerContext,
): Promise<LectureRoster> {
  const { lecture } = await managedLecture(ctx, input.lectureId)
  return rosterOf(ctx.db, lecture)
}

/**
 * The caller and the lecture, read side by side; the caller's own refusal (not signed in, not a member)
 * comes first, then NOT_FOUND, then FORBIDDEN for a lecture they do not manage.
 */
export async function managedLecture(
  ctx: HandlerContext,
  lectureId: string,
): Promise<{ actor: Actor; lecture: LectureDoc }> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const [actor, lecture] = await Promise.allSettled([requireActor(ctx), loadLecture(ctx.db, lectureId)])
  if (actor.status === 'rejected') throw actor.reason
  if (lecture.status === 'rejected') throw lecture.reason
  if (!managesLecturesOf(actor.value, hostOf(lecture.value))) throw new AppError('FORBIDDEN')
  return { actor: actor.value, lecture: lecture.value }
}

export async function rosterOf(db: Database, lecture: LectureDoc): Promise<LectureRoster> {
  const signups: SignupDoc[] = []
  for (;;) {
    const res = await db
      .collection('signups')
      .where({ lectureId: lecture._id })
      .orderBy('ticket', 'asc')
      .skip(signups.length)
      .limit(PAGE)
      .get()
    const page = res.data as SignupDoc[]
    signups.push(...page)
    if (page.length < PAGE) break
  }
  const rows = rosterRows(signups, await branchNames(db, signups))
  return { lecture: toSummary(lecture), counts: countByStatus(rows), rows }
}

async function branchNames(db: Database, signups: SignupDoc[]): Promise<Map<string, string>> {
  const ids = [...new Set(signups.map((s) => s.branchId))]
  const orgs = await readByIds<Pick<OrgDoc, '_id' | 'name'>>(db, 'orgs', ids, { name: true })
  return new Map(orgs.map((o) => [o._id, o.name]))
}
