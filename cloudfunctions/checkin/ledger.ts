/**
 * The study-hour ledger as check-in writes it. Entry ids are deterministic (model.ts LedgerEntryDoc), so
 * writing an entry twice — a retry, a repeated scan healing a function that died between its two writes,
 * twenty scans at once — leaves one entry: the database refuses the second `add`.
 */
import type { CheckinDoc, LectureDoc, LedgerEntryDoc } from '../../src/shared/model'
import { hoursYear } from '../../src/shared/studyHours'
import type { Database } from '../_shared/cloud'
import { isDuplicateWrite } from '../_shared/cloud'

export const attendanceId = (lectureId: string, memberId: string, round: number) =>
  `att:${lectureId}:${memberId}:${round}`
export const reversalId = (lectureId: string, memberId: string, round: number) =>
  `rev:${lectureId}:${memberId}:${round}`
export const lecturingId = (lectureId: string, memberId: string) => `lect:${lectureId}:${memberId}`

/** Adds the entry unless it is there already; true if this call wrote it. */
export async function addEntry(db: Database, entry: LedgerEntryDoc): Promise<boolean> {
  try {
    await db.collection('ledger').add(entry)
    return true
  } catch (err) {
    if (isDuplicateWrite(err)) return false
    throw err
  }
}

type LectureFacts = Pick<LectureDoc, '_id' | 'title' | 'credit'>
type Round = Pick<CheckinDoc, 'memberId' | 'round' | 'hours' | 'checkedInAt'>

/** The credit of one check-in round, dated (and counted in the year of) the check-in. */
export function attendanceEntry(lecture: LectureFacts, r: Round): LedgerEntryDoc {
  return {
    _id: attendanceId(lecture._id, r.memberId, r.round),
    memberId: r.memberId,
    year: hoursYear(r.checkedInAt),
    hours: r.hours,
    bucket: lecture.credit.bucket,
    source: 'attendance',
    title: lecture.title,
    lectureId: lecture._id,
    at: r.checkedInAt,
  }
}

/** Takes back a round's credit: a new negative entry in the same year as the credit, never an edit. */
export function reversalEntry(lecture: LectureFacts, r: Round, by: string, reason: string, at: Date): LedgerEntryDoc {
  const credit = attendanceEntry(lecture, r)
  return {
    ...credit,
    _id: reversalId(lecture._id, r.memberId, r.round),
    hours: -r.hours,
    source: 'reversal',
    reverses: credit._id,
    reason,
    by,
    at,
  }
}

/** The lecturer's credit for giving the lecture, dated the lecture's start. */
export function lecturingEntry(lecture: LectureFacts & Pick<LectureDoc, 'startAt'>, memberId: string): LedgerEntryDoc {
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
