/**
 * Who may do what: pure rules over the caller (from their binding) and the node or lecture at hand.
 * The server checks them on every action; pages use the same rules only to hide what would be refused.
 */
import type { ErrorCode } from './errors'
import type { OrgKind, Role } from './model'
import { MIN_RATINGS_SHOWN } from './ratingRules'
import { ROLE } from './words'

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

// ---- Appointments (issue 15): administrators and judges of a node, and a branch member's 职务 set in the app ----

/** Administrators and judges are appointed at the nodes above the branches; a branch has its secretary. */
export const APPOINTABLE_KINDS: readonly OrgKind[] = ['city', 'district', 'committee', 'street', 'partyCommittee']

export type AppointRole = 'admin' | 'judge'

/** A rule's refusal: its code and, where the code alone would leave the person guessing, why. */
export interface Refused {
  code: ErrorCode
  explanation?: string
}

/** A node as the appointment rules need it. */
export interface AppointNode extends NodeRef {
  kind: OrgKind
  closed: boolean
}

/** The member to appoint, as the rules need them. */
export interface Appointee {
  name: string
  /** Their branch; an outsider's: the node they were appointed at. */
  home: NodeRef
  inactive: boolean
  /** Where they already hold the role given (a person administers one node and judges for one). */
  holds?: { id: string; name: string }
}

/**
 * Appointing at `node` (without `appointee`: inviting an outsider there). The caller administers the node,
 * so never above their own; the node is one that has administrators and is open; the appointee is active,
 * belongs under the caller, and holds the role nowhere else: appointing someone who does is refused with
 * the reason, never moved silently (the other node may be the caller's superior's, or lose its last one).
 * Appointing at the node where they already hold the role is no refusal (a repeated request).
 */
export function appointRefusal(
  actor: Actor,
  node: AppointNode,
  role: AppointRole,
  appointee?: Appointee,
): Refused | undefined {
  const word = ROLE[role]
  if (!administers(actor, node)) return { code: 'FORBIDDEN', explanation: '只能在您管理的组织及其下级任命' }
  if (!APPOINTABLE_KINDS.includes(node.kind)) {
    return { code: 'INVALID_INPUT', explanation: `支部不设${word}；支部书记、委员请在“职务”里设置` }
  }
  if (node.closed) return { code: 'NODE_CLOSED' }
  if (!appointee) return undefined
  if (!administers(actor, appointee.home)) return { code: 'FORBIDDEN', explanation: '只能任命您管理范围内的党员' }
  if (appointee.inactive) return { code: 'MEMBER_INACTIVE' }
  const { holds, name } = appointee
  if (holds && holds.id !== node.id) {
    return {
      code: 'INVALID_STATE',
      explanation: `${name}已是${holds.name}的${word}，一人只担任一个组织的${word}；请先撤下原来的任命`,
    }
  }
  return undefined
}

/**
 * Dismissing from the node where the role is held: whoever administers that node, themselves included.
 * The city's last administrator is kept by the database, not here (minAdminsLeft, LAST_ADMIN).
 */
export function dismissRefusal(actor: Actor, node: NodeRef): Refused | undefined {
  return administers(actor, node) ? undefined : { code: 'FORBIDDEN', explanation: '只能撤下您管理的组织及其下级的任命' }
}

/** Administrators a node keeps at least: the city one (else nobody could appoint again), others none. */
export const minAdminsLeft = (node: { parentId: string | null }) => (node.parentId === null ? 1 : 0)

/**
 * A branch member's 职务 (secretary, committee, member) changed in the app: by the administrators above the
 * branch only (the secretary keeps the roster's file). One secretary a branch, as the roster import holds it.
 */
export function branchRoleRefusal(
  actor: Actor,
  branch: NodeRef & { kind: OrgKind },
  member: { inactive: boolean; outsider: boolean },
  role: 'secretary' | 'committee' | 'member',
  otherSecretary?: string,
): Refused | undefined {
  if (!administers(actor, branch)) return { code: 'FORBIDDEN', explanation: '支部党员的职务由上级管理员设置' }
  if (branch.kind !== 'branch' || member.outsider) {
    return { code: 'INVALID_STATE', explanation: '这位不是支部的党员，没有支部职务' }
  }
  if (member.inactive) return { code: 'MEMBER_INACTIVE' }
  if (role === 'secretary' && otherSecretary) {
    return {
      code: 'INVALID_STATE',
      explanation: `本支部的书记是${otherSecretary}，一个支部只有一位书记；请先把${otherSecretary}改为委员或党员`,
    }
  }
  return undefined
}

// ---- Ratings (issue 8): who sees a lecture's ratings ----

/**
 * Administrators of these kinds, above the hosting node, see the raters' names (kept for abuse handling):
 * the district level (区县, and 工委, which sits beside the districts under the city) and the city.
 */
export const RATER_NAME_KINDS: readonly OrgKind[] = ['city', 'district', 'committee']

/** How a caller sees a lecture's ratings: `anonymous` (scores and comments, no names) or `named`. */
export type RatingSight = 'anonymous' | 'named'

/**
 * Who sees a lecture's ratings, or undefined (nobody else, whatever they attended): the lecturer (the
 * lecture's member lecturer is the caller), the hosting branch's officers and the administrators of the host
 * or any ancestor see them without names; names only for an administrator whose node is a strict ancestor of
 * the host and of a kind in RATER_NAME_KINDS (`adminKind`: the kind of the caller's `adminOrgId`, which the
 * server reads in the same call as the lecture). The host's own administrators organised the lecture: they
 * see it as its officers do.
 */
export function ratingSight(
  actor: Actor,
  lecture: { hostOrgId: string; hostPath: string[]; lecturer: { memberId?: string } },
  adminKind?: OrgKind,
): RatingSight | undefined {
  const above = !!actor.adminOrgId && actor.roles.includes('admin') && lecture.hostPath.includes(actor.adminOrgId)
  if (above && adminKind && RATER_NAME_KINDS.includes(adminKind)) return 'named'
  if (lecture.lecturer.memberId === actor.memberId) return 'anonymous'
  return managesLecturesOf(actor, { id: lecture.hostOrgId, ancestors: lecture.hostPath }) ? 'anonymous' : undefined
}

/**
 * Whether the comments are shown. Without names, only from MIN_RATINGS_SHOWN ratings, as the averages: under
 * it a lecturer who knows who attended could tell a single comment's writer by its words, which is more
 * telling than a score. Those who see names see the comments always: an abusive comment on a lecture with one
 * rating is exactly what they keep names for.
 */
export const ratingCommentsShown = (sight: RatingSight, count: number) =>
  sight === 'named' || count >= MIN_RATINGS_SHOWN
