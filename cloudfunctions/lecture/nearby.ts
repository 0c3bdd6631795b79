/**
 * lecture.nearby (附近的党课): the lectures lecture.list would show, nearest first, with their distance. Calls:
 * the caller's binding (none for a visitor), then one aggregate whose first stage is `geoNear` on the 2dsphere
 * index `venue.geo`, with the list's conditions as its `query` and the distance in `distanceField`
 * (Aggregate.geoNear: https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/database/aggregate/Aggregate.geoNear.html;
 * `db.command.geoNear` in a where orders by distance too but answers no distance). A MultiPoint (a walking
 * lecture's stops) is measured to its nearest point. The member's place is used for this query and kept nowhere.
 */
import type { NearbyLecture, ParsedInput } from '../../src/shared/contract'
import { nearestStop } from '../../src/shared/lectureRules'
import type { LectureDoc } from '../../src/shared/model'
import { findActor } from '../_shared/actor'
import { toSummary } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { listedConditions } from './list'

type Input = ParsedInput<'lecture', 'nearby'>

export async function nearbyLectures(input: Input, ctx: HandlerContext): Promise<{ items: NearbyLecture[] }> {
  const { db, now } = ctx
  const _ = db.command
  const actor = await findActor(ctx)
  const res = await db
    .collection('lectures')
    .aggregate()
    .geoNear({
      near: new db.Geo.Point(input.lng, input.lat),
      spherical: true,
      key: 'venue.geo',
      distanceField: 'distanceM',
      query: _.and(listedConditions(_, actor, now)),
      limit: input.limit,
    })
    // An aggregate without its own limit answers 20 rows in the cloud (cloudbase-notes.md).
    .limit(input.limit)
    .project({ ratedBy: 0 }) // _shared/lectures WITHOUT_RATERS
    .end()
  const docs = res.data as (LectureDoc & { distanceM: number })[]
  return {
    items: docs.map((doc) => {
      const stop = nearestStop(doc.venue, input)
      return { ...toSummary(doc), distanceM: Math.round(doc.distanceM), ...(stop ? { nearestStop: stop } : {}) }
    }),
  }
}
