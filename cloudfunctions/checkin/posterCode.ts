/**
 * checkin.posterCode: the code printed on the lecture's check-in poster. Scanned with WeChat it opens the
 * lecture's page (scene = lecture id), where a member signs up or, while check-in is open, taps 签到 and
 * scans the rotating code. For those who manage the lecture (as checkin.live). Calls: binding and lecture
 * side by side 1, and in the cloud one call to WeChat (getwxacodeunlimit over HTTPS with the AppID and
 * AppSecret in the function's environment, plus a token call per instance and two hours; or the cloud
 * call wxacode.getUnlimited, listed in config.json): _shared/miniProgramCode.ts.
 */
import type { ParsedInput, PosterCode } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { lecturePageCode } from '../_shared/miniProgramCode'
import type { HandlerContext } from '../_shared/router'
import { managedLecture } from '../_shared/lectures'

export async function posterCode(
  input: ParsedInput<'checkin', 'posterCode'>,
  ctx: HandlerContext,
): Promise<PosterCode> {
  const { lecture } = await managedLecture(ctx, input.lectureId)
  if (lecture.status === 'cancelled') throw new AppError('LECTURE_CANCELLED')
  // Members cannot open a draft's page: a poster printed now would lead nowhere.
  if (lecture.status === 'draft') throw new AppError('INVALID_STATE', '党课发布以后才能打印签到海报')
  const code = await lecturePageCode(lecture._id)
  return {
    image: `data:${code.contentType};base64,${code.image.toString('base64')}`,
    kind: code.kind,
    lectureTitle: lecture.title,
    startAt: lecture.startAt.toISOString(),
    endAt: lecture.endAt.toISOString(),
    address: lecture.venue.address,
  }
}
