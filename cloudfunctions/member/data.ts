/** Reads shared by the member function's actions. */
import { AppError } from '../../src/shared/errors'
import type { OrgDoc } from '../../src/shared/model'
import type { Database } from '../_shared/cloud'
import { readOrg } from '../_shared/orgs'

export { nodeOf, readOrg } from '../_shared/orgs'

/** A branch (rosters belong to branches), or NOT_FOUND. */
export async function loadBranch(db: Database, id: string): Promise<OrgDoc> {
  const org = await readOrg(db, id)
  if (!org || org.kind !== 'branch') throw new AppError('NOT_FOUND')
  return org
}
