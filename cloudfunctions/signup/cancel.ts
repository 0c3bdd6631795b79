/**
 * signup.cancel: a member gives up their own sign-up while the lecture's policy allows it. A confirmed
 * seat goes to the first on the waitlist (lowest ticket), who then sees "confirmed" in their lectures and
 * on the lecture page; a waitlist place or a request simply ends.
 * Calls: binding 1, lecture and sign-up side by side 2, the state change 1, then a seat 2–3 (promote the
 * next and lower `waiting`, or free the seat and look again), a waitlist place 1.
 */
import type { ParsedInput, SignupResult } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc, SignupDoc } from '../../src/shared/model'
import { cancelRefusal, signupId } from '../../src/shared/signupRules'
import { requireActor } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'
import { releaseSignup } from '../_shared/seats'

export async function cancelSignup(input: ParsedInput<'signup', 'cancel'>, ctx: HandlerContext): Promise<SignupResult> {
  const { db, now } = ctx
  const actor = await requireActor(ctx)
  const id = signupId(input.lectureId, actor.memberId)
  // The state read may change before the write (a promotion from the waitlist): then read again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [lectureRes, signupRes] = await Promise.all([
      db.collection('lectures').doc(input.lectureId).get(),
      db.collection('signups').doc(id).get(),
    ])
    const lecture = (lectureRes.data as LectureDoc[])[0]
    const signup = (signupRes.data as SignupDoc[])[0]
    const refusal = cancelRefusal(lecture, signup, now)
    if (refusal) throw new AppError(refusal)
    if (await releaseSignup(db, signup, now)) return { status: 'cancelled' }
  }
  throw new Error(`cancel ${id}: the sign-up kept changing`)
}
