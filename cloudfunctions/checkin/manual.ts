/**
 * The secretary's side of check-in: manual check-in and undo, each with a reason, and check-in by the
 * member's personal code. Rights: whoever manages the lecture's host (rights.ts managesLecturesOf), checked
 * before anything is written. Each change is written to checkinAudit (who, when, why); nothing is audited
 * when nothing changed (the member was in already).
 *
 * A check-in by the secretary ignores the window, the code and the place, and credits the lecture's full
 * hours at every level, L3 included: the secretary vouches for the attendance of a member who cannot scan
 * (and so cannot scan out either). Calls: binding and lecture side by side 1, member 1, record 1, credit 1,
 * audit 1.
 */
import type { CheckinResult, ParsedInput } from '../../src/shared/contract'
import { attendanceHours } from '../../src/shared/checkinRules'
import { AppError } from '../../src/shared/errors'
import type { CheckinAuditDoc, CheckinDoc, LectureDoc, MemberDoc } from '../../src/shared/model'
import type { Actor } from '../../src/shared/rights'
import { readMemberCode } from '../_shared/checkinCodes'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { managedLecture } from '../lecture/access'
import { addEntry, attendanceEntry, reversalEntry } from './ledger'
import { checkIn, readCheckin, resultOf } from './record'

export async function manualCheckin(
  input: ParsedInput<'checkin', 'manual'>,
  ctx: HandlerContext,
): Promise<CheckinResult> {
  const { actor, lecture } = await heldLecture(ctx, input.lectureId)
  const member = await loadMember(ctx.db, input.memberId)
  return secretaryCheckIn(ctx, actor, lecture, member, 'manual', input.reason)
}

export async function scanMember(
  input: ParsedInput<'checkin', 'scanMember'>,
  ctx: HandlerContext,
): Promise<CheckinResult & { memberName: string }> {
  const { actor, lecture } = await heldLecture(ctx, input.lectureId)
  const memberId = readMemberCode(input.code, ctx.now.getTime())
  if (!memberId) throw new AppError('MEMBER_CODE_INVALID')
  const member = await loadMember(ctx.db, memberId)
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
  if (!doc || doc.status === 'undone') throw new AppError('INVALID_STATE', '这位党员现在没有签到，无需撤销')
  const res = await db
    .collection('checkins')
    .where({ _id: doc._id, status: doc.status, round: doc.round })
    .update({ status: 'undone', updatedAt: now })
  if ((res as { updated?: number }).updated !== 1)
    throw new AppError('INVALID_STATE', '签到状态刚刚有变化，请刷新后再试')
  if (doc.hours > 0) {
    // The credit first (a no-op unless the check-in died before writing it), so the reversal never stands alone.
    await addEntry(db, attendanceEntry(lecture, doc))
    await addEntry(db, reversalEntry(lecture, doc, actor.memberId, input.reason, now))
  }
  await audit(ctx, actor, doc, 'undo', input.reason)
  return { reversedHours: doc.hours }
}

/** A lecture the caller manages and that can be attended: published or finished. */
async function heldLecture(ctx: HandlerContext, lectureId: string): Promise<{ actor: Actor; lecture: LectureDoc }> {
  const found = await managedLecture(ctx, lectureId)
  const { status } = found.lecture
  if (status === 'cancelled') throw new AppError('LECTURE_CANCELLED')
  if (status === 'draft') throw new AppError('INVALID_STATE', '党课还没有发布，不能签到')
  return found
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
