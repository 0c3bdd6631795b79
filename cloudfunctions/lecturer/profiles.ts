/** Reading lecturer profiles and showing them to a caller. */
import type { InvitationView, LecturerSummary } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { needsInvitation, profileNode } from '../../src/shared/lecturerRules'
import type { InvitationDoc, LecturerDoc } from '../../src/shared/model'
import { averagesOf, emptySums } from '../../src/shared/ratingRules'
import { type Actor, administers } from '../../src/shared/rights'
import type { Database } from '../_shared/cloud'
import type { LecturerStats } from './stats'

export async function loadProfile(db: Database, id: string): Promise<LecturerDoc> {
  const res = await db.collection('lecturers').doc(id).get()
  const doc = (res.data as LecturerDoc[])[0]
  if (!doc) throw new AppError('NOT_FOUND', '师资库里没有这位主讲人')
  return doc
}

export function summaryOf(doc: LecturerDoc, stats: LecturerStats | undefined, actor?: Actor): LecturerSummary {
  const sums = stats?.sums ?? emptySums()
  const rating = averagesOf(sums)
  return {
    id: doc._id,
    name: doc.name,
    unit: doc.unit,
    title: doc.title,
    speakerRole: doc.speakerRole,
    ...(doc.memberId && { memberId: doc.memberId }),
    themes: doc.themes,
    topicIds: doc.topicIds,
    orgId: doc.orgId,
    ...(doc.districtId && { districtId: doc.districtId }),
    status: doc.status,
    given: stats?.given ?? 0,
    ratingCount: sums.count,
    ...(rating && { rating }),
    canManage: !!actor && administers(actor, profileNode(doc)),
    needsInvitation: !actor || needsInvitation(actor, doc),
  }
}

export function invitationView(doc: InvitationDoc): InvitationView {
  const { _id, lectureStartAt, createdAt, decidedAt, by: _by, ...rest } = doc
  return {
    ...rest,
    id: _id,
    lectureStartAt: new Date(lectureStartAt).toISOString(),
    createdAt: new Date(createdAt).toISOString(),
    ...(decidedAt && { decidedAt: new Date(decidedAt).toISOString() }),
  }
}
