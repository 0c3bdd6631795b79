/**
 * The study-hour ledger as check-in writes it. Entry ids are deterministic (model.ts LedgerEntryDoc), so
 * writing an entry twice — a retry, a repeated scan healing a function that died between its two writes,
 * twenty scans at once — leaves one entry: the database refuses the second `add` (cloud.ts addIfAbsent).
 */
import type { CheckinDoc, LectureDoc, LedgerEntryDoc } from '../../src/shared/model'
import { isCredited } from '../../src/shared/checkinReview'
import { hoursYear } from '../../src/shared/studyHours'

export const attendanceId = (lectureId: string, memberId: string, round: number) =>
  `att:${lectureId}:${memberId}:${round}`
export const reversalId = (lectureId: string, memberId: string, round: number) =>
  `rev:${lectureId}:${memberId}:${round}`
export const lecturingId = (lectureId: string, memberId: string) => `lect:${lectureId}:${memberId}`

type LectureFacts = Pick<LectureDoc, '_id' | 'title' | 'credit' | 'startAt'>
type Round = Pick<CheckinDoc, 'memberId' | 'round' | 'hours' | 'checkedInAt'>

/**
 * The credit of one check-in round, dated the check-in and counted in the year of the lecture's start: the
 * hours were earned at the lecture, whenever the member or the secretary recorded it.
 */
export function attendanceEntry(lecture: LectureFacts, r: Round): LedgerEntryDoc {
  return {
    _id: attendanceId(lecture._id, r.memberId, r.round),
    memberId: r.memberId,
    year: hoursYear(lecture.startAt),
    hours: r.hours,
    bucket: lecture.credit.bucket,
    source: 'attendance',
    title: lecture.title,
    lectureId: lecture._id,
    at: r.checkedInAt,
  }
}

/** Takes back a round's credit: a new negative entry in the same year as the credit, never an edit. */
export function reversalEntry(lecture: LectureFacts, r: Round, undo: NonNullable<CheckinDoc['undo']>): LedgerEntryDoc {
  const credit = attendanceEntry(lecture, r)
  return {
    ...credit,
    _id: reversalId(lecture._id, r.memberId, r.round),
    hours: -r.hours,
    source: 'reversal',
    reverses: credit._id,
    reason: undo.reason,
    by: undo.by,
    at: undo.at,
  }
}

/** The undo of an undone round (a record undone before `undo` was kept: its last change). */
export const undoOf = (doc: Pick<CheckinDoc, 'undo' | 'updatedAt'>): NonNullable<CheckinDoc['undo']> =>
  doc.undo ?? { at: doc.updatedAt, by: '', reason: '撤销签到' }

/**
 * The entries a check-in record's current round must have in the ledger: its credit while it is in or out,
 * its credit and the reversal once undone, nothing for a round without hours or in any other state.
 */
export function entriesOf(
  lecture: LectureFacts,
  doc: Round & Pick<CheckinDoc, 'status' | 'undo' | 'updatedAt'>,
): LedgerEntryDoc[] {
  if (doc.hours <= 0) return []
  if (isCredited(doc.status)) return [attendanceEntry(lecture, doc)]
  if (doc.status === 'undone') return [attendanceEntry(lecture, doc), reversalEntry(lecture, doc, undoOf(doc))]
  return []
}

/** The lecturer's credit for giving the lecture, dated the lecture's start. */
export function lecturingEntry(lecture: LectureFacts, memberId: string): LedgerEntryDoc {
  return {
    _id: lecturingId(lecture._id, memberId),
    memberId,
    year: hoursYear(lecture.startAt),
    hours: lecture.credit.hours,
    bucket: 'lecturing',
    source: 'lecturing',
    title: lecture.title,
    lectureId: lecture._id,
    at: lecture.startAt,
  }
}
