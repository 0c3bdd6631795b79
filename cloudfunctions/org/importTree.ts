/**
 * org.importTree: an administrator loads the nodes below a node they administer from an Excel file the page
 * uploaded under orgtrees/ (at most 2 MB; deleted once read). Bytes → rows → every row checked against the
 * file and the stored subtree (src/shared/orgTree.ts) → either a report of what is wrong, row by row, with
 * nothing written, or the new nodes written, parents first, a hundred at a time.
 */
import type { ParsedInput, TreeImportReport } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { OrgDoc } from '../../src/shared/model'
import { MAX_TREE_ROWS, planTreeImport, readTreeSheet, type StoredNode } from '../../src/shared/orgTree'
import { writeAudit } from '../_shared/audit'
import type { Database } from '../_shared/cloud'
import { readUpload, removeUpload } from '../_shared/files'
import { assertNoMoveUnderWay } from '../_shared/orgJobs'
import type { HandlerContext } from '../_shared/router'
import { readFirstSheet } from '../_shared/sheet'
import { newOrgId } from './edit'
import { auditOf, nodesBelow, requireAdministered } from './nodes'

/** Nodes per batch insert (the SDK's limit for one add). */
const INSERT_BATCH = 100
/** Codes per `in` condition. */
const IN_CHUNK = 500

/**
 * Database calls: binding and root 2, the subtree 1 per thousand nodes, running moves 1, codes outside it
 * (not for the city) 1 per 500 codes; to write: 1 per 100 new nodes, the audit 1. Storage: a download URL, the download, the
 * deletion. A write failing midway leaves the nodes written so far (parents first, so the tree holds): the
 * same file imported again finds them "unchanged" and writes the rest.
 */
export async function importTree(
  input: ParsedInput<'org', 'importTree'>,
  ctx: HandlerContext,
): Promise<TreeImportReport> {
  const { db } = ctx
  const { actor, node: root } = await requireAdministered(ctx, input.rootId)
  if (root.closedAt) throw new AppError('NODE_CLOSED')
  let bytes: Buffer
  try {
    bytes = await readUpload('orgTree', input.fileId)
  } finally {
    await removeUpload(input.fileId)
  }
  const cells = await readFirstSheet(
    bytes,
    MAX_TREE_ROWS + 10,
    '这个Excel文件内容太多（解压后超过16MB），请只保留组织架构这一张表后再上传',
  )
  const sheet = readTreeSheet(cells)
  if (!sheet.ok) throw new AppError('INVALID_INPUT', sheet.problem)
  const stored: StoredNode[] = [root, ...(await nodesBelow(db, root._id))]
  await assertNoMoveUnderWay(
    db,
    stored.map((n) => n._id),
    root.path,
  )
  const codes = sheet.lines.map((l) => l.code).filter((c): c is string => !!c)
  const elsewhere = root.parentId ? await nodesWithCodes(db, codes, new Set(stored.map((n) => n._id))) : []
  const plan = planTreeImport(sheet.lines, stored, elsewhere, newOrgId)
  if (!plan.ok) return plan.report
  for (let i = 0; i < plan.creates.length; i += INSERT_BATCH) {
    await db.collection('orgs').add(plan.creates.slice(i, i + INSERT_BATCH))
  }
  if (plan.creates.length) {
    await writeAudit(
      db,
      auditOf(actor, root, 'orgImport', `在“${root.name}”下导入${plan.creates.length}个组织`),
      ctx.now,
    )
  }
  return { ...plan.report, applied: true }
}

/** Stored nodes outside the subtree that hold one of these codes (codes are unique in the city). */
async function nodesWithCodes(db: Database, codes: string[], inSubtree: Set<string>): Promise<StoredNode[]> {
  const found: StoredNode[] = []
  for (let i = 0; i < codes.length; i += IN_CHUNK) {
    const res = await db
      .collection('orgs')
      .where({ code: db.command.in(codes.slice(i, i + IN_CHUNK)) })
      .limit(IN_CHUNK)
      .get()
    found.push(...(res.data as OrgDoc[]).filter((n) => !inSubtree.has(n._id)))
  }
  return found
}
