/** Reading the tree's nodes as pages see them (OrgNodeView), shared by the tree actions. */
import type { OrgNodeView } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { OrgDoc, OrgKind } from '../../src/shared/model'
import { type Actor, administers, type NodeRef } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { AuditEntry } from '../_shared/audit'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'

/** The most documents one read answers (the server SDK's limit). */
export const READ_LIMIT = 1000

export const nodeRef = (org: OrgDoc): NodeRef => ({ id: org._id, ancestors: org.path })

/** The node, or NOT_FOUND. One read. */
export async function loadOrg(db: Database, id: string): Promise<OrgDoc> {
  const res = await db.collection('orgs').doc(id).get()
  const org = (res.data as OrgDoc[])[0]
  if (!org) throw new AppError('NOT_FOUND')
  return org
}

/** How many nodes sit directly under each of these: one aggregate per thousand (as a read answers). */
export async function childCounts(db: Database, ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  const _ = db.command
  for (let i = 0; i < ids.length; i += READ_LIMIT) {
    const chunk = ids.slice(i, i + READ_LIMIT)
    const res = await db
      .collection('orgs')
      .aggregate()
      .match({ parentId: _.in(chunk) })
      .group({ _id: '$parentId', n: _.aggregate.sum(1) })
      .limit(chunk.length)
      .end()
    for (const g of (res as { data?: { _id: string; n: number }[] }).data ?? []) counts.set(g._id, g.n)
  }
  return counts
}

export function nodeView(org: OrgDoc, children: number): OrgNodeView {
  const view: OrgNodeView = {
    id: org._id,
    name: org.name,
    kind: org.kind,
    parentId: org.parentId,
    path: org.path,
    closed: Boolean(org.closedAt),
    children,
  }
  if (org.code) view.code = org.code
  return view
}

/** The views of these nodes, with their children counted (one aggregate). */
export async function nodeViews(db: Database, orgs: OrgDoc[]): Promise<OrgNodeView[]> {
  const counts = await childCounts(
    db,
    orgs.map((o) => o._id),
  )
  return orgs.map((o) => nodeView(o, counts.get(o._id) ?? 0))
}

/** The caller and the node, when the caller administers it; else FORBIDDEN. Reads: binding and node side by side. */
export async function requireAdministered(ctx: HandlerContext, id: string): Promise<{ actor: Actor; node: OrgDoc }> {
  const [actor, node] = await Promise.all([requireActor(ctx), loadOrg(ctx.db, id)])
  if (!administers(actor, nodeRef(node))) throw new AppError('FORBIDDEN')
  return { actor, node }
}

/**
 * Every node below `rootId` (of `kinds` only, if given), parents before children (by depth), read a page of
 * READ_LIMIT at a time.
 */
export async function nodesBelow(db: Database, rootId: string, kinds?: readonly OrgKind[]): Promise<OrgDoc[]> {
  const _ = db.command
  const nodes: OrgDoc[] = []
  for (let after = ''; ;) {
    const res = await db
      .collection('orgs')
      .where({ path: rootId, _id: _.gt(after), ...(kinds && { kind: _.in([...kinds]) }) })
      .orderBy('_id', 'asc')
      .limit(READ_LIMIT)
      .get()
    const page = res.data as OrgDoc[]
    nodes.push(...page)
    if (page.length < READ_LIMIT) return nodes.sort((a, b) => a.path.length - b.path.length)
    after = page[page.length - 1]._id
  }
}

/** An audit entry by the caller about a node; its path ends with the node, whose administrators read it too. */
export function auditOf(actor: Actor, node: OrgDoc, action: AuditEntry['action'], detail: string): AuditEntry {
  const orgPath = [...node.path, node._id]
  return { action, by: actor.memberId, byName: actor.name, orgId: node._id, orgPath, detail }
}
