/**
 * The rows of an uploaded roster file: the first sheet of an .xlsx (exceljs), or a .csv in UTF-8 (with or
 * without BOM) or in GB18030/GBK, which is what Excel on a Chinese Windows writes for "CSV (逗号分隔)".
 */
import { type Cell, MAX_ROSTER_ROWS, parseCsv } from '../../src/shared/roster'
import { readFirstSheet } from '../_shared/sheet'

export { MAX_UNZIPPED_BYTES, unzippedSize } from '../_shared/sheet'

/**
 * Rows read from a workbook at most: the roster's limit and room for a title and the headings. Reading stops
 * there, so a sheet of 100,000 rows (2 MB zipped) costs what 1,000 do, not seconds of every worker's time;
 * readRosterSheet then refuses it as too long.
 */
const MAX_ROWS_READ = MAX_ROSTER_ROWS + 10

/** `rows[i]` is spreadsheet row i + 1 (empty rows stay, so row numbers are what the person sees). */
export async function readRosterFile(fileName: string, bytes: Buffer): Promise<Cell[][]> {
  return /\.csv$/i.test(fileName)
    ? parseCsv(decodeText(bytes))
    : readFirstSheet(
        bytes,
        MAX_ROWS_READ,
        '这个Excel文件内容太多（解压后超过16MB）。名册最多1000人，请只保留名册这一张表后再上传',
      )
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}
