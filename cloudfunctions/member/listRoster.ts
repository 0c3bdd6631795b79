/** member.roster: a branch's members as its secretary keeps them (phones, invite codes, who has bound). */
import type { ParsedInput, RosterEntry } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { BindingDoc, MemberDoc } from '../../src/shared/model'
import { isRemovedPhone } from '../../src/shared/privacy'
import { managesRosterOf } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'
import { loadBranch, nodeOf } from './data'

/** A branch has tens of members (a bigger one is split); the SDK reads at most 1000 at once. */
const MAX_MEMBERS = 1000

/** Database calls: 4 (caller and branch at once, the members, their bindings). */
export async function listRoster({ branchId }: ParsedInput<'member', 'roster'>, ctx: HandlerContext) {
  const { db } = ctx
  const [actor, branch] = await Promise.all([requireActor(ctx), loadBranch(db, branchId)])
  if (!managesRosterOf(actor, nodeOf(branch))) throw new AppError('FORBIDDEN')
  const members = (await db.collection('members').where({ branchId }).limit(MAX_MEMBERS).get()).data as MemberDoc[]
  const bound = new Set<string>()
  if (members.length) {
    const res = await db
      .collection('bindings')
      .where({ memberId: db.command.in(members.map((m) => m._id)) })
      .field({ memberId: true })
      .limit(MAX_MEMBERS)
      .get()
    for (const b of res.data as Pick<BindingDoc, 'memberId'>[]) bound.add(b.memberId)
  }
  const entries: RosterEntry[] = members
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-Hans-CN'))
    .map((m) => {
      const entry: RosterEntry = {
        id: m._id,
        name: m.name,
        // Removed after the retention period (maintenance/retention.ts): the placeholder is no phone.
        phone: isRemovedPhone(m.phone) ? '' : m.phone,
        roles: m.roles,
        bound: bound.has(m._id),
        inviteCode: m.inviteCode,
      }
      if (m.status === 'inactive') entry.inactive = true
      if (m.pendingTransferId) entry.transferPending = true
      return entry
    })
  return { branch: { id: branch._id, name: branch.name }, members: entries }
}

/** The secretary first, then the committee, then everyone else; those who left the rolls (已退出) last. */
const rank = ({ roles, status }: MemberDoc) =>
  status === 'inactive' ? 3 : roles.includes('secretary') ? 0 : roles.includes('committee') ? 1 : 2
