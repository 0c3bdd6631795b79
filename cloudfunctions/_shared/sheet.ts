/**
 * Uploaded spreadsheets (a branch roster, an organisation tree): the first sheet of an .xlsx read with exceljs
 * (loaded lazily), after checking what the zip would unzip to.
 */
import { Readable } from 'stream'
import { AppError } from '../../src/shared/errors'
import type { Cell } from '../../src/shared/roster'
import { loadExcel } from './lazy'

/**
 * What a workbook may unzip to. A roster of 1,000 members is well under 1 MB of XML, a tree of 10,000 nodes about 3 MB; a 2 MB upload of repeated
 * text can unzip a thousandfold, and exceljs holds the shared strings whole before the first row.
 */
export const MAX_UNZIPPED_BYTES = 16 * 2 ** 20

/**
 * The sizes an .xlsx (a zip) declares in its central directory, summed; undefined if it is not a zip this
 * reads (no end record, ZIP64). Read before any inflating, so an archive that would unzip to gigabytes is
 * refused without costing a worker its memory.
 */
export function unzippedSize(zip: Buffer): number | undefined {
  const END = 0x06054b50
  const ENTRY = 0x02014b50
  let end = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END) {
      end = i
      break
    }
  }
  if (end < 0) return undefined
  const entries = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== ENTRY) return undefined
    const size = zip.readUInt32LE(at + 24)
    if (size === 0xffffffff) return undefined // ZIP64: no sheet of ours needs it
    total += size
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return total
}

/**
 * The first sheet, streamed row by row (exceljs's WorkbookReader) and left once `maxRows` are read, so that a
 * sheet of 100,000 rows costs what the limit does. `tooMuch`: what to say of a file that would unzip too big.
 * `rows[i]` is spreadsheet row i + 1 (empty rows stay, so row numbers are what the person sees).
 */
export async function readFirstSheet(bytes: Buffer, maxRows: number, tooMuch: string): Promise<Cell[][]> {
  const size = unzippedSize(bytes)
  if (size === undefined) {
    throw new AppError('INVALID_INPUT', '这个文件打不开。请在Excel里“另存为” .xlsx 格式（或 CSV）后再上传')
  }
  if (size > MAX_UNZIPPED_BYTES) {
    throw new AppError('INVALID_INPUT', tooMuch)
  }
  const ExcelJS = await loadExcel()
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
  })
  const rows: Cell[][] = []
  let sheets = 0
  try {
    for await (const sheet of reader) {
      sheets++
      let read = 0
      for await (const row of sheet) {
        const values = row.values as unknown[] // 1-based: values[1] is column A
        rows[row.number - 1] = values.slice(1).map(cellOf)
        if (++read >= maxRows) break
      }
      break // the first sheet only
    }
  } catch {
    throw new AppError('INVALID_INPUT', '这个文件打不开。请在Excel里“另存为” .xlsx 格式（或 CSV）后再上传')
  }
  if (!sheets) throw new AppError('INVALID_INPUT', '这个Excel文件里没有工作表')
  return Array.from(rows, (r) => r ?? [])
}

/** exceljs gives rich text, hyperlinks, formulas and errors as objects; a sheet's reader wants what is shown. */
function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return undefined
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown }
  if (o.richText) return o.richText.map((t) => t.text).join('')
  if (o.text !== undefined) return cellOf(o.text)
  if (o.result !== undefined) return cellOf(o.result)
  return undefined
}
