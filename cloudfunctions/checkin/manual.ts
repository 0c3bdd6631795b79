/**
 * The secretary's side of check-in: manual check-in and undo, each with a reason, and check-in by the
 * member's personal code. Rights: whoever manages the lecture's host (rights.ts managesLecturesOf), checked
 * before anything is written. Each change is written to checkinAudit (who, when, why); nothing is audited
 * when nothing changed (the member was in already).
 *
 * A check-in by the secretary ignores the code, the place and the window's close (a forgotten member is
 * checked in after the lecture), but not its opening (CHECKIN_NOT_OPEN: nobody has attended yet); it needs
 * a member who may see the lecture (NOT_VISIBLE), and never the secretary themselves (FORBIDDEN: a colleague
 * or an administrator above does that). It credits the lecture's full hours at every level, L3 included:
 * the secretary vouches for the attendance of a member who cannot scan (and so cannot scan out either).
 * Calls: binding and lecture side by side 1, member 1, the member's branch 1, record 1, credit 1, audit 1.
 *
 * Undo of a round already undone answers as done after writing its reversal again (a no-op unless the first
 * undo died between flipping the record and writing it): retrying an undo heals it.
 */
import type { CheckinResult, ParsedInput } from '../../src/shared/contract'
import { attendanceHours, checkinWindow } from '../../src/shared/checkinRules'
import { AppError } from '../../src/shared/errors'
import type { CheckinAuditDoc, CheckinDoc, LectureDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import { type Actor, canSeeLecture } from '../../src/shared/rights'
import { readMemberCode } from '../_shared/checkinCodes'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { managedLecture } from '../_shared/lectures'
import { explainRefusal } from './explain'
import { checkIn, readCheckin, resultOf, reverse } from './record'

export async function manualCheckin(
  input: ParsedInput<'checkin', 'manual'>,
  ctx: HandlerContext,
): Promise<CheckinResult> {
  const { actor, lecture } = await heldLecture(ctx, input.lectureId)
  const member = await attendee(ctx, actor, lecture, input.memberId)
  return secretaryCheckIn(ctx, actor, lecture, member, 'manual', input.reason)
}

export async function scanMember(
  input: ParsedInput<'checkin', 'scanMember'>,
  ctx: HandlerContext,
): Promise<CheckinResult & { memberName: string }> {
  const { actor, lecture } = await heldLecture(ctx, input.lectureId)
  const memberId = readMemberCode(input.code, ctx.now.getTime())
  if (!memberId) throw new AppError('MEMBER_CODE_INVALID')
  const member = await attendee(ctx, actor, lecture, memberId)
  const result = await secretaryCheckIn(ctx, actor, lecture, member, 'memberCode', '党员出示党员码，由书记扫码签到')
  return { ...result, memberName: member.name }
}

export async function undoCheckin(
  input: ParsedInput<'checkin', 'undo'>,
  ctx: HandlerContext,
): Promise<{ reversedHours: number }> {
  const { db, now } = ctx
  const { actor, lecture } = await managedLecture(ctx, input.lectureId)
  const doc = await readCheckin(db, lecture._id, input.memberId)
  if (!doc) throw new AppError('INVALID_STATE', '这位党员现在没有签到，无需撤销')
  if (doc.status === 'undone') {
    const undo = doc.undo ?? { at: doc.updatedAt, by: actor.memberId, reason: input.reason }
    // Audited now only if the first undo died before its reversal (and so before its audit).
    if (await reverse(db, lecture, doc, undo)) await audit(ctx, actor, doc, 'undo', undo.reason)
    return { reversedHours: doc.hours }
  }
  const undo = { at: now, by: actor.memberId, reason: input.reason }
  const res = await db
    .collection('checkins')
    .where({ _id: doc._id, status: doc.status, round: doc.round })
    .update({ status: 'undone', undo, updatedAt: now })
  if ((res as { updated?: number }).updated !== 1)
    throw new AppError('INVALID_STATE', '签到状态刚刚有变化，请刷新后再试')
  await reverse(db, lecture, doc, undo)
  await audit(ctx, actor, doc, 'undo', input.reason)
  return { reversedHours: doc.hours }
}

/** A lecture the caller manages and that can be attended: published or finished. */
async function heldLecture(ctx: HandlerContext, lectureId: string): Promise<{ actor: Actor; lecture: LectureDoc }> {
  const found = await managedLecture(ctx, lectureId)
  const { status } = found.lecture
  if (status === 'cancelled') throw new AppError('LECTURE_CANCELLED')
  if (status === 'draft') throw new AppError('INVALID_STATE', '党课还没有发布，不能签到')
  if (ctx.now.getTime() < checkinWindow(found.lecture).opensAt.getTime()) {
    throw new AppError('CHECKIN_NOT_OPEN', explainRefusal('CHECKIN_NOT_OPEN', found.lecture, 'in', ctx.now))
  }
  return found
}

/** The member to check in: not the caller, and one who may see the lecture (by their branch's place). */
async function attendee(ctx: HandlerContext, actor: Actor, lecture: LectureDoc, memberId: string): Promise<MemberDoc> {
  if (memberId === actor.memberId) throw new AppError('FORBIDDEN', '不能给自己签到，请由其他支部委员或上级管理员办理')
  const member = await loadMember(ctx.db, memberId)
  const res = await ctx.db.collection('orgs').doc(member.branchId).get()
  const branch = (res.data as OrgDoc[])[0]
  const path = branch ? [...branch.path, branch._id] : []
  const asMember = { memberId, name: member.name, branchId: member.branchId, path, roles: member.roles }
  if (!canSeeLecture(asMember, lecture)) {
    throw new AppError('NOT_VISIBLE', '这位党员所在支部看不到这场党课')
  }
  return member
}

async function loadMember(db: Database, memberId: string): Promise<MemberDoc> {
  const res = await db.collection('members').doc(memberId).get()
  const member = (res.data as MemberDoc[])[0]
  if (!member) throw new AppError('NOT_FOUND', '没有找到这位党员')
  return member
}

async function secretaryCheckIn(
  ctx: HandlerContext,
  actor: Actor,
  lecture: LectureDoc,
  member: MemberDoc,
  action: 'manual' | 'memberCode',
  reason: string,
): Promise<CheckinResult> {
  const { doc, already } = await checkIn(ctx.db, lecture, {
    memberId: member._id,
    memberName: member.name,
    branchId: member.branchId,
    checkedInAt: ctx.now,
    method: action,
    hours: attendanceHours(lecture),
    by: actor.memberId,
    reason,
    updatedAt: ctx.now,
  })
  if (!already) await audit(ctx, actor, doc, action, reason)
  return resultOf(lecture, doc, already)
}

async function audit(
  ctx: HandlerContext,
  actor: Actor,
  doc: Pick<CheckinDoc, 'lectureId' | 'memberId' | 'memberName'>,
  action: CheckinAuditDoc['action'],
  reason: string,
): Promise<void> {
  const entry: Omit<CheckinAuditDoc, '_id'> = {
    lectureId: doc.lectureId,
    memberId: doc.memberId,
    memberName: doc.memberName,
    action,
    by: actor.memberId,
    byName: actor.name,
    reason,
    at: ctx.now,
  }
  await ctx.db.collection('checkinAudit').add(entry)
}
