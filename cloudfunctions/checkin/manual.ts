/**
 * The secretary's side of check-in: manual check-in and undo, each with a reason, and check-in by the
 * member's personal code. Rights: whoever manages the lecture's host (rights.ts managesLecturesOf), checked
 * before anything is written. Each change is written to checkinAudit (who, when, why); nothing is audited
 * when nothing changed (the member was in already).
 *
 * A check-in by the secretary ignores the code and the place; it is taken from the window's opening
 * (CHECKIN_NOT_OPEN: nobody has attended yet) until a grace after its close (a forgotten member is put right
 * within days: CheckinSettings.manualGraceDays, 7 by default; CHECKIN_CLOSED after that); it needs
 * a member who may see the lecture (NOT_VISIBLE), and never the secretary themselves (FORBIDDEN: a colleague
 * or an administrator above does that). It credits the lecture's full hours at every level, L3 included:
 * the secretary vouches for the attendance of a member who cannot scan (and so cannot scan out either).
 * Calls: binding, lecture and the check-in settings (cached) side by side 1, member 1, the member's branch 1,
 * record 1, credit 1, audit 1.
 *
 * Undo of a round already undone answers as done after writing its reversal again (a no-op unless the first
 * undo died between flipping the record and writing it): retrying an undo heals it.
 */
import type { CheckinResult, ParsedInput } from '../../src/shared/contract'
import { attendanceHours, manualCheckinWindow, opensExplanation } from '../../src/shared/checkinRules'
import { AppError } from '../../src/shared/errors'
import type { CheckinAuditDoc, CheckinDoc, LectureDoc, MemberDoc } from '../../src/shared/model'
import { type Actor, canSeeLecture } from '../../src/shared/rights'
import { readMemberCode } from '../_shared/checkinCodes'
import type { HandlerContext } from '../_shared/router'
import { inOrder, managedLecture } from '../_shared/lectures'
import { memberAsActor } from '../_shared/members'
import { loadCheckinSettings } from '../_shared/settings'
import { chinaDayTime } from '../../src/shared/chinaTime'
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
  if (!doc || doc.status === 'refused') throw new AppError('INVALID_STATE', '这位党员现在没有签到，无需撤销')
  // A held offline scan credited nothing: it is decided in the pending list, not undone.
  if (doc.status === 'pending') throw new AppError('INVALID_STATE', '这次签到还在待确认，请在待确认名单中选择不予确认')
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

/**
 * A lecture the caller manages and that can be attended (published or finished), within the window for a
 * check-in by the secretary (checkinRules.manualCheckinWindow: from the opening to a grace after the close).
 */
async function heldLecture(ctx: HandlerContext, lectureId: string): Promise<{ actor: Actor; lecture: LectureDoc }> {
  const [found, settings] = await inOrder(managedLecture(ctx, lectureId), loadCheckinSettings(ctx.db, ctx.now))
  const { status } = found.lecture
  if (status === 'cancelled') throw new AppError('LECTURE_CANCELLED')
  if (status === 'draft') throw new AppError('INVALID_STATE', '党课还没有发布，不能签到')
  const window = manualCheckinWindow(found.lecture, settings)
  if (ctx.now.getTime() < window.opensAt.getTime()) {
    throw new AppError('CHECKIN_NOT_OPEN', opensExplanation('in', window.opensAt, ctx.now))
  }
  if (ctx.now.getTime() > window.closesAt.getTime()) {
    const days = settings.manualGraceDays
    throw new AppError('CHECKIN_CLOSED', `党课结束${days}天以后不能再补签（补签截至 ${chinaDayTime(window.closesAt)}）`)
  }
  return found
}

/** The member to check in: not the caller, and one who may see the lecture (by their branch's place). */
async function attendee(ctx: HandlerContext, actor: Actor, lecture: LectureDoc, memberId: string): Promise<MemberDoc> {
  if (memberId === actor.memberId) throw new AppError('FORBIDDEN', '不能给自己签到，请由其他支部委员或上级管理员办理')
  const found = await memberAsActor(ctx.db, memberId)
  if (!found) throw new AppError('NOT_FOUND', '没有找到这位党员')
  if (!canSeeLecture(found.actor, lecture)) {
    throw new AppError('NOT_VISIBLE', '这位党员所在支部看不到这场党课')
  }
  return found.member
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
