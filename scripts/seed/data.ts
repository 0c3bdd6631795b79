/** The demo data that the local system loads on first start: the same `now` always gives the same documents. */
import type { BindingDoc, LectureDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import { buildLectures } from './lectures'
import { buildOrgs } from './orgs'
import { bindingFor } from '../../cloudfunctions/_shared/actor'
import { buildMembers, demoOpenid } from './people'

const SEED_EPOCH = new Date(Date.UTC(2026, 0, 1))

export interface Seed {
  orgs: OrgDoc[]
  members: MemberDoc[]
  bindings: BindingDoc[]
  lectures: LectureDoc[]
}

export function buildSeed(now: Date): Seed {
  const { orgs, hosts } = buildOrgs()
  const { members, names, bound } = buildMembers(orgs.filter((o) => o.kind === 'branch').map((o) => o._id))
  const byId = new Map(orgs.map((o) => [o._id, o]))
  const bindings = bound.map((m) => bindingFor(demoOpenid(m._id), m, byId.get(m.branchId)!, SEED_EPOCH))
  const lectures = buildLectures(now, hosts, members, names)
  return { orgs, members, bindings, lectures }
}
