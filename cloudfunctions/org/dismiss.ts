/**
 * org.dismiss: an administrator of the node where someone holds a role takes it back (their own included).
 * The city keeps an administrator who can act: one who has bound, besides the one dismissed (an invitation
 * nobody used counts for nothing). Of two dismissing each other at once, the count on the city's node is
 * lowered only while above one, by a conditional update, so one of them stays.
 * The member's document is the claim; the binding (where rights are read) follows it, and so does an
 * outsider's end once they hold no role: a retry of a dismissal cut off after the claim completes it.
 */
import { auditDetail } from '../../src/shared/appointRules'
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { BindingDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import { type Actor, type AppointRole, dismissRefusal, minAdminsLeft } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { auditAt, heldField, requireMember } from './appointData'
import { loadOrg, nodeRef } from './nodes'

/** Why an outsider's entry ended: they were in the system only for the appointment. */
export const APPOINTMENT_ENDED = '任命结束'

/**
 * Database calls: caller and member at once, the node, (at the city: another bound administrator), the count
 * of administrators, the member, the binding, the audit entry: 7 for an administrator, 6 for a judge; 3 when
 * they do not hold the role (a repeat: their binding is read, to finish a dismissal that was cut off).
 */
export async function dismiss({ memberId, role }: ParsedInput<'org', 'dismiss'>, ctx: HandlerContext) {
  const { db, now } = ctx
  const _ = db.command
  const [actor, member] = await Promise.all([requireActor(ctx), requireMember(db, memberId)])
  const field = heldField(role)
  const heldAt = member[field]
  if (!heldAt) return { memberId, role, dismissed: await finishCutOff(ctx, actor, member, role) }
  const node = await loadOrg(db, heldAt)
  const refused = dismissRefusal(actor, nodeRef(node))
  if (refused) throw new AppError(refused.code, refused.explanation)

  const keepsOne = role === 'admin' && minAdminsLeft(node) > 0
  if (keepsOne && !(await anotherBoundAdmin(db, node._id, memberId))) throw lastAdmin(actor, member)
  const counted = role === 'admin' && (await lowerAdminCount(db, node))
  if (keepsOne && !counted) throw lastAdmin(actor, member)
  const taken = await db
    .collection('members')
    .where({ _id: memberId, [field]: heldAt })
    .update({ [field]: _.remove(), roles: _.pull(role) })
  if (!taken.updated) {
    // Dismissed meanwhile by another request: give the count back, and nothing else happened here.
    if (counted)
      await db
        .collection('orgs')
        .doc(node._id)
        .update({ admins: _.inc(1) })
    return { memberId, role, dismissed: false }
  }
  await settle(ctx, { ...member, roles: member.roles.filter((r) => r !== role) }, role)
  const detail = auditDetail.dismiss(member.name, node.name, role)
  await auditAt(db, actor, node, { action: 'dismiss', memberId, detail }, now)
  return { memberId, role, dismissed: true }
}

/**
 * The member no longer holds the role: a repeat, or a retry of a dismissal cut off after its claim. The
 * binding still holding the role (or an outsider left with none still active) says which; then the node is
 * the binding's (the outsider's own), the caller must administer it, and what was left is done and audited
 * (true). A cut-off after that step and before the entry loses the entry: the rights are what must not stay.
 */
async function finishCutOff(ctx: HandlerContext, actor: Actor, member: MemberDoc, role: AppointRole): Promise<boolean> {
  const { db, now } = ctx
  const res = await db.collection('bindings').where({ memberId: member._id }).limit(1).get()
  const leftAt = (res.data as BindingDoc[])[0]?.[heldField(role)]
  const nodeId = leftAt ?? (endsOutsider(member) && member.status !== 'inactive' ? member.branchId : undefined)
  if (!nodeId) return false
  const node = await loadOrg(db, nodeId)
  const refused = dismissRefusal(actor, nodeRef(node))
  if (refused) throw new AppError(refused.code, refused.explanation)
  if (!(await settle(ctx, member, role))) return false
  const detail = auditDetail.dismiss(member.name, node.name, role)
  await auditAt(db, actor, node, { action: 'dismiss', memberId: member._id, detail }, now)
  return true
}

/** An outsider holding no appointment any more: they were in the system only for it. */
const endsOutsider = (member: MemberDoc) =>
  Boolean(member.outsider) && !member.roles.includes('admin') && !member.roles.includes('judge')

/**
 * After the claim (`member` as it is now): the binding loses the role, or an outsider with no role left is
 * signed out and their entry ends (status inactive), so they see no lectures. Absolute steps, harmless when
 * repeated; true if any of them still changed something.
 */
async function settle({ db, now }: HandlerContext, member: MemberDoc, role: AppointRole): Promise<boolean> {
  const _ = db.command
  const field = heldField(role)
  const bindings = db.collection('bindings')
  if (!endsOutsider(member)) {
    const res = await bindings
      .where({ memberId: member._id, [field]: _.exists(true) })
      .update({ [field]: _.remove(), roles: _.pull(role) })
    return res.updated > 0
  }
  const removed = await bindings.where({ memberId: member._id }).remove()
  const ended = await db
    .collection('members')
    .where({ _id: member._id, status: _.neq('inactive') })
    .update({ status: 'inactive', deactivatedAt: now, deactivatedReason: APPOINTMENT_ENDED })
  return removed.deleted > 0 || ended.updated > 0
}

/** Another administrator of the node who has bound (an unused invitation cannot act); index bindings.adminOrgId. */
async function anotherBoundAdmin(db: Database, nodeId: string, memberId: string): Promise<boolean> {
  const _ = db.command
  const res = await db
    .collection('bindings')
    .where({ adminOrgId: nodeId, roles: 'admin', memberId: _.neq(memberId) })
    .count()
  return res.total > 0
}

function lastAdmin(actor: Actor, member: MemberDoc): AppError {
  if (member._id === actor.memberId) return new AppError('LAST_ADMIN')
  return new AppError(
    'LAST_ADMIN',
    `撤下后全市就没有能登录的管理员了；${member.name}请留任，直到另一位管理员登录小程序`,
  )
}

/** One administrator fewer at the node, unless that would leave fewer than it keeps; false if not lowered. */
async function lowerAdminCount(db: Database, node: OrgDoc): Promise<boolean> {
  const _ = db.command
  const res = await db
    .collection('orgs')
    .where({ _id: node._id, admins: _.gt(minAdminsLeft(node)) })
    .update({ admins: _.inc(-1) })
  return res.updated > 0
}
