/** Nodes of the organisation tree as the functions read them. */
import type { OrgDoc } from '../../src/shared/model'
import type { NodeRef } from '../../src/shared/rights'
import type { Database } from './cloud'

export async function readOrg(db: Database, id: string): Promise<OrgDoc | undefined> {
  const res = await db.collection('orgs').doc(id).get()
  return (res.data as OrgDoc[])[0]
}

export const nodeOf = (org: OrgDoc): NodeRef => ({ id: org._id, ancestors: org.path })
