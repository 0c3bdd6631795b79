/** org: the organisation tree, read (children, find) and edited by its administrators. */
import * as z from 'zod'
import type { OrgKind } from '../model'
import { ORG_KINDS } from '../orgTree'
import { id, procedure } from './common'

/** A node as pages see it. */
export interface OrgNodeView {
  id: string
  name: string
  kind: OrgKind
  /** The official organisation code (组织代码), when known. */
  code?: string
  parentId: string | null
  /** Ancestors' ids, root first (the node itself not included). */
  path: string[]
  closed: boolean
  /** How many nodes sit directly under it. */
  children: number
}

export interface OrgChildren {
  node: OrgNodeView
  /** The node's ancestors within the caller's reach (from the node they administer down), root first: the way back. */
  ancestors: { id: string; name: string }[]
  /** Districts and committees, streets, party committees, then branches; by name within a kind. */
  children: OrgNodeView[]
}

export const orgKind = z.enum(ORG_KINDS)

export const orgTreeProcedures = {
  /**
   * A node and the nodes directly under it. Without parentId: the caller's own node (the one they administer;
   * a secretary's branch). Administrators read their node and below; a secretary their branch only.
   */
  children: procedure<OrgChildren>()(z.object({ parentId: id.optional() })),
  /** Up to 20 nodes of the caller's subtree whose name contains q (pickers); the caller's own node included. */
  find: procedure<{ nodes: OrgNodeView[] }>()(
    z.object({ q: z.string().trim().min(1).max(30), kind: orgKind.optional() }),
  ),
}
