/**
 * The rows of an uploaded roster file: the first sheet of an .xlsx (exceljs), or a .csv in UTF-8 (with or
 * without BOM) or in GB18030/GBK, which is what Excel on a Chinese Windows writes for "CSV (逗号分隔)".
 */
import { Readable } from 'stream'
import { AppError } from '../../src/shared/errors'
import { type Cell, MAX_ROSTER_ROWS, parseCsv } from '../../src/shared/roster'
import { loadExcel } from '../_shared/lazy'

/**
 * Rows read from a workbook at most: the roster's limit and room for a title and the headings. Reading stops
 * there, so a sheet of 100,000 rows (2 MB zipped) costs what 1,000 do, not seconds of every worker's time;
 * readRosterSheet then refuses it as too long.
 */
const MAX_ROWS_READ = MAX_ROSTER_ROWS + 10

/** `rows[i]` is spreadsheet row i + 1 (empty rows stay, so row numbers are what the person sees). */
export async function readRosterFile(fileName: string, bytes: Buffer): Promise<Cell[][]> {
  return /\.csv$/i.test(fileName) ? parseCsv(decodeText(bytes)) : readXlsx(bytes)
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/**
 * What a workbook may unzip to. A roster of 1,000 members is well under 1 MB of XML; a 2 MB upload of repeated
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
    if (size === 0xffffffff) return undefined // ZIP64: no roster needs it
    total += size
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return total
}

/** The first sheet, streamed row by row (exceljs's WorkbookReader) and left once MAX_ROWS_READ are read. */
async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  const size = unzippedSize(bytes)
  if (size === undefined) {
    throw new AppError('INVALID_INPUT', '这个文件打不开。请在Excel里“另存为” .xlsx 格式（或 CSV）后再上传')
  }
  if (size > MAX_UNZIPPED_BYTES) {
    throw new AppError(
      'INVALID_INPUT',
      '这个Excel文件内容太多（解压后超过16MB）。名册最多1000人，请只保留名册这一张表后再上传',
    )
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
        if (++read >= MAX_ROWS_READ) break
      }
      break // the first sheet only
    }
  } catch {
    throw new AppError('INVALID_INPUT', '这个文件打不开。请在Excel里“另存为” .xlsx 格式（或 CSV）后再上传')
  }
  if (!sheets) throw new AppError('INVALID_INPUT', '这个Excel文件里没有工作表')
  return Array.from(rows, (r) => r ?? [])
}

/** exceljs gives rich text, hyperlinks, formulas and errors as objects; the roster wants what is shown. */
function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return undefined
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown }
  if (o.richText) return o.richText.map((t) => t.text).join('')
  if (o.text !== undefined) return cellOf(o.text)
  if (o.result !== undefined) return cellOf(o.result)
  return undefined
}
