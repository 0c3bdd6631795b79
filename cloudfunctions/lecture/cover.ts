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
import { readUpload } from '../_shared/files'
import type { HandlerContext } from '../_shared/router'
import { adminRoot } from './access'

export function pictureKind(bytes: Buffer): 'jpg' | 'png' | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.length > 8 && png.every((b, i) => bytes[i] === b)) return 'png'
  return undefined
}

/** Refuses a stored file that is not a cover picture (INVALID_INPUT, with the reason). */
export async function assertCoverPicture(fileId: string): Promise<void> {
  if (!pictureKind(await readUpload('cover', fileId))) throw new AppError('INVALID_INPUT', '这不是 JPG 或 PNG 图片')
}

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
