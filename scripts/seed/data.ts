/** The demo data that the local system loads on first start: the same `now` always gives the same documents. */
import type { BindingDoc, LectureDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import { buildLectures } from './lectures'
import { buildOrgs } from './orgs'
import { buildMembers } from './people'

export interface Seed {
  orgs: OrgDoc[]
  members: MemberDoc[]
  bindings: BindingDoc[]
  lectures: LectureDoc[]
}

export function buildSeed(now: Date): Seed {
  const { orgs, hosts } = buildOrgs()
  const { members, names, bindings } = buildMembers(orgs.filter((o) => o.kind === 'branch').map((o) => o._id))
  const lectures = buildLectures(now, hosts, members, names)
  return { orgs, members, bindings, lectures }
}
