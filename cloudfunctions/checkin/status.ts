/**
 * checkin.status: the caller's state at a lecture, for the member's check-in page. Calls: binding and
 * lecture side by side, then sign-up and record side by side: 2 round trips, 4 calls.
 */
import type { CheckinStatus, ParsedInput } from '../../src/shared/contract'
import { myCheckinOf } from '../../src/shared/checkinReview'
import { checkinWindow, needsLocation } from '../../src/shared/checkinRules'
import { AppError } from '../../src/shared/errors'
import type { SignupDoc } from '../../src/shared/model'
import { canSeeLecture } from '../../src/shared/rights'
import { signupId } from '../../src/shared/signupRules'
import { requireActor } from '../_shared/actor'
import { loadLecture } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { inOrder } from '../_shared/lectures'
import { readCheckin } from './record'

export async function checkinStatus(
  input: ParsedInput<'checkin', 'status'>,
  ctx: HandlerContext,
): Promise<CheckinStatus> {
  const { db } = ctx
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const [actor, lecture] = await inOrder(requireActor(ctx), loadLecture(db, input.lectureId))
  if (lecture.status === 'draft') throw new AppError('NOT_FOUND')
  if (!canSeeLecture(actor, lecture)) throw new AppError('NOT_VISIBLE')
  const [signup, record] = await Promise.all([
    db.collection('signups').doc(signupId(lecture._id, actor.memberId)).get(),
    readCheckin(db, lecture._id, actor.memberId),
  ])
  const { opensAt, closesAt } = checkinWindow(lecture)
  const status: CheckinStatus = {
    lectureId: lecture._id,
    lectureTitle: lecture.title,
    level: lecture.checkinLevel,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    signupRequired: lecture.signupRequired,
    signedUp: (signup.data as SignupDoc[])[0]?.status === 'confirmed',
    needsLocation: needsLocation(lecture.checkinLevel),
  }
  const mine = myCheckinOf(record)
  if (mine) status.mine = mine
  return status
}
