/**
 * org.add and org.rename: one node, by an administrator of the node (add: of its parent). Refused with nothing
 * written: a kind that cannot sit under the parent, a name taken under the same parent, a code used elsewhere
 * in the city, a closed node. Each change writes an audit entry.
 */
import { randomUUID } from 'crypto'
import type { OrgNodeView, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { OrgDoc } from '../../src/shared/model'
import { mayNestUnder } from '../../src/shared/orgTree'
import { ORG_KIND } from '../../src/shared/words'
import { writeAudit } from '../_shared/audit'
import type { Database } from '../_shared/cloud'
import { assertNoMoveUnderWay } from '../_shared/orgJobs'
import type { HandlerContext } from '../_shared/router'
import { auditOf, childCounts, nodeView, requireAdministered } from './nodes'

export const newOrgId = () => 'org-' + randomUUID().replace(/-/g, '').slice(0, 16)

/** Calls: binding and parent 2, running moves 1, the name and code check 1, the write 1, the audit 1. */
export async function addOrg(input: ParsedInput<'org', 'add'>, ctx: HandlerContext): Promise<OrgNodeView> {
  const { actor, node: parent } = await requireAdministered(ctx, input.parentId)
  if (parent.closedAt) throw new AppError('NODE_CLOSED')
  if (!mayNestUnder(input.kind, parent.kind)) {
    throw new AppError('INVALID_INPUT', `${ORG_KIND[input.kind]}不能设在${ORG_KIND[parent.kind]}之下`)
  }
  await assertNoMoveUnderWay(ctx.db, [parent._id], parent.path)
  await assertFree(ctx.db, parent._id, input.name, input.code)
  const doc: OrgDoc = {
    _id: newOrgId(),
    name: input.name,
    kind: input.kind,
    parentId: parent._id,
    path: [...parent.path, parent._id],
  }
  if (input.code) doc.code = input.code
  await ctx.db.collection('orgs').add(doc)
  await writeAudit(
    ctx.db,
    auditOf(actor, doc, 'orgAdd', `在“${parent.name}”下新增${ORG_KIND[doc.kind]}“${doc.name}”`),
    ctx.now,
  )
  return nodeView(doc, 0)
}

/**
 * Also renames the host of the node's lectures not yet held (their list pages show hostOrgName); those held
 * keep the name they were held under. Calls: binding and node 2, running moves 1, the name check 1, the node 1,
 * its lectures 1, the audit 1, the children count 1.
 */
export async function renameOrg(input: ParsedInput<'org', 'rename'>, ctx: HandlerContext): Promise<OrgNodeView> {
  const { actor, node } = await requireAdministered(ctx, input.id)
  if (node.closedAt) throw new AppError('NODE_CLOSED')
  if (node.name === input.name) throw new AppError('INVALID_STATE', '新名称和原来的一样')
  await assertNoMoveUnderWay(ctx.db, [node._id], node.path)
  if (node.parentId) await assertFree(ctx.db, node.parentId, input.name)
  const _ = ctx.db.command
  await ctx.db.collection('orgs').doc(node._id).update({ name: input.name })
  await ctx.db
    .collection('lectures')
    .where({ hostOrgId: node._id, status: _.in(['draft', 'published']), startAt: _.gt(ctx.now) })
    .update({ hostOrgName: input.name })
  await writeAudit(ctx.db, auditOf(actor, node, 'orgRename', `“${node.name}”改名为“${input.name}”`), ctx.now)
  const counts = await childCounts(ctx.db, [node._id])
  return nodeView({ ...node, name: input.name }, counts.get(node._id) ?? 0)
}

/** Refuses a name already used under the parent, or a code used anywhere in the city. One read. */
export async function assertFree(db: Database, parentId: string, name: string, code?: string): Promise<void> {
  const _ = db.command
  const taken = [{ parentId, name }, ...(code ? [{ code }] : [])]
  const res = await db.collection('orgs').where(_.or(taken)).field({ name: true, code: true }).limit(1).get()
  const clash = (res.data as OrgDoc[])[0]
  if (!clash) return
  if (code && clash.code === code) throw new AppError('INVALID_STATE', `组织代码${code}已用于“${clash.name}”`)
  throw new AppError('INVALID_STATE', `同一上级下已有“${name}”`)
}
