/**
 * maintenance.repair: an administrator above the lecture's host (rights.ts administers) repairs it after a
 * crash: its seat counters recounted from the sign-ups (recount.ts) and the check-in credits the ledger
 * lacks written (credits.ts). Both are safe to run at any time and any number of times.
 */
import type { ParsedInput, RepairResult } from '../../src/shared/contract'
import { checkinWindow } from '../../src/shared/checkinRules'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import { administers } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import { hostOf, inOrder, loadLecture } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'
import { creditCheckins } from './credits'
import { recountSeats } from './recount'

export async function repair(input: ParsedInput<'maintenance', 'repair'>, ctx: HandlerContext): Promise<RepairResult> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const [actor, lecture] = await inOrder(requireActor(ctx), loadLecture(ctx.db, input.lectureId))
  if (!administers(actor, hostOf(lecture))) throw new AppError('FORBIDDEN', '只有上级党组织的管理员可以修复党课数据')
  return repairLecture(ctx.db, lecture, ctx.now)
}

export async function repairLecture(db: Database, lecture: LectureDoc, now: Date): Promise<RepairResult> {
  const seats = await recountSeats(db, lecture, now)
  // Before check-in opens there is nothing to credit.
  const opened = checkinWindow(lecture).opensAt.getTime() <= now.getTime()
  const credits = opened ? await creditCheckins(db, lecture) : { credited: 0, reversed: 0 }
  return { lectureId: lecture._id, ...seats, ...credits }
}
