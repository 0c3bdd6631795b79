/** Reads shared by the member function's actions. */
import { AppError } from '../../src/shared/errors'
import type { OrgDoc } from '../../src/shared/model'
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
