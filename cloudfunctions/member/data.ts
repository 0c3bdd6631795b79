/** Reads shared by the member function's actions. */
import { AppError } from '../../src/shared/errors'
import type { MemberDoc, OrgDoc } from '../../src/shared/model'
import type { NodeRef } from '../../src/shared/rights'
import type { Database } from '../_shared/cloud'

export async function readOrg(db: Database, id: string): Promise<OrgDoc | undefined> {
  const res = await db.collection('orgs').doc(id).get()
  return (res.data as OrgDoc[])[0]
}

/** A branch (rosters belong to branches), or NOT_FOUND. */
export async function loadBranch(db: Database, id: string): Promise<OrgDoc> {
  const org = await readOrg(db, id)
  if (!org || org.kind !== 'branch') throw new AppError('NOT_FOUND')
  return org
}

export const nodeOf = (org: OrgDoc): NodeRef => ({ id: org._id, ancestors: org.path })

/** A member of the rolls, or NOT_FOUND (an invited administrator or judge is in no roster). */
export async function loadRosterMember(db: Database, id: string): Promise<MemberDoc> {
  const res = await db.collection('members').doc(id).get()
  const member = (res.data as MemberDoc[])[0]
  if (!member || member.outsider) throw new AppError('NOT_FOUND')
  return member
}

/** How many documents a conditional update changed: 1 when its condition still held. */
export const applied = (res: unknown) => (res as { updated?: number }).updated === 1
