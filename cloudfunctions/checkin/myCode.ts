/** checkin.myCode: the caller's personal code, for a secretary to scan when the member cannot scan. Calls: 1. */
import type { MemberCode, ParsedInput } from '../../src/shared/contract'
import { requireActor } from '../_shared/actor'
import { memberCode } from '../_shared/checkinCodes'
import type { HandlerContext } from '../_shared/router'
import { qrImage } from './qrImage'

export async function myCode(_: ParsedInput<'checkin', 'myCode'>, ctx: HandlerContext): Promise<MemberCode> {
  const actor = await requireActor(ctx)
  const { qr, refreshInMs } = memberCode(actor.memberId, ctx.now.getTime())
  return { qr, image: await qrImage(qr), refreshInMs, name: actor.name }
}
