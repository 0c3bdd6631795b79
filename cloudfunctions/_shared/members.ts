/** A roster member as the rights rules see them, for actions that name someone other than the caller. */
import type { BindingDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import type { Actor } from '../../src/shared/rights'
import type { Database } from './cloud'
import { readOrg } from './orgs'

/**
 * The member and an Actor made of them (their branch's place in the tree), or undefined if there is no such
 * member, with their branch (an outsider's: their node). A branch that is gone leaves an empty path: the
 * member then sees and belongs to nothing. Reads: the member 1, their branch 1.
 */
export async function memberAsActor(
  db: Database,
  memberId: string,
): Promise<{ member: MemberDoc; actor: Actor; branch?: OrgDoc } | undefined> {
  const res = await db.collection('members').doc(memberId).get()
  const member = (res.data as MemberDoc[])[0]
  if (!member) return undefined
  const branch = await readOrg(db, member.branchId)
  const path = branch ? [...branch.path, branch._id] : []
  const { name, branchId, roles, adminOrgId } = member
  return { member, actor: { memberId, name, branchId, path, roles, adminOrgId }, branch }
}

/** Which of these members have bound a WeChat identity. Reads: one per thousand members. */
export async function boundMemberIds(db: Database, memberIds: string[]): Promise<Set<string>> {
  const bound = new Set<string>()
  for (let i = 0; i < memberIds.length; i += 1000) {
    const res = await db
      .collection('bindings')
      .where({ memberId: db.command.in(memberIds.slice(i, i + 1000)) })
      .field({ memberId: true })
      .limit(1000)
      .get()
    for (const b of res.data as Pick<BindingDoc, 'memberId'>[]) bound.add(b.memberId)
  }
  return bound
}
