/**
 * lecturer.profile: one profile for anyone signed in who follows a link to it, with the lectures given (newest
 * first, at most LECTURES) and their ratings; awards come with the selection campaign (issue 9).
 * Reads: the caller's binding and the profile side by side, then the held lectures (3 calls).
 */
import type { LecturerProfile, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import { averagesOf, summarySums } from '../../src/shared/ratingRules'
import { isBranchOfficer } from '../../src/shared/rights'
import { findActor } from '../_shared/actor'
import { cloudApp } from '../_shared/cloud'
import { inOrder, WITHOUT_RATERS } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { adminRoot } from '../_shared/visibility'
import { loadProfile, summaryOf } from './profiles'
import { heldCondition } from './stats'

const LECTURES = 100

export async function profile(
  input: ParsedInput<'lecturer', 'profile'>,
  ctx: HandlerContext,
): Promise<LecturerProfile> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const { db, now } = ctx
  const [actor, doc] = await inOrder(findActor(ctx), loadProfile(db, input.id))
  const res = await db
    .collection('lectures')
    .where(heldCondition(db, [doc._id], now))
    .orderBy('startAt', 'desc')
    .limit(LECTURES)
    .field(WITHOUT_RATERS)
    .get()
  const lectures = res.data as LectureDoc[]
  const sums = summarySums(lectures.map((l) => l.rating))
  const summary = summaryOf(doc, { given: lectures.length, sums }, actor)
  const photoUrl = doc.photoFileId ? await photoUrlOf(doc.photoFileId) : undefined
  return {
    ...summary,
    intro: doc.intro,
    ...(doc.photoFileId && { photoFileId: doc.photoFileId }),
    ...(photoUrl && { photoUrl }),
    ...(summary.canManage && doc.removedReason && { removedReason: doc.removedReason }),
    isMine: !!actor && doc.memberId === actor.memberId,
    canInvite:
      !!actor &&
      doc.status === 'active' &&
      summary.needsInvitation &&
      (isBranchOfficer(actor.roles) || !!adminRoot(actor)),
    lectures: lectures.map((l) => {
      const rating = averagesOf(l.rating)
      return {
        id: l._id,
        title: l.title,
        startAt: l.startAt.toISOString(),
        hostOrgName: l.hostOrgName,
        ratingCount: l.rating?.count ?? 0,
        ...(rating && { rating }),
      }
    }),
    awards: [], // issue 9 (优秀主讲人) fills this from the selection's results
  }
}

/** A temporary URL to show a stored photo (storage is PRIVATE: no plain URL serves it). */
export async function photoUrlOf(fileId: string): Promise<string | undefined> {
  const { fileList } = await cloudApp().getTempFileURL({ fileList: [fileId] })
  return fileList[0]?.tempFileURL || undefined
}
