/**
 * Appointments' pure rules besides rights (src/shared/rights.ts): how a phone is shown to an administrator,
 * what a search text means, and the audit's sentences as an administrator reads them.
 */
import type { Role } from './model'
import type { AppointRole } from './rights'
import { ROLE } from './words'

/** 13812341234 → 138****1234: enough to tell two 王芳 apart, not enough to call them. */
export function maskPhone(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '—'
}

/** A search for members: a whole phone number, a phone's last four digits, or part of a name. */
export type MemberQuery =
  { by: 'phone'; phone: string } | { by: 'phoneEnd'; digits: string } | { by: 'name'; text: string }

/** What a search text means (the contract lets only 4 or 11 digits through as digits). */
export function memberQuery(q: string): MemberQuery {
  if (/^\d{11}$/.test(q)) return { by: 'phone', phone: q }
  if (/^\d{4}$/.test(q)) return { by: 'phoneEnd', digits: q }
  return { by: 'name', text: q }
}

/** A search text is a name, or 4 or 11 digits. */
export const isMemberQuery = (q: string) => !/^\d+$/.test(q) || q.length === 4 || q.length === 11

/** The audit's sentences ("任命 张三 为 历下区 管理员"). */
export const auditDetail = {
  appoint: (name: string, node: string, role: AppointRole) => `任命 ${name} 为 ${node} ${ROLE[role]}`,
  dismiss: (name: string, node: string, role: AppointRole) => `撤下 ${name} 的 ${node} ${ROLE[role]}`,
  invite: (name: string, node: string, role: AppointRole) => `邀请系统外的 ${name} 担任 ${node} ${ROLE[role]}`,
  branchRole: (name: string, branch: string, roles: Role[]) => `将 ${branch} ${name} 的职务改为 ${dutyOf(roles)}`,
}

/** A branch member's 职务 as one word: 支部书记, 支部委员 or 党员. */
export const dutyOf = (roles: Role[]) => ROLE[roles.find((r) => r === 'secretary' || r === 'committee') ?? 'member']
