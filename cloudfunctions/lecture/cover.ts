/**
 * lecture.uploadCover: a picture for a lecture, stored in CloudBase storage. Only someone who may post
 * lectures can upload; the bytes must really be a JPEG or PNG (the name alone proves nothing).
 */
import { randomBytes } from 'crypto'
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { requireActor } from '../_shared/actor'
import { cloudApp } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'

const MAX_BYTES = 2 * 1024 * 1024

export function pictureKind(bytes: Buffer): 'jpg' | 'png' | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.length > 8 && png.every((b, i) => bytes[i] === b)) return 'png'
  return undefined
}

export async function uploadCover(
  input: ParsedInput<'lecture', 'uploadCover'>,
  ctx: HandlerContext,
): Promise<{ fileId: string; url: string }> {
  const actor = await requireActor(ctx)
  const poster = actor.roles.some((r) => r === 'secretary' || r === 'committee' || r === 'admin')
  if (!poster) throw new AppError('FORBIDDEN')
  const bytes = Buffer.from(input.contentBase64, 'base64')
  const kind = pictureKind(bytes)
  if (!kind) throw new AppError('INVALID_INPUT', '这不是 JPG 或 PNG 图片')
  if (bytes.length > MAX_BYTES) throw new AppError('INVALID_INPUT', '图片不能超过2MB')
  const app = cloudApp()
  const cloudPath = `covers/${actor.memberId}/${ctx.now.getTime()}-${randomBytes(4).toString('hex')}.${kind}`
  const { fileID } = await app.uploadFile({ cloudPath, fileContent: bytes })
  const { fileList } = await app.getTempFileURL({ fileList: [fileID] })
  return { fileId: fileID, url: fileList[0]?.tempFileURL ?? '' }
}
