/** Reads, views and the audit entry shared by the org function's appointment actions. */
import { auditDetail, maskPhone } from '../../src/shared/appointRules'
import type { AppointmentView } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { AuditDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import type { Actor, AppointNode, AppointRole } from '../../src/shared/rights'
import { writeAudit } from '../_shared/audit'
import type { Database } from '../_shared/cloud'
import { nodeRef } from './nodes'

export async function requireMember(db: Database, id: string): Promise<MemberDoc> {
  const res = await db.collection('members').doc(id).get()
  const member = (res.data as MemberDoc[])[0]
  if (!member) throw new AppError('NOT_FOUND')
  return member
}

export const appointNodeOf = (org: OrgDoc): AppointNode => ({
  ...nodeRef(org),
  kind: org.kind,
  closed: Boolean(org.closedAt),
})

/** The member's field that says where they hold the role. */
export const heldField = (role: AppointRole) => (role === 'admin' ? 'adminOrgId' : 'judgeOrgId')

export function appointmentView(member: MemberDoc, node: OrgDoc, role: AppointRole, bound: boolean): AppointmentView {
  const view: AppointmentView = {
    memberId: member._id,
    name: member.name,
    phone: maskPhone(member.phone),
    orgId: node._id,
    orgName: node.name,
    orgKind: node.kind,
    role,
    outsider: Boolean(member.outsider),
    bound,
  }
  if (!bound) view.inviteCode = member.inviteCode
  return view
}

/** The audit entry of a change made at `node` (an administrator above it finds it by `orgPath`). */
export function auditAt(
  db: Database,
  actor: Actor,
  node: OrgDoc,
  entry: { action: AuditDoc['action']; memberId: string; detail: string },
  at: Date,
): Promise<void> {
  const orgPath = [...node.path, node._id]
  return writeAudit(db, { ...entry, by: actor.memberId, byName: actor.name, orgId: node._id, orgPath }, at)
}

/**
 * The node's count of administrators, recounted from the members who hold the appointment there. A recount,
 * not +1: an appointment cut off after its claim is completed by its retry, which cannot tell whether the +1
 * had landed; a recount is right either way. Two appointments at one node at the same instant may leave it
 * one off until the next change there; it only backs up the city's last bound administrator (dismiss.ts).
 */
export async function recountAdmins(db: Database, orgId: string): Promise<void> {
  const _ = db.command
  const held = await db
    .collection('members')
    .where({ adminOrgId: orgId, status: _.neq('inactive') })
    .count()
  await db.collection('orgs').doc(orgId).update({ admins: held.total })
}

/**
 * Whether the member's latest appointment entry for this role at the node is the appointment itself (made
 * here, by invitation, or by the first start's code): then a retry of it writes no second entry. None, or a
 * dismissal after it: not yet.
 */
export async function appointmentAudited(
  db: Database,
  member: MemberDoc,
  node: OrgDoc,
  role: AppointRole,
): Promise<boolean> {
  const _ = db.command
  const said = [auditDetail.appoint, auditDetail.invite, auditDetail.dismiss].map((d) =>
    d(member.name, node.name, role),
  )
  const which = role === 'admin' ? _.or([{ detail: _.in(said) }, { action: 'setup' }]) : { detail: _.in(said) }
  const res = await db
    .collection('audit')
    .where(_.and([{ orgPath: node._id, orgId: node._id, memberId: member._id }, which]))
    .orderBy('at', 'desc')
    .limit(1)
    .get()
  const latest = (res.data as AuditDoc[])[0]
  return Boolean(latest && latest.action !== 'dismiss')
}
