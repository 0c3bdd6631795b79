/**
 * org.children: a node, the way back up to the caller's own node, and the nodes directly under it.
 * Calls: binding 1, the node 1, its children (1 per thousand) and its ancestors' names side by side, the counts 1.
 */
import type { OrgChildren, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { OrgDoc } from '../../src/shared/model'
import { readsTreeNode, treeRootOf } from '../../src/shared/rights'
import { treeOrder } from '../../src/shared/orgTree'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { loadOrg, nodeRef, nodeViews, READ_LIMIT } from './nodes'

export async function orgChildren(input: ParsedInput<'org', 'children'>, ctx: HandlerContext): Promise<OrgChildren> {
  const actor = await requireActor(ctx)
  const id = input.parentId ?? treeRootOf(actor)
  if (!id) throw new AppError('FORBIDDEN')
  const node = await loadOrg(ctx.db, id)
  if (!readsTreeNode(actor, nodeRef(node))) throw new AppError('FORBIDDEN')
  // Only the ancestors the caller may open: from their own node down (nothing above it, nothing for a secretary).
  const from = actor.adminOrgId ? node.path.indexOf(actor.adminOrgId) : -1
  const reach = from < 0 ? [] : node.path.slice(from)
  const [children, ancestors] = await Promise.all([childrenOf(ctx.db, id), namesOf(ctx.db, reach)])
  const [view, ...childViews] = await nodeViews(ctx.db, [node, ...treeOrder(children)])
  return { node: view, ancestors, children: childViews }
}

/** All of them: a district may hold more branches directly than one read answers, so by pages in _id order. */
async function childrenOf(db: Database, parentId: string): Promise<OrgDoc[]> {
  const children: OrgDoc[] = []
  for (let after = ''; ;) {
    const res = await db
      .collection('orgs')
      .where({ parentId, _id: db.command.gt(after) })
      .orderBy('_id', 'asc')
      .limit(READ_LIMIT)
      .get()
    const page = res.data as OrgDoc[]
    children.push(...page)
    if (page.length < READ_LIMIT) return children
    after = page[page.length - 1]._id
  }
}

async function namesOf(db: Database, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return []
  const res = await db
    .collection('orgs')
    .where({ _id: db.command.in(ids) })
    .field({ name: true })
    .get()
  const names = new Map((res.data as OrgDoc[]).map((o) => [o._id, o.name]))
  return ids.map((id) => ({ id, name: names.get(id) ?? '' }))
}
