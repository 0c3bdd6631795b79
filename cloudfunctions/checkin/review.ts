/**
 * checkin.pending and checkin.review: the offline scans held for the secretary (checkinReview.ts), and their
 * confirmation (the record becomes in or out and is credited) or refusal (with the reason the member sees).
 * Rights as for manual check-in: whoever manages the lecture's host, never on their own scan (a colleague or
 * an administrator above decides it; "all" leaves it pending). Each decision is a conditional update of the
 * pending round, so two secretaries confirming at once credit once; a record decided already answers as it
 * is, writing only what a decision that died half way left out (its credit, its audit: both deterministic).
 * A live L3 check-out replaces a held one by the same kind of update (scan.ts), so the two never both credit.
 * Calls: binding and lecture 1, the pending records (or the one record) 1, then per record the update, the
 * credit and the audit (3).
 */
import type { ParsedInput, PendingScan, ReviewResult } from '../../src/shared/contract'
import { CONFIRM_REASON, decisionOf } from '../../src/shared/checkinReview'
import { manualCheckinWindow } from '../../src/shared/checkinRules'
import { AppError } from '../../src/shared/errors'
import type { CheckinAuditDoc, CheckinDoc, LectureDoc } from '../../src/shared/model'
import { addIfAbsent, type Database } from '../_shared/cloud'
import { managedLecture } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { loadCheckinSettings } from '../_shared/settings'
import { chinaDayTime } from '../../src/shared/chinaTime'
import { credit, readCheckin } from './record'

/** The most pending scans one read (and one "confirm all") takes; the next tap takes the rest. */
const PAGE = 1000
/** Records decided side by side in "all". */
const PARALLEL = 10

export async function pendingScans(
  input: ParsedInput<'checkin', 'pending'>,
  ctx: HandlerContext,
): Promise<{ rows: PendingScan[] }> {
  const { lecture } = await managedLecture(ctx, input.lectureId)
  return { rows: (await readPending(ctx.db, lecture._id)).map(pendingRow) }
}

/** A pending record as the lists show it: the held scan's time on the phone and its arrival. */
export function pendingRow(doc: CheckinDoc): PendingScan {
  const held = doc.review?.held ?? 'in'
  const scannedAt = doc.offline?.scannedAt ?? (held === 'out' ? doc.checkedOutAt : undefined) ?? doc.checkedInAt
  return {
    memberId: doc.memberId,
    name: doc.memberName,
    held,
    scannedAt: scannedAt.toISOString(),
    receivedAt: (doc.offline?.receivedAt ?? doc.updatedAt).toISOString(),
  }
}

export async function reviewScans(input: ParsedInput<'checkin', 'review'>, ctx: HandlerContext): Promise<ReviewResult> {
  const { db, now } = ctx
  const { actor, lecture } = await managedLecture(ctx, input.lectureId)
  if (input.decision === 'confirm') {
    if (lecture.status === 'cancelled') throw new AppError('LECTURE_CANCELLED')
    // Confirming credits as a check-in by hand does: no later than its grace after the lecture.
    const { closesAt } = manualCheckinWindow(lecture, await loadCheckinSettings(db, now))
    if (now.getTime() > closesAt.getTime()) {
      throw new AppError('CHECKIN_CLOSED', `党课结束后超过补签期限，不能再确认（截至 ${chinaDayTime(closesAt)}）`)
    }
  }
  let docs: CheckinDoc[]
  if (input.memberId) {
    if (input.memberId === actor.memberId) {
      throw new AppError('FORBIDDEN', '不能确认自己的签到，请由其他支部委员或上级管理员办理')
    }
    const doc = await readCheckin(db, lecture._id, input.memberId)
    if (!doc) throw new AppError('NOT_FOUND', '这位党员没有签到记录')
    docs = [doc]
  } else {
    docs = await readPending(db, lecture._id)
  }
  const theirs = docs.filter((d) => d.memberId !== actor.memberId)
  const by = { at: now, by: actor.memberId, byName: actor.name, reason: input.reason ?? CONFIRM_REASON }
  const decided: ReviewResult['decided'] = []
  for (let i = 0; i < theirs.length; i += PARALLEL) {
    const batch = theirs.slice(i, i + PARALLEL)
    const done = await Promise.all(batch.map((doc) => decide(ctx, lecture, doc, input.decision, by)))
    decided.push(
      ...done.map(({ doc, changed }) => ({
        memberId: doc.memberId,
        name: doc.memberName,
        status: doc.status,
        changed,
      })),
    )
  }
  return { decided, skipped: docs.length - theirs.length }
}

function readPending(db: Database, lectureId: string): Promise<CheckinDoc[]> {
  return db
    .collection('checkins')
    .where({ lectureId, status: 'pending' })
    .orderBy('checkedInAt', 'asc')
    .limit(PAGE)
    .get()
    .then((res) => res.data as CheckinDoc[])
}

type By = { at: Date; by: string; byName: string; reason: string }

/** Decides one record (read again if a parallel decision or scan changed it first). */
async function decide(
  ctx: HandlerContext,
  lecture: LectureDoc,
  first: CheckinDoc,
  decision: 'confirm' | 'refuse',
  by: By,
): Promise<{ doc: CheckinDoc; changed: boolean }> {
  const { db } = ctx
  const _ = db.command
  let doc: CheckinDoc | undefined = first
  for (let i = 0; i < 3 && doc; i++) {
    const change = decisionOf(doc, decision, by)
    if (!change) {
      await heal(db, lecture, doc)
      return { doc, changed: false }
    }
    const { drop, ...set } = change
    const res = await db
      .collection('checkins')
      .where({ _id: doc._id, status: 'pending', round: doc.round })
      .update({ ...set, updatedAt: by.at, ...Object.fromEntries(drop.map((k) => [k, _.remove()])) })
    if ((res as { updated?: number }).updated === 1) {
      const after: CheckinDoc = { ...doc, ...set, updatedAt: by.at }
      for (const k of drop) delete after[k]
      await credit(db, lecture, after)
      await addIfAbsent(db, 'checkinAudit', auditOf(after))
      return { doc: after, changed: true }
    }
    doc = await readCheckin(db, lecture._id, doc.memberId)
  }
  if (!doc) throw new Error(`review ${first._id}: the record went away`)
  throw new Error(`review ${first._id}: the record kept changing`)
}

/** A record decided before: its credit and audit, in case that decision died between its writes (no-ops). */
async function heal(db: Database, lecture: LectureDoc, doc: CheckinDoc): Promise<void> {
  if (!doc.review?.decision) return
  await credit(db, lecture, doc)
  await addIfAbsent(db, 'checkinAudit', auditOf(doc))
}

/** The decision's audit entry, from what the record keeps of it; its id names the decision, written once. */
function auditOf(doc: CheckinDoc): CheckinAuditDoc {
  const r = doc.review!
  const at = r.at ?? doc.updatedAt
  return {
    _id: `review:${doc._id}:${doc.round}:${at.getTime()}`,
    lectureId: doc.lectureId,
    memberId: doc.memberId,
    memberName: doc.memberName,
    action: r.decision === 'confirmed' ? 'confirm' : 'refuse',
    by: r.by ?? '',
    byName: r.byName ?? '',
    reason: r.reason ?? '',
    at,
  }
}
