/**
 * org.invite: an administrator appoints someone from outside the rolls (an expert, a retired cadre) as
 * administrator or judge of a node they administer: a member entry marked `outsider`, at that node, with a
 * fresh invite code that the person binds with (member.bind, method invite) and the role already given.
 */
import { randomInt, randomUUID } from 'crypto'
import { auditDetail, maskPhone } from '../../src/shared/appointRules'
import type { AppointmentView, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { MemberDoc, OrgDoc } from '../../src/shared/model'
import { appointRefusal, type AppointRole } from '../../src/shared/rights'
import { newInviteCode } from '../../src/shared/roster'
import { requireActor } from '../_shared/actor'
import { type Database, isDuplicateWrite } from '../_shared/cloud'
import { boundMemberIds } from '../_shared/members'
import type { HandlerContext } from '../_shared/router'
import { appointmentView, appointNodeOf, auditAt, heldField, recountAdmins } from './appointData'
import { loadOrg } from './nodes'

type Input = ParsedInput<'org', 'invite'>

/** Database calls: caller and node at once, the phone's owner, the new entry, the count (2), the audit entry: 7. */
export async function invite(input: Input, ctx: HandlerContext): Promise<AppointmentView> {
  const { db, now } = ctx
  const [actor, node] = await Promise.all([requireActor(ctx), loadOrg(db, input.orgId)])
  const refused = appointRefusal(actor, appointNodeOf(node), input.role)
  if (refused) throw new AppError(refused.code, refused.explanation)

  for (let tries = 0; ; tries++) {
    const owner = await memberWithPhone(db, input.phone)
    if (owner) return sameInvitation(db, owner, node, input)
    const doc = outsider(input, node)
    try {
      await db.collection('members').add(doc)
    } catch (err) {
      // The phone registered meanwhile (a double tap: answered above next time), or a fresh code taken.
      if (!isDuplicateWrite(err) || tries > 0) throw err
      continue
    }
    if (input.role === 'admin') await recountAdmins(db, node._id)
    const detail = auditDetail.invite(doc.name, node.name, input.role)
    await auditAt(db, actor, node, { action: 'invite', memberId: doc._id, detail }, now)
    return appointmentView(doc, node, input.role, false)
  }
}

function outsider({ name, phone, role }: Input, node: OrgDoc): MemberDoc {
  const roles: AppointRole[] = [role]
  return {
    _id: 'm-' + randomUUID().replace(/-/g, '').slice(0, 16),
    name,
    phone,
    branchId: node._id,
    roles,
    inviteCode: newInviteCode(randomInt),
    outsider: true,
    [heldField(role)]: node._id,
  }
}

/**
 * The phone is someone's already: the same invitation made again (a retry) answers it; anyone else is refused
 * (a member of the rolls is appointed from the search, where the rules about their branch apply).
 */
async function sameInvitation(db: Database, owner: MemberDoc, node: OrgDoc, { name, role }: Input) {
  if (owner.outsider && owner.name === name && owner[heldField(role)] === node._id) {
    if (role === 'admin') await recountAdmins(db, node._id) // an invitation cut off before its count
    return appointmentView(owner, node, role, (await boundMemberIds(db, [owner._id])).has(owner._id))
  }
  throw new AppError(
    'INVALID_STATE',
    `手机号${maskPhone(owner.phone)}已登记在${owner.name}名下；党员请在“查找党员”中找到后任命`,
  )
}

async function memberWithPhone(db: Database, phone: string): Promise<MemberDoc | undefined> {
  const res = await db.collection('members').where({ phone }).limit(1).get()
  return (res.data as MemberDoc[])[0]
}
