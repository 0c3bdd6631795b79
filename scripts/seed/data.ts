/** The demo data that the local system loads on first start: the same `now` always gives the same documents. */
import type {
  BindingDoc,
  CheckinDoc,
  InvitationDoc,
  LectureDoc,
  LecturerDoc,
  LedgerEntryDoc,
  MemberDoc,
  OrgDoc,
  RatingDoc,
  SignupDoc,
  TopicDoc,
} from '../../src/shared/model'
import { buildHistory } from './history'
import { buildLectures } from './lectures'
import { buildOrgs } from './orgs'
import { buildRatings } from './ratings'
import { buildPool } from './pool'
import { bindingFor } from '../../cloudfunctions/_shared/actor'
import { buildMembers, demoOpenid } from './people'
import { buildTodayLecture, TODAY_BRANCH_ID } from './today'
import { seedTopics } from './topics'

const SEED_EPOCH = new Date(Date.UTC(2026, 0, 1))

export interface Seed {
  orgs: OrgDoc[]
  members: MemberDoc[]
  bindings: BindingDoc[]
  lectures: LectureDoc[]
  signups: SignupDoc[]
  checkins: CheckinDoc[]
  ledger: LedgerEntryDoc[]
  ratings: RatingDoc[]
  topics: TopicDoc[]
  lecturers: LecturerDoc[]
  invitations: InvitationDoc[]
}

export function buildSeed(now: Date): Seed {
  const { orgs, hosts } = buildOrgs()
  const { members, names, bound } = buildMembers(orgs.filter((o) => o.kind === 'branch').map((o) => o._id))
  const byId = new Map(orgs.map((o) => [o._id, o]))
  // Each node counts its administrators (org.dismiss keeps the city's last one by this count).
  for (const m of members) if (m.adminOrgId) byId.get(m.adminOrgId)!.admins = (byId.get(m.adminOrgId)!.admins ?? 0) + 1
  const bindings = bound.map((m) => bindingFor(demoOpenid(m._id), m, byId.get(m.branchId)!, SEED_EPOCH))
  const boundIds = new Set(bound.map((m) => m._id))
  const lectures = buildLectures(now, hosts, members, names)
  const history = buildHistory(now, lectures, members, orgs, boundIds, TODAY_BRANCH_ID)
  const today = buildTodayLecture(now, hosts, members, boundIds)
  const ratings = buildRatings(now, lectures, history.checkins, members)
  const topics = seedTopics(now, orgs, [...lectures, today.lecture])
  const pool = buildPool(now, [...lectures, today.lecture], members, orgs, bindings)
  return {
    orgs,
    members,
    bindings,
    lectures: [...lectures, today.lecture],
    signups: [...history.signups, ...today.signups],
    checkins: history.checkins,
    ledger: history.ledger,
    ratings,
    topics,
    ...pool,
  }
}
