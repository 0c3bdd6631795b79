/**
 * lecture.detail: one lecture with the caller's own sign-up and check-in. Reads the binding and the lecture
 * side by side, then the caller's sign-up (and, on the waitlist, how many are ahead) and, once check-in has
 * opened, their check-in record (so that a scan held for the secretary shows 待确认 and why).
 */
import { myCheckinOf } from '../../src/shared/checkinReview'
import { checkinWindow } from '../../src/shared/checkinRules'
import type { LectureDetail, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { isUploadOf } from '../../src/shared/files'
import type { CheckinDoc, LectureDoc, SignupDoc } from '../../src/shared/model'
import { type Actor, canSeeLecture, managesLecturesOf } from '../../src/shared/rights'
import { attended, isRatingOpen, ratingWindow } from '../../src/shared/ratingRules'
import { signupId } from '../../src/shared/signupRules'
import { findActor } from '../_shared/actor'
import { cloudApp } from '../_shared/cloud'
import { hostOf, loadLecture, toSummary } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { loadRatingSettings } from '../_shared/settings'
import { inOrder } from '../_shared/lectures'

export async function lectureDetail(
  input: ParsedInput<'lecture', 'detail'>,
  ctx: HandlerContext,
): Promise<LectureDetail> {
  const [actor, lecture] = await inOrder(findActor(ctx), loadLecture(ctx.db, input.id))
  const canManage = !!actor && managesLecturesOf(actor, hostOf(lecture))
  const visible =
    canManage || (lecture.status !== 'draft' && (actor ? canSeeLecture(actor, lecture) : lecture.openToAll))
  if (!visible) {
    // Signing in or binding might open it; otherwise it is simply not for this member.
    if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
    throw new AppError(actor ? 'NOT_VISIBLE' : 'NOT_A_MEMBER')
  }
  const checkinOpened = ctx.now.getTime() >= checkinWindow(lecture).opensAt.getTime()
  const [mySignup, record, coverUrl] = await Promise.all([
    actor ? signupOf(ctx, lecture._id, actor) : undefined,
    actor && checkinOpened ? checkinOf(ctx, lecture._id, actor) : undefined,
    // Only an uploaded cover is shown: a lecture saved before covers were checked may name any file (an export).
    lecture.coverFileId && isUploadOf('cover', lecture.coverFileId) ? coverUrlOf(lecture.coverFileId) : undefined,
  ])
  const detail = toDetail(lecture, canManage, mySignup, coverUrl)
  const myCheckin = myCheckinOf(record)
  if (myCheckin) detail.myCheckin = myCheckin
  if (actor && attended(record) && ctx.now >= lecture.endAt) {
    detail.myRating = await myRatingOf(ctx, lecture, actor)
  }
  return detail
}

async function checkinOf(ctx: HandlerContext, lectureId: string, actor: Actor): Promise<CheckinDoc | undefined> {
  const res = await ctx.db.collection('checkins').doc(signupId(lectureId, actor.memberId)).get()
  return (res.data as CheckinDoc[])[0]
}

/**
 * 评价 for an attendee after the end, from what this action already read (the lecture's `ratedBy`, the record)
 * and the window setting from the instance's cache (a read a minute at most).
 */
async function myRatingOf(ctx: HandlerContext, lecture: LectureDoc, actor: Actor): Promise<LectureDetail['myRating']> {
  const settings = await loadRatingSettings(ctx.db, ctx.now)
  return {
    rated: !!lecture.ratedBy?.includes(actor.memberId),
    open: isRatingOpen(lecture, settings, ctx.now),
    closesAt: ratingWindow(lecture, settings).closesAt.toISOString(),
  }
}

async function signupOf(ctx: HandlerContext, lectureId: string, actor: Actor): Promise<LectureDetail['mySignup']> {
  const res = await ctx.db.collection('signups').doc(`${lectureId}:${actor.memberId}`).get()
  const signup = (res.data as SignupDoc[])[0]
  if (!signup) return undefined
  if (signup.status === 'declined' && signup.reason) return { status: 'declined', reason: signup.reason }
  if (signup.status !== 'waitlisted') return { status: signup.status }
  const _ = ctx.db.command
  const ahead = await ctx.db
    .collection('signups')
    .where({ lectureId, status: 'waitlisted', ticket: _.lt(signup.ticket) })
    .count()
  return { status: 'waitlisted', position: ahead.total + 1 }
}

/** A cover that cannot be resolved is left out rather than failing the page. */
async function coverUrlOf(fileId: string): Promise<string | undefined> {
  try {
    const res = await cloudApp().getTempFileURL({ fileList: [fileId] })
    const file = res.fileList?.[0]
    return file?.code === 'SUCCESS' && file.tempFileURL ? file.tempFileURL : undefined
  } catch (err) {
    console.warn('[lecture.detail] cover not resolved', fileId, err)
    return undefined
  }
}

function toDetail(
  doc: LectureDoc,
  canManage: boolean,
  mySignup: LectureDetail['mySignup'],
  coverUrl: string | undefined,
): LectureDetail {
  const detail: LectureDetail = {
    ...toSummary(doc),
    summary: doc.summary,
    lecturer: doc.lecturer,
    speakerRole: doc.speakerRole,
    hostOrgId: doc.hostOrgId,
    coHostOrgIds: doc.coHostOrgIds,
    openToAll: doc.openToAll,
    venue: doc.venue,
    signupDeadline: doc.signupDeadline.toISOString(),
    approvalRequired: doc.approvalRequired,
    cancelPolicy: doc.cancelPolicy,
    credit: doc.credit,
    checkinLevel: doc.checkinLevel,
    signupRequired: doc.signupRequired,
    waiting: doc.waiting,
    canManage,
  }
  // A cover saved before covers were checked may name any file: neither shown nor sent back by the form.
  if (doc.coverFileId && isUploadOf('cover', doc.coverFileId)) detail.coverFileId = doc.coverFileId
  if (coverUrl) detail.coverUrl = coverUrl
  if (doc.cancelReason) detail.cancelReason = doc.cancelReason
  if (doc.topicId) Object.assign(detail, { topicId: doc.topicId, topicTitle: doc.topicTitle })
  if (mySignup) detail.mySignup = mySignup
  return detail
}
