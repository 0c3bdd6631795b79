/**
 * Who may do what: pure rules over the caller (from their binding) and the node or lecture at hand.
 * The server checks them on every action; pages use the same rules only to hide what would be refused.
 */
import type { Role } from './model'

/** The caller as the server knows them after reading their binding. */
export interface Actor {
  memberId: string
  name: string
  branchId: string
  /** The branch's ancestors, root first, then the branch itself. */
  path: string[]
  roles: Role[]
  /** For node administrators: the node whose subtree they manage, and its own path (root first, itself last). */
  adminOrgId?: string
  /** For judges: the node whose selection they judge. */
  judgeOrgId?: string
}

/** A node as rights need it: its id and its ancestors (root first). */
export interface NodeRef {
  id: string
  /** Ancestors, root first, not including the node itself. */
  ancestors: string[]
}

/** Branch secretary or committee member: they manage their branch's lectures and have the officers' study target. */
export const isBranchOfficer = (roles: readonly Role[]) => roles.includes('secretary') || roles.includes('committee')

/** Lectures hosted at a node: its branch officers (at a branch) and the administrators of any node above it. */
export function managesLecturesOf(actor: Actor, node: NodeRef): boolean {
  if (isBranchOfficer(actor.roles) && node.id === actor.branchId) return true
  return administers(actor, node)
}

/** A branch's roster (import, unbind): its secretary, and administrators of a node above it. */
export function managesRosterOf(actor: Actor, node: NodeRef): boolean {
  if (actor.roles.includes('secretary') && node.id === actor.branchId) return true
  return administers(actor, node)
}

/**
 * An administrator whose subtree holds the node: they manage everything hosted there, and they alone may
 * repair a lecture's counters and credits after a crash (maintenance.repair).
 */
export function administers(actor: Actor, node: NodeRef): boolean {
  const root = actor.adminOrgId
  if (!root || !actor.roles.includes('admin')) return false
  return node.id === root || node.ancestors.includes(root)
}

/** What a member may see: their branch's and its ancestors' lectures, co-hosted ones, and those open to all. */
export function canSeeLecture(
  actor: Actor,
  lecture: { openToAll: boolean; hostOrgId: string; coHostOrgIds: string[] },
): boolean {
  if (lecture.openToAll) return true
  const mine = new Set(actor.path)
  return mine.has(lecture.hostOrgId) || lecture.coHostOrgIds.some((id) => mine.has(id))
}

/**
 * Whom a manager may name as a lecture's member lecturer (the one who earns its lecturing credit): themselves
 * (secretaries lecturing their own branch is the programme's norm; the credit still needs a lecture that was
 * held, checkinRules.lecturingCreditProblem) or a member of a branch whose lectures they manage. Anyone else
 * lectures as an invited guest, named by name only, and earns no lecturing credit here.
 */
export function mayNameLecturer(actor: Actor, lecturer: { memberId: string; branch: NodeRef }): boolean {
  return lecturer.memberId === actor.memberId || managesLecturesOf(actor, lecturer.branch)
}

// ── The organisation tree (issue 15): who reads and edits it ──

/** The node the caller's view of the tree starts from: the one they administer, else a secretary's branch. */
export function treeRootOf(actor: Actor): string | undefined {
  if (actor.adminOrgId && actor.roles.includes('admin')) return actor.adminOrgId
  return actor.roles.includes('secretary') ? actor.branchId : undefined
}

/** Reading a node of the tree: its administrators, and (read-only) a branch's secretary their branch. */
export function readsTreeNode(actor: Actor, node: NodeRef): boolean {
  if (actor.roles.includes('secretary') && node.id === actor.branchId) return true
  return administers(actor, node)
}

// ---- Members who move and members who leave (issue 15, h15-move) ----

/**
 * A transfer (组织关系转接) is started and withdrawn by those who keep the old branch's roster (its secretary,
 * administrators above it), and accepted or declined by those who keep the new branch's.
 */
export function mayActOnTransfer(actor: Actor, side: 'from' | 'to', transfer: { from: NodeRef; to: NodeRef }): boolean {
  return managesRosterOf(actor, side === 'from' ? transfer.from : transfer.to)
}

/** A branch's transfers (waiting, sent, recent): whoever keeps its roster. */
export const seesTransfersOf = managesRosterOf

/** Taking a member off the rolls (退出党员名册): whoever keeps the branch's roster, never for themselves. */
export function mayDeactivate(actor: Actor, member: { id: string; branch: NodeRef }): boolean {
  return member.id !== actor.memberId && managesRosterOf(actor, member.branch)
}
