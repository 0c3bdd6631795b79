/** Building blocks of the contract's schemas. */
import { z } from 'zod'
import { isUploadOf, UPLOADS, type UploadKind } from '../files'

// Validation messages in Chinese, on the server and in forms alike.
z.config(z.locales.zhCN())

export const id = z.string().min(1).max(64)
export const isoDate = z.iso.datetime({ offset: true })
export const pageSize = z.number().int().min(1).max(50).default(20)
/**
 * The id of a file the page uploaded to storage (src/api/upload.ts): only one of this kind, in its folder
 * with a random name, so that another kind of stored file (an export, someone's roster) cannot pass.
 */
export const uploadedFileId = (kind: UploadKind) =>
  z
    .string()
    .max(300)
    .refine((fileId) => isUploadOf(kind, fileId), UPLOADS[kind].wrongKind)
/** Keyset paging over lectures: the last item of the previous page. */
export const lectureCursor = z.object({ startAt: isoDate, id })

/** A procedure: its input schema and (by type only) its output. */
export interface Procedure<I extends z.ZodType, O> {
  input: I
  output?: O
}

export function procedure<O>() {
  return <I extends z.ZodType>(input: I): Procedure<I, O> => ({ input })
}
