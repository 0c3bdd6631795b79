/** Building blocks of the contract's schemas. */
import * as z from 'zod'
import { isUploadOf, UPLOADS, type UploadKind } from '../files'
import './locale'

export const id = z.string().min(1).max(64)
/** China midnight opening 2000 and 2101: the dates the programme can mean (the hours' `year` keeps the same range). */
const FIRST_INSTANT = Date.parse('2000-01-01T00:00:00+08:00')
const END_INSTANT = Date.parse('2101-01-01T00:00:00+08:00')

/**
 * Every date an action takes: ISO 8601 with an offset, from 2000-01-01 to 2100-12-31 (China time). A typo
 * such as 0001-01-01 is refused here instead of being stored as a date the database cannot hold.
 */
export const isoDate = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s)
  return t >= FIRST_INSTANT && t < END_INSTANT
}, '日期须在2000年至2100年之间')
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

/** A procedure: its input schema (zod or zod/mini, see ./bind.ts) and (by type only) its output. */
export interface Procedure<I extends z.core.$ZodType, O> {
  input: I
  output?: O
}

export function procedure<O>() {
  return <I extends z.core.$ZodType>(input: I): Procedure<I, O> => ({ input })
}
