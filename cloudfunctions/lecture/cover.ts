/**
 * lecture.checkCover: a picture the page uploaded under covers/ (phone → storage → file id), checked to be
 * what a cover must be: at most 2 MB and really a JPEG or PNG (the name alone proves nothing). Only someone
 * who may post lectures asks. `save` checks a new cover the same way, so an unchecked file cannot slip in.
 */
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { isBranchOfficer } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { cloudApp } from '../_shared/cloud'
import { assertPicture } from '../_shared/files'
import type { HandlerContext } from '../_shared/router'
import { adminRoot } from './access'

/** Refuses a stored file that is not a cover picture (INVALID_INPUT, with the reason). */
export const assertCoverPicture = (fileId: string) => assertPicture('cover', fileId)

export async function checkCover(
  input: ParsedInput<'lecture', 'checkCover'>,
  ctx: HandlerContext,
): Promise<{ fileId: string; url: string }> {
  const actor = await requireActor(ctx)
  if (!isBranchOfficer(actor.roles) && !adminRoot(actor)) throw new AppError('FORBIDDEN')
  await assertCoverPicture(input.fileId)
  const { fileList } = await cloudApp().getTempFileURL({ fileList: [input.fileId] })
  return { fileId: input.fileId, url: fileList[0]?.tempFileURL ?? '' }
}
