/**
 * The rows of an uploaded roster file: the first sheet of an .xlsx (exceljs), or a .csv in UTF-8 (with or
 * without BOM) or in GB18030/GBK, which is what Excel on a Chinese Windows writes for "CSV (逗号分隔)".
 */
import ExcelJS from 'exceljs'
import { AppError } from '../../src/shared/errors'
import { type Cell, parseCsv } from '../../src/shared/roster'

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

async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  const book = new ExcelJS.Workbook()
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); it takes a node Buffer at run time.
    await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0])
  } catch {
    throw new AppError('INVALID_INPUT', '这个文件打不开。请在Excel里“另存为” .xlsx 格式（或 CSV）后再上传')
  }
  const sheet = book.worksheets[0]
  if (!sheet) throw new AppError('INVALID_INPUT', '这个Excel文件里没有工作表')
  const rows: Cell[][] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[] // 1-based: values[1] is column A
    rows[rowNumber - 1] = values.slice(1).map(cellOf)
  })
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
