/**
 * org.close: a node and every node below it are closed (closedAt): their lectures and history stay readable;
 * no new lectures, members or bindings there. Refused, with nothing written, while active members remain
 * below it or lectures below it are still to be held (INVALID_STATE with the reason), and for the root.
 * Calls: binding and node 2, the subtree 1 a thousand nodes, running moves 1, members 1 per 500 branches,
 * lectures 1, the close 1, the audit 1. While a move under it runs, refused: the paths it reads are half old.
 */
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { ORG_KIND } from '../../src/shared/words'
import { writeAudit } from '../_shared/audit'
import type { Database } from '../_shared/cloud'
import { assertNoMoveUnderWay } from '../_shared/orgJobs'
import type { HandlerContext } from '../_shared/router'
import { auditOf, nodesBelow, requireAdministered } from './nodes'

/** Ids per `in` condition. */
const IN_CHUNK = 500

export async function closeOrg(input: ParsedInput<'org', 'close'>, ctx: HandlerContext): Promise<{ closed: number }> {
  const { db, now } = ctx
  const { actor, node } = await requireAdministered(ctx, input.id)
  if (!node.parentId) throw new AppError('INVALID_INPUT', '市级组织不能撤销')
  if (node.closedAt) throw new AppError('NODE_CLOSED')
  const ids = [node._id, ...(await nodesBelow(db, node._id)).map((n) => n._id)]
  await assertNoMoveUnderWay(db, ids, node.path)
  const members = await activeMembersIn(db, ids)
  if (members) throw new AppError('INVALID_STATE', `下面还有${members}名党员，请先办理转出或退出后再撤销`)
  const _ = db.command
  const { total: lectures } = await db
    .collection('lectures')
    .where(
      _.and([
        _.or([{ hostOrgId: node._id }, { hostPath: node._id }]),
        { status: _.in(['draft', 'published']) },
        { endAt: _.gt(now) },
      ]),
    )
    .count()
  if (lectures) throw new AppError('INVALID_STATE', `下面还有${lectures}场党课还没有举行，请先取消或等举行后再撤销`)
  await db
    .collection('orgs')
    .where(_.or([{ _id: node._id }, { path: node._id }]))
    .update({ closedAt: now })
  const detail = `撤销${ORG_KIND[node.kind]}“${node.name}”${ids.length > 1 ? `及其下${ids.length - 1}个组织` : ''}`
  await writeAudit(db, auditOf(actor, node, 'orgClose', detail), now)
  return { closed: ids.length }
}

async function activeMembersIn(db: Database, branchIds: string[]): Promise<number> {
  const _ = db.command
  let total = 0
  for (let i = 0; i < branchIds.length; i += IN_CHUNK) {
    const res = await db
      .collection('members')
      .where({ branchId: _.in(branchIds.slice(i, i + IN_CHUNK)), status: _.neq('inactive') })
      .count()
    total += res.total
  }
  return total
}
