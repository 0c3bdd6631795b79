/** Reading the tree's nodes as pages see them (OrgNodeView), shared by the tree actions. */
import type { OrgNodeView } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { OrgDoc } from '../../src/shared/model'
import type { NodeRef } from '../../src/shared/rights'
import type { Database } from '../_shared/cloud'

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

/** How many nodes sit directly under each of these: one aggregate. */
export async function childCounts(db: Database, ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (!ids.length) return counts
  const _ = db.command
  const res = await db
    .collection('orgs')
    .aggregate()
    .match({ parentId: _.in(ids) })
    .group({ _id: '$parentId', n: _.aggregate.sum(1) })
    .limit(ids.length)
    .end()
  for (const g of (res as { data?: { _id: string; n: number }[] }).data ?? []) counts.set(g._id, g.n)
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
