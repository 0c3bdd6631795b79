/**
 * signup.exportRoster: the roster as an Excel file (序号, 姓名, 所在支部, 报名状态, 报名时间 in China time),
 * stored privately (_shared/exports.ts: an unguessable name, removed after a day), answered with a temporary
 * download URL and the name a secretary's computer should save it as. Same rights as the roster.
 */
import type { ActionOutput, ParsedInput } from '../../src/shared/contract'
import { ROSTER_COLUMNS, rosterFileName, rosterSheetRows } from '../../src/shared/signupRules'
import { saveExport } from '../_shared/exports'
import type { HandlerContext } from '../_shared/router'
import { managedLecture, rosterOf } from './roster'
import { loadExcel } from '../_shared/lazy'

const WIDTHS = [8, 12, 36, 12, 20]

export async function exportRoster(
  input: ParsedInput<'signup', 'exportRoster'>,
  ctx: HandlerContext,
): Promise<ActionOutput<'signup', 'exportRoster'>> {
  const { lecture } = await managedLecture(ctx, input.lectureId)
  const roster = await rosterOf(ctx.db, lecture)
  const fileName = rosterFileName(lecture.title, lecture.startAt)
  const { fileId, url } = await saveExport(
    ctx.db,
    fileName,
    await workbook(rosterSheetRows(roster.rows), ctx.now),
    ctx.now,
  )
  return { fileId, url, fileName }
}

async function workbook(rows: (string | number)[][], now: Date): Promise<Buffer> {
  const ExcelJS = await loadExcel()
  const book = new ExcelJS.Workbook()
  book.creator = '我来讲党课'
  book.created = now
  const sheet = book.addWorksheet('报名名单', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = ROSTER_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] }))
  sheet.getRow(1).font = { bold: true }
  sheet.addRows(rows)
  return Buffer.from(await book.xlsx.writeBuffer())
}
