/**
 * Where the caller stands with one lecture, in ONE database call: an aggregate on the caller's binding that
 * joins the lecture, the caller's check-in record of it and the `ratingRules` settings document
 * ($lookup with `let` and `pipeline`, documented for the node SDK:
 * https://docs.cloudbase.net/api-reference/server/node-sdk/database/aggregate/stages/lookup). Reading them
 * one by one would be four round trips; rating.rate has a budget of three in all.
 */
import { AppError } from '../../src/shared/errors'
import type { BindingDoc, CheckinDoc, LectureDoc, RatingSettingsDoc } from '../../src/shared/model'
import { RATING_SETTINGS_ID, type RatingSettings, ratingSettingsOf } from '../../src/shared/ratingRules'
import type { Actor } from '../../src/shared/rights'
import { signupId } from '../../src/shared/signupRules'
import { actorOf } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'

export interface Standing {
  actor: Actor
  lecture?: LectureDoc
  record?: CheckinDoc
  settings: RatingSettings
  /** The lecture's sums already count the caller's rating (lecture.ratedBy). */
  counted: boolean
}

type Joined = BindingDoc & { lecture: LectureDoc[]; record: CheckinDoc[]; settings: RatingSettingsDoc[] }

export async function standingOf(ctx: HandlerContext, lectureId: string): Promise<Standing> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const { db } = ctx
  const _ = db.command
  const $ = _.aggregate
  const res = await db
    .collection('bindings')
    .aggregate()
    .match({ _id: ctx.openid })
    .lookup({ from: 'lectures', pipeline: $.pipeline().match({ _id: lectureId }).done(), as: 'lecture' })
    .lookup({
      from: 'checkins',
      let: { memberId: '$memberId' },
      // The record's id is signupId(lectureId, memberId) (checkin/record.ts): its lecture part, then the member's.
      pipeline: $.pipeline()
        .match(_.expr($.eq(['$_id', $.concat([signupId(lectureId, ''), '$$memberId'])])))
        .done(),
      as: 'record',
    })
    .lookup({ from: 'settings', pipeline: $.pipeline().match({ _id: RATING_SETTINGS_ID }).done(), as: 'settings' })
    .limit(1)
    .end()
  const {
    lecture: [lecture],
    record: [record],
    settings: [settings],
    ...binding
  } = bindingJoined<Joined>(res)
  const actor = actorOf(binding)
  return {
    actor,
    lecture,
    record,
    settings: ratingSettingsOf(settings),
    counted: !!lecture?.ratedBy?.includes(actor.memberId),
  }
}

/** The one row of an aggregate that starts from the caller's binding (no row: the caller is not bound). */
export function bindingJoined<T>(res: unknown): T {
  const joined = ((res as { data?: T[] }).data ?? [])[0]
  if (!joined) throw new AppError('NOT_A_MEMBER')
  return joined
}
