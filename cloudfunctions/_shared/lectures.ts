/** Reading lectures, shared by the functions that act on them. */
import type { LectureSummary } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import { type Actor, managesLecturesOf, type NodeRef } from '../../src/shared/rights'
import { requireActor } from './actor'
import type { Database } from './cloud'
import type { HandlerContext } from './router'

/**
 * A projection that leaves out `ratedBy`, the lecture's growing list of raters' member ids, from reads that
 * do not need it: `.field()` takes false for "do not return" (developers.weixin.qq.com/miniprogram/dev/wxcloud/
 * reference-sdk-api/database/collection/Collection.field.html), an aggregate `$project` 0.
 */
export const WITHOUT_RATERS = { ratedBy: false } as const

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

/**
 * The caller and the lecture, read side by side (one round trip), the caller refused first; then the
 * caller must manage the lecture's host.
 */
export async function managedLecture(ctx: HandlerContext, id: string): Promise<{ actor: Actor; lecture: LectureDoc }> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const [actor, lecture] = await inOrder(requireActor(ctx), loadLecture(ctx.db, id))
  if (!managesLecturesOf(actor, hostOf(lecture))) throw new AppError('FORBIDDEN')
  return { actor, lecture }
}

/** Awaits reads started together; the first one's refusal wins, and no rejection goes unhandled. */
export async function inOrder<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b])
  if (ra.status === 'rejected') throw ra.reason
  if (rb.status === 'rejected') throw rb.reason
  return [ra.value, rb.value]
}
