/**
 * signup.exportRoster: the roster as an Excel file (序号, 姓名, 所在支部, 报名状态, 报名时间 in China time),
 * put in storage under exports/rosters/, answered with a temporary download URL and the name a
 * secretary's computer should save it as. Same rights as the roster.
 */
import ExcelJS from 'exceljs'
import type { ActionOutput, ParsedInput } from '../../src/shared/contract'
import { ROSTER_COLUMNS, rosterFileName, rosterSheetRows } from '../../src/shared/signupRules'
import { cloudApp } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { managedLecture, rosterOf } from './roster'

const WIDTHS = [8, 12, 36, 12, 20]

export async function exportRoster(
  input: ParsedInput<'signup', 'exportRoster'>,
  ctx: HandlerContext,
): Promise<ActionOutput<'signup', 'exportRoster'>> {
  const { lecture } = await managedLecture(ctx, input.lectureId)
  const roster = await rosterOf(ctx.db, lecture)
  const fileContent = await workbook(rosterSheetRows(roster.rows), ctx.now)
  const app = cloudApp()
  const { fileID } = await app.uploadFile({
    cloudPath: `exports/rosters/${lecture._id}-${ctx.now.getTime()}.xlsx`,
    fileContent,
  })
  const urls = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] })
  const url = urls.fileList?.[0]?.tempFileURL
  if (!url) throw new Error(`exportRoster: no download URL for ${fileID}`)
  return { fileId: fileID, url, fileName: rosterFileName(lecture.title, lecture.startAt) }
}

async function workbook(rows: (string | number)[][], now: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '我来讲党课'
  book.created = now
  const sheet = book.addWorksheet('报名名单', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = ROSTER_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] }))
  sheet.getRow(1).font = { bold: true }
  sheet.addRows(rows)
  return Buffer.from(await book.xlsx.writeBuffer())
}
