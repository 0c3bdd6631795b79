/** org: the organisation tree, read (children, find) and edited by its administrators. */
import * as z from 'zod'
import type { OrgKind } from '../model'
import { MAX_ORG_NAME, ORG_KINDS } from '../orgTree'
import { id, procedure, uploadedFileId } from './common'

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
const orgName = z.string().trim().min(1).max(MAX_ORG_NAME)
const orgCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,40}$/, '组织代码只能由数字和字母组成')

/** What importing a tree file did (or, when `applied` is false, would have done: then nothing was written). */
export interface TreeImportReport {
  applied: boolean
  created: number
  /** Rows that are nodes already stored (same code, or same parent and name): counted, not listed. */
  unchanged: number
  /** The rows created and the rows in error, numbered as in Excel. */
  rows: { row: number; name: string; result: 'created' | 'error'; errors: string[] }[]
}

/** A move under way: its path copies are rewritten a page at a time (continueJob, and the hourly timer). */
export interface OrgJobView {
  jobId: string
  done: number
  total: number
  finished: boolean
}

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
  /** Nodes from an Excel file (uploaded under orgtrees/) below `rootId`: all rows or none. */
  importTree: procedure<TreeImportReport>()(z.strictObject({ rootId: id, fileId: uploadedFileId('orgTree') })),
  /** The nodes below `rootId` as an Excel file of the import's format. */
  exportTree: procedure<{ fileId: string; url: string; fileName: string }>()(z.object({ rootId: id })),
  add: procedure<OrgNodeView>()(
    z.object({ parentId: id, name: orgName, kind: orgKind.exclude(['city']), code: orgCode.optional() }),
  ),
  /** Also renames the host of the node's lectures not yet held. */
  rename: procedure<OrgNodeView>()(z.object({ id, name: orgName })),
  /** Puts a node (and its subtree) under another parent; the first page of the path rewrite is done at once. */
  move: procedure<OrgJobView>()(z.object({ id, parentId: id })),
  continueJob: procedure<OrgJobView>()(z.object({ jobId: id })),
  /** Closes a node and every node below it: no new lectures, members or bindings; history stays. */
  close: procedure<{ closed: number }>()(z.object({ id })),
}
