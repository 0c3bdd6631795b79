/**
 * org.setBranchRole: an administrator above a branch makes one of its members the secretary, a committee
 * member or a plain member (the roster's 职务, changed in the app). Roles given elsewhere (admin, judge) stay.
 */
import { auditDetail } from '../../src/shared/appointRules'
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { MemberDoc } from '../../src/shared/model'
import { branchRoleRefusal } from '../../src/shared/rights'
import { rosterRoles } from '../../src/shared/roster'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import { memberAsActor } from '../_shared/members'
import type { HandlerContext } from '../_shared/router'
import { nodeRef } from './nodes'
import { auditAt } from './appointData'

const BRANCH_ROLES = ['secretary', 'committee'] as const
type BranchRoleChoice = ParsedInput<'org', 'setBranchRole'>['role']

/**
 * Database calls: caller, member and branch (2 round trips), the member, the binding (twice when a role is
 * added), the audit entry: 6 or 7, one more to find the branch's secretary when one is made; a repeat: 3–4.
 */
export async function setBranchRole({ memberId, role }: ParsedInput<'org', 'setBranchRole'>, ctx: HandlerContext) {
  const { db, now } = ctx
  const [actor, found] = await Promise.all([requireActor(ctx), memberAsActor(db, memberId)])
  if (!found?.branch) throw new AppError('NOT_FOUND')
  const { member, branch } = found
  const roles = rosterRoles(member.roles, role)
  const changes = [...roles].sort().join() !== [...member.roles].sort().join()
  const other = changes && role === 'secretary' ? await secretaryOf(db, branch._id, memberId) : undefined
  const refused = branchRoleRefusal(
    actor,
    { ...nodeRef(branch), kind: branch.kind },
    { inactive: member.status === 'inactive', outsider: Boolean(member.outsider) },
    role,
    other?.name,
  )
  if (refused) throw new AppError(refused.code, refused.explanation)
  if (changes) {
    // Only over the roles read: a change made meanwhile (an appointment, another 职务) is not overwritten.
    const res = await db.collection('members').where({ _id: memberId, roles: member.roles }).update({ roles })
    if (!res.updated) throw new AppError('INVALID_STATE', '这位党员的职务刚刚有了变化，请刷新后再看')
  }
  // Also when the member already has it: a retry of a change cut off after the member's write finishes it.
  const bindingChanged = await setBindingRole(db, memberId, role)
  if (changes || bindingChanged) {
    const detail = auditDetail.branchRole(member.name, branch.name, roles)
    await auditAt(db, actor, branch, { action: 'branchRole', memberId, detail }, now)
  }
  return { memberId, roles }
}

/**
 * The binding's copy of the roles (where rights are read) by the same steps as the member's, which leave an
 * appointment made meanwhile in place; true if it still differed.
 */
async function setBindingRole(db: Database, memberId: string, role: BranchRoleChoice): Promise<boolean> {
  const _ = db.command
  const bindings = db.collection('bindings').where({ memberId })
  const pulled = await bindings.update({ roles: _.pullAll(BRANCH_ROLES.filter((r) => r !== role)) })
  const added = role === 'member' ? { updated: 0 } : await bindings.update({ roles: _.addToSet(role) })
  return pulled.updated + added.updated > 0
}

async function secretaryOf(db: Database, branchId: string, not: string): Promise<MemberDoc | undefined> {
  const _ = db.command
  const res = await db
    .collection('members')
    .where({ branchId, roles: 'secretary', status: _.neq('inactive'), _id: _.neq(not) })
    .limit(1)
    .get()
  return (res.data as MemberDoc[])[0]
}
