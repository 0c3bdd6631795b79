/**
 * org.find: nodes of the caller's subtree whose name contains the words typed (the pickers' search).
 * Calls: binding 1, the search 1, the counts 1.
 */
import type { OrgNodeView, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { escapeRegExp } from '../../src/shared/lectureRules'
import type { OrgDoc } from '../../src/shared/model'
import { treeOrder } from '../../src/shared/orgTree'
import { treeRootOf } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'
import { nodeViews } from './nodes'

const FOUND_AT_MOST = 20

export async function findOrgs(
  input: ParsedInput<'org', 'find'>,
  ctx: HandlerContext,
): Promise<{ nodes: OrgNodeView[] }> {
  const actor = await requireActor(ctx)
  const root = treeRootOf(actor)
  if (!root) throw new AppError('FORBIDDEN')
  const _ = ctx.db.command
  const conditions: object[] = [
    _.or([{ _id: root }, { path: root }]),
    { name: ctx.db.RegExp({ regexp: escapeRegExp(input.q), options: 'i' }) },
  ]
  if (input.kind) conditions.push({ kind: input.kind })
  const res = await ctx.db.collection('orgs').where(_.and(conditions)).limit(FOUND_AT_MOST).get()
  return { nodes: await nodeViews(ctx.db, treeOrder(res.data as OrgDoc[])) }
}
