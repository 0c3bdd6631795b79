/**
 * org.dismiss: an administrator of the node where someone holds a role takes it back (their own included).
 * The city keeps its last administrator: the count on the city's node is lowered only while above one, by a
 * conditional update, so two administrators dismissing each other at once leave one of them.
 */
import { auditDetail } from '../../src/shared/appointRules'
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { OrgDoc } from '../../src/shared/model'
import { dismissRefusal, minAdminsLeft } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { auditAt, heldField, requireMember } from './appointData'
import { loadOrg, nodeRef } from './nodes'

/**
 * Database calls: caller and member at once, the node, the count of administrators, the member, the binding,
 * the audit entry: 7 for an administrator, 6 for a judge; 2 when they do not hold the role (a repeat).
 */
export async function dismiss({ memberId, role }: ParsedInput<'org', 'dismiss'>, ctx: HandlerContext) {
  const { db, now } = ctx
  const _ = db.command
  const [actor, member] = await Promise.all([requireActor(ctx), requireMember(db, memberId)])
  const field = heldField(role)
  const heldAt = member[field]
  if (!heldAt) return { memberId, role, dismissed: false }
  const node = await loadOrg(db, heldAt)
  const refused = dismissRefusal(actor, nodeRef(node))
  if (refused) throw new AppError(refused.code, refused.explanation)

  const counted = role === 'admin' && (await lowerAdminCount(db, node))
  if (role === 'admin' && !counted && minAdminsLeft(node) > 0) {
    throw new AppError('LAST_ADMIN', memberId === actor.memberId ? undefined : `${member.name}是全市最后一位管理员`)
  }
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
  await db
    .collection('bindings')
    .where({ memberId })
    .update({ [field]: _.remove(), roles: _.pull(role) })
  const detail = auditDetail.dismiss(member.name, node.name, role)
  await auditAt(db, actor, node, { action: 'dismiss', memberId, detail }, now)
  return { memberId, role, dismissed: true }
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
