/**
 * org (appointments): administrators and judges of the nodes above the branches, members searched to appoint,
 * outsiders invited with a code, a branch member's 职务, and the audit of a subtree.
 */
import * as z from 'zod'
import { isMemberQuery } from '../appointRules'
import type { AuditDoc, OrgKind, Role } from '../model'
import type { AppointRole } from '../rights'
import { phone } from './bind'
import { id, isoDate, procedure } from './common'

export type { AppointRole } from '../rights'

const appointRole = z.enum(['admin', 'judge'])
const branchRole = z.enum(['secretary', 'committee', 'member'])

/** One appointment: who holds which role at which node. Phones are masked (138****1234). */
export interface AppointmentView {
  memberId: string
  name: string
  phone: string
  orgId: string
  orgName: string
  orgKind: OrgKind
  role: AppointRole
  /** Invited from outside the rolls (not a member of any branch). */
  outsider: boolean
  /** Has bound a WeChat: the appointment takes effect on their next call. */
  bound: boolean
  /** Only while not bound: the code they bind with (member.bind, method invite). */
  inviteCode?: string
}

/** A member found to appoint, with what they already hold (the page says why an appointment would be refused). */
export interface MemberHit {
  id: string
  name: string
  phone: string
  branchId: string
  /** Their branch; an outsider's: the node they were appointed at. */
  branchName: string
  roles: Role[]
  outsider: boolean
  adminOrgId?: string
  judgeOrgId?: string
}

export interface AuditView {
  id: string
  action: AuditDoc['action']
  byName: string
  orgId: string
  memberId?: string
  detail: string
  /** ISO 8601 */
  at: string
}

/** Keyset paging over the audit, newest first: the last entry of the previous page. */
export const auditCursor = z.object({ at: isoDate, id })
export type AuditCursor = z.infer<typeof auditCursor>

export const appointProcedures = {
  /** The administrators and judges at a node the caller administers and below it. */
  appointments: procedure<{ node: { id: string; name: string; kind: OrgKind }; appointments: AppointmentView[] }>()(
    z.object({ orgId: id }),
  ),
  /** Active members of the caller's subtree: a name's part, a whole phone, or a phone's last 4 digits; up to 20. */
  searchMembers: procedure<{ members: MemberHit[] }>()(
    z.object({
      q: z.string().trim().min(1).max(20).refine(isMemberQuery, '请输入姓名、11位手机号或手机号后4位'),
    }),
  ),
  appoint: procedure<AppointmentView>()(z.object({ memberId: id, orgId: id, role: appointRole })),
  /** `dismissed: false`: they did not hold the role (a repeated request). */
  dismiss: procedure<{ memberId: string; role: AppointRole; dismissed: boolean }>()(
    z.object({ memberId: id, role: appointRole }),
  ),
  /** An outsider (expert, retired cadre) appointed at a node: a new entry with an invite code to bind with. */
  invite: procedure<AppointmentView>()(
    z.object({ orgId: id, role: appointRole, name: z.string().trim().min(1).max(20), phone }),
  ),
  setBranchRole: procedure<{ memberId: string; roles: Role[] }>()(z.object({ memberId: id, role: branchRole })),
  /** The audit entries of a node the caller administers and below it, newest first, 20 a page. */
  audit: procedure<{ items: AuditView[]; next?: AuditCursor }>()(
    z.object({ orgId: id, cursor: auditCursor.optional() }),
  ),
}
