/**
 * hours.exportBranch: a branch's hours as an Excel file (姓名, 职务, 目标学时, 已完成, the four buckets, 还差),
 * in the branch view's order, stored privately (_shared/exports.ts: an unguessable name, removed after a day)
 * and answered with a temporary download URL and the name the secretary's computer should save it as. Same
 * rights as the branch view.
 */
import type { ActionOutput, ParsedInput } from '../../src/shared/contract'
import { BRANCH_HOURS_COLUMNS, branchHoursFileName, branchHoursSheetRows } from '../../src/shared/studyHours'
import { saveExport } from '../_shared/exports'
import type { HandlerContext } from '../_shared/router'
import { branchHoursOf } from './branch'
import { loadExcel } from '../_shared/lazy'

const WIDTHS = [12, 12, 10, 10, 10, 10, 8, 10, 8]

export async function exportBranch(
  input: ParsedInput<'hours', 'exportBranch'>,
  ctx: HandlerContext,
): Promise<ActionOutput<'hours', 'exportBranch'>> {
  const view = await branchHoursOf(ctx, input.branchId, input.year)
  const ExcelJS = await loadExcel()
  const book = new ExcelJS.Workbook()
  book.creator = '我来讲党课'
  book.created = ctx.now
  const sheet = book.addWorksheet(`${view.year}年度学时`, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = BRANCH_HOURS_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] }))
  sheet.getRow(1).font = { bold: true }
  sheet.addRows(branchHoursSheetRows(view.rows))
  const fileName = branchHoursFileName(view.branchName, view.year)
  const { fileId, url } = await saveExport(ctx.db, fileName, Buffer.from(await book.xlsx.writeBuffer()), ctx.now)
  return { fileId, url, fileName }
}
