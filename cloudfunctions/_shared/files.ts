/**
 * A file the page uploaded (phone → storage → file id → here), read back with the server SDK. The size is
 * checked while the bytes arrive: a file over the kind's limit is refused before it is held whole, let
 * alone parsed.
 */
import { AppError } from '../../src/shared/errors'
import { isUploadOf, UPLOADS, type UploadKind } from '../../src/shared/files'
import { cloudApp } from './cloud'

const NOT_FOUND = '文件没有找到，请重新选择后再试'

export async function readUpload(kind: UploadKind, fileId: string): Promise<Buffer> {
  const spec = UPLOADS[kind]
  // The contract checked it already; this keeps the rule next to the read for any other caller.
  if (!isUploadOf(kind, fileId)) throw new AppError('INVALID_INPUT', spec.wrongKind)
  const { fileList } = await cloudApp().getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 60 }] })
  const url = fileList?.[0]?.code === 'SUCCESS' ? fileList[0].tempFileURL : undefined
  if (!url) throw new AppError('INVALID_INPUT', NOT_FOUND)
  const res = await fetch(url)
  if (res.status === 404) throw new AppError('INVALID_INPUT', NOT_FOUND)
  if (!res.ok || !res.body) throw new Error(`readUpload: ${fileId} answered HTTP ${res.status}`)
  const tooBig = () => new AppError('INVALID_INPUT', spec.tooBig)
  if (Number(res.headers.get('content-length')) > spec.maxBytes) {
    await res.body.cancel()
    throw tooBig()
  }
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.length
    if (size > spec.maxBytes) {
      await reader.cancel() // the rest is never downloaded
      throw tooBig()
    }
    chunks.push(r.value)
  }
  return Buffer.concat(chunks)
}

/** Deletes an upload that has served its purpose (a roster holds names and phones); a failure is only logged. */
export async function removeUpload(fileId: string): Promise<void> {
  try {
    await cloudApp().deleteFile({ fileList: [fileId] })
  } catch (err) {
    console.warn('[files] upload not removed', fileId, err)
  }
}

/** A JPEG or PNG by its first bytes (the name alone proves nothing). */
export function pictureKind(bytes: Buffer): 'jpg' | 'png' | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.length > 8 && png.every((b, i) => bytes[i] === b)) return 'png'
  return undefined
}

/** Refuses a stored upload of a picture kind (a cover, a lecturer's photo) that is not a JPEG or PNG. */
export async function assertPicture(kind: 'cover' | 'lecturerPhoto', fileId: string): Promise<void> {
  if (!pictureKind(await readUpload(kind, fileId))) throw new AppError('INVALID_INPUT', '这不是 JPG 或 PNG 图片')
}
