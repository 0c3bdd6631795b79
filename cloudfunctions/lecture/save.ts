/**
 * lecture.save: create a draft (no id) or edit a draft or published lecture. Reads the binding, the
 * host and co-host orgs (one query) and, to edit, the lecture, side by side; a newly named member lecturer
 * (lecturer.ts, 2 reads); a newly tied key topic (_shared/topics.ts, 1 read); then one write. An edit is a conditional update, so that a sign-up landing
 * meanwhile can never leave capacity below signedUp, nor another edit slip past the schedule rules; a new
 * capacity moves the free seats by the difference, and more seats go to the waitlist first.
 */
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import {
  assertCapacityFits,
  assertEditable,
  assertScheduleChange,
  type LectureFields,
  lectureFields,
  missingOrgsProblem,
  newLecture,
} from '../../src/shared/lectureRules'
import type { LectureDoc, OrgDoc } from '../../src/shared/model'
import { isBranchOfficer, managesLecturesOf } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import { newLectureId } from '../_shared/lectureIds'
import { hostOf, inOrder, loadLecture } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { fillSeats } from '../_shared/seats'
import { lectureTopic } from '../_shared/topics'
import { adminRoot } from './access'
import { assertLecturerNamable } from './lecturer'
import { assertCoverPicture } from './cover'
import { assertProfileActive } from './poolLecturer'

type Input = ParsedInput<'lecture', 'save'>

export async function saveLecture(input: Input, ctx: HandlerContext): Promise<{ id: string }> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const { db, now } = ctx
  const values = input.lecture
  const orgIds = [values.hostOrgId, ...values.coHostOrgIds]
  const [actor, [orgs, existing]] = await inOrder(
    requireActor(ctx),
    inOrder(loadOrgs(db, orgIds), input.id ? loadLecture(db, input.id) : Promise.resolve(undefined)),
  )
  if (!isBranchOfficer(actor.roles) && !adminRoot(actor)) throw new AppError('FORBIDDEN')
  const host = orgs.find((o) => o._id === values.hostOrgId)
  if (!host) throw new AppError('INVALID_INPUT', `主办单位不存在：${values.hostOrgId}`)
  if (!managesLecturesOf(actor, { id: host._id, ancestors: host.path })) throw new AppError('FORBIDDEN')
  if (existing && !managesLecturesOf(actor, hostOf(existing))) throw new AppError('FORBIDDEN')
  // A closed node hosts no new lecture, and its lectures are not edited any more (design15.md).
  if (host.closedAt) throw new AppError('NODE_CLOSED')
  const missing = missingOrgsProblem(
    values.coHostOrgIds,
    orgs.map((o) => o._id),
  )
  if (missing) throw new AppError('INVALID_INPUT', missing)
  const fields = lectureFields(values, host)
  Object.assign(fields, await lectureTopic(db, values.topicId, fields, existing))
  // A new cover must be a picture uploaded as one (the contract checked its path; these are its bytes).
  if (fields.coverFileId && fields.coverFileId !== existing?.coverFileId) await assertCoverPicture(fields.coverFileId)

  await assertProfileActive(db, fields.lecturer, existing)
  if (!existing) {
    await assertLecturerNamable(db, actor, fields.lecturer.memberId, existing)
    const id = newLectureId()
    await db.collection('lectures').add({ _id: id, ...newLecture(fields, actor.memberId, now) })
    return { id }
  }
  assertEditable(existing.status)
  assertCapacityFits(fields.capacity, existing.signedUp)
  assertScheduleChange(existing, fields, now)
  await assertLecturerNamable(db, actor, fields.lecturer.memberId, existing)
  await editLecture(db, existing, fields, now)
  return { id: existing._id }
}

/**
 * The edit rules judged the stored status and times (assertScheduleChange): the write holds only while they
 * are still so, so that two edits at once cannot both pass on what the other one changes.
 */
const asJudged = (l: LectureDoc) => ({ _id: l._id, status: l.status, startAt: l.startAt, endAt: l.endAt })

async function loadOrgs(db: Database, ids: string[]): Promise<OrgDoc[]> {
  const _ = db.command
  const res = await db
    .collection('orgs')
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get()
  return res.data as OrgDoc[]
}

/**
 * Replaces what the form decides and keeps the counters. Objects and arrays are set whole (the SDK
 * would otherwise merge them field by field); optional fields the form left empty are removed.
 */
async function editLecture(db: Database, existing: LectureDoc, fields: LectureFields, now: Date): Promise<void> {
  const _ = db.command
  const changes: Record<string, unknown> = { updatedAt: now }
  for (const [key, value] of Object.entries(fields)) {
    changes[key] = value !== null && typeof value === 'object' && !(value instanceof Date) ? _.set(value) : value
  }
  if (!fields.coverFileId && existing.coverFileId) changes.coverFileId = _.remove()
  if (!fields.topicId && existing.topicId) Object.assign(changes, { topicId: _.remove(), topicTitle: _.remove() })
  // Free seats move by the change of capacity, on the capacity read (an edit meanwhile misses) and never below 0.
  const more = fields.capacity - existing.capacity
  if (more) changes.seatsFree = _.inc(more)
  const res = await db
    .collection('lectures')
    .where({
      ...asJudged(existing),
      capacity: existing.capacity,
      signedUp: _.lte(fields.capacity),
      ...(more < 0 ? { seatsFree: _.gte(-more) } : {}),
    })
    .update(changes)
  if ((res as { updated?: number }).updated) {
    if (more > 0) await fillSeats(db, existing._id, now) // the new seats go to the waitlist first
    return
  }
  // Changed since it was read (cancelled, published, moved, or filled up): explain with the lecture as it is now.
  const current = await loadLecture(db, existing._id)
  assertEditable(current.status)
  assertCapacityFits(fields.capacity, current.signedUp)
  assertScheduleChange(current, fields, now)
  // The counters disagree (a function died between two steps): a refresh will not help, the repair will.
  if (current.capacity === existing.capacity && current.seatsFree < current.capacity - current.signedUp) {
    throw new AppError('INVALID_STATE', '这场党课的名额记录与报名不一致，系统每小时自动核对一次，请一小时后再修改人数')
  }
  throw new AppError('INVALID_STATE', '党课刚刚有变动，请刷新后再试')
}
