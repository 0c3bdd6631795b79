/**
 * org.appoint: an administrator appoints a member of their subtree as administrator or judge of a node they
 * administer. It takes effect on the appointee's next call: the binding carries the roles (rights.ts Actor).
 */
import { auditDetail } from '../../src/shared/appointRules'
import type { AppointmentView, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { appointRefusal, type AppointRole } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import { boundMemberIds, memberAsActor } from '../_shared/members'
import { readOrg } from '../_shared/orgs'
import type { HandlerContext } from '../_shared/router'
import { appointmentAudited, appointmentView, appointNodeOf, auditAt, heldField, recountAdmins } from './appointData'
import { loadOrg } from './nodes'

/**
 * Database calls: caller, node, member and their branch (4 reads, 2 round trips), the member claimed (only
 * if they hold the role nowhere), the node's administrators recounted (2), the binding, the audit entry (on a
 * repeat: whether it was written), whether they have bound: 10 for an administrator, 8 for a judge.
 */
export async function appoint(
  { memberId, orgId, role }: ParsedInput<'org', 'appoint'>,
  ctx: HandlerContext,
): Promise<AppointmentView> {
  const { db, now } = ctx
  const _ = db.command
  const [actor, node, found] = await Promise.all([requireActor(ctx), loadOrg(db, orgId), memberAsActor(db, memberId)])
  if (!found) throw new AppError('NOT_FOUND')
  const { member } = found
  const field = heldField(role)
  const heldAt = member[field]
  const holds = heldAt
    ? { id: heldAt, name: heldAt === orgId ? node.name : ((await readOrg(db, heldAt))?.name ?? '另一个组织') }
    : undefined
  const refused = appointRefusal(actor, appointNodeOf(node), role, {
    name: member.name,
    home: { id: member.branchId, ancestors: found.actor.path.slice(0, -1) },
    inactive: member.status === 'inactive',
    holds,
  })
  if (refused) throw new AppError(refused.code, refused.explanation)

  const claiming = heldAt !== orgId
  if (claiming) await claim(db, memberId, role, orgId)
  // The rest also for a repeat: a request cut off after its claim is completed by its retry, once.
  if (role === 'admin') await recountAdmins(db, orgId)
  await db
    .collection('bindings')
    .where({ memberId })
    .update({ [field]: orgId, roles: _.addToSet(role) })
  if (claiming || !(await appointmentAudited(db, member, node, role))) {
    const detail = auditDetail.appoint(member.name, node.name, role)
    await auditAt(db, actor, node, { action: 'appoint', memberId, detail }, now)
  }
  const bound = await boundMemberIds(db, [memberId])
  return appointmentView(member, node, role, bound.has(memberId))
}

/** Of two appointments of one person at once, one finds the field still empty; the other is refused. */
async function claim(db: Database, memberId: string, role: AppointRole, orgId: string): Promise<void> {
  const _ = db.command
  const claimed = await db
    .collection('members')
    .where({ _id: memberId, [heldField(role)]: _.exists(false), status: _.neq('inactive') })
    .update({ [heldField(role)]: orgId, roles: _.addToSet(role) })
  if (!claimed.updated) throw new AppError('INVALID_STATE', '这位党员的任命刚刚有了变化，请刷新后再看')
}
