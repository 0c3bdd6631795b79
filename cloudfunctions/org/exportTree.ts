/**
 * org.exportTree: the nodes below a node as an Excel file in the import's format (名称, 类型, 上级, 组织代码),
 * parents first, stored privately (_shared/exports.ts) and answered with a temporary download URL. For the
 * node's administrators and (their branch, which has nothing below it) its secretary.
 * Calls: binding and root 2, the subtree 1 a thousand nodes, the export's record 1.
 */
import type { ActionOutput, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { TREE_COLUMNS, treeSheetRows } from '../../src/shared/orgTree'
import { readsTreeNode } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { saveExport } from '../_shared/exports'
import { loadExcel } from '../_shared/lazy'
import type { HandlerContext } from '../_shared/router'
import { loadOrg, nodeRef, nodesBelow } from './nodes'

const WIDTHS = [36, 12, 36, 24]

export async function exportTree(
  input: ParsedInput<'org', 'exportTree'>,
  ctx: HandlerContext,
): Promise<ActionOutput<'org', 'exportTree'>> {
  const [actor, root] = await Promise.all([requireActor(ctx), loadOrg(ctx.db, input.rootId)])
  if (!readsTreeNode(actor, nodeRef(root))) throw new AppError('FORBIDDEN')
  const rows = treeSheetRows(root, await nodesBelow(ctx.db, root._id))
  const book = await treeWorkbook(rows, ctx.now)
  const fileName = `${root.name}组织架构.xlsx`
  const { fileId, url } = await saveExport(ctx.db, fileName, book, ctx.now)
  return { fileId, url, fileName }
}

/** The tree's sheet as .xlsx bytes (codes as text, so that Excel keeps their leading zeros and every digit). */
export async function treeWorkbook(rows: string[][], now: Date): Promise<Buffer> {
  const ExcelJS = await loadExcel()
  const book = new ExcelJS.Workbook()
  book.creator = '我来讲党课'
  book.created = now
  book.modified = now
  const sheet = book.addWorksheet('组织架构', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = TREE_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i], style: { numFmt: '@' } }))
  sheet.getRow(1).font = { bold: true }
  sheet.addRows(rows)
  return Buffer.from(await book.xlsx.writeBuffer())
}
