/** Reading lectures, shared by the functions that act on them. */
import type { LectureSummary } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import type { NodeRef } from '../../src/shared/rights'
import type { Database } from './cloud'

export async function loadLecture(db: Database, id: string): Promise<LectureDoc> {
  const res = await db.collection('lectures').doc(id).get()
  const doc = (res.data as LectureDoc[])[0]
  if (!doc) throw new AppError('NOT_FOUND')
  return doc
}

/** The host node of a lecture, as the rights rules take it. */
export function hostOf(lecture: Pick<LectureDoc, 'hostOrgId' | 'hostPath'>): NodeRef {
  return { id: lecture.hostOrgId, ancestors: lecture.hostPath }
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
    status: doc.status,
  }
}
