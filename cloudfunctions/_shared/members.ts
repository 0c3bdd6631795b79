/** A roster member as the rights rules see them, for actions that name someone other than the caller. */
import type { MemberDoc, OrgDoc } from '../../src/shared/model'
import type { Actor } from '../../src/shared/rights'
import type { Database } from './cloud'

/**
 * The member and an Actor made of them (their branch's place in the tree), or undefined if there is no such
 * member. A branch that is gone leaves an empty path: the member then sees and belongs to nothing.
 * Reads: the member 1, their branch 1.
 */
export async function memberAsActor(
  db: Database,
  memberId: string,
): Promise<{ member: MemberDoc; actor: Actor } | undefined> {
  const res = await db.collection('members').doc(memberId).get()
  const member = (res.data as MemberDoc[])[0]
  if (!member) return undefined
  const org = await db.collection('orgs').doc(member.branchId).get()
  const branch = (org.data as OrgDoc[])[0]
  const path = branch ? [...branch.path, branch._id] : []
  const { name, branchId, roles, adminOrgId } = member
  return { member, actor: { memberId, name, branchId, path, roles, adminOrgId } }
}
