/** Reads, views and the audit entry shared by the org function's appointment actions. */
import { maskPhone } from '../../src/shared/appointRules'
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
