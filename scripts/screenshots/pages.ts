/**
 * The pages `npm run screenshots` takes, as the two people of the demo's lecture of today see them: a
 * bound, signed-up member of its branch and that branch's secretary (both from buildSeed, so the same
 * `now` always picks the same two).
 */
import { buildSeed } from '../seed/data'
import { TODAY_BRANCH_ID, TODAY_LECTURE_ID } from '../seed/today'

export interface Shot {
  /** The file name, without .png. */
  name: string
  /** The hash route the page opens at. */
  route: string
}

export interface Person {
  openid: string
  shots: Shot[]
}

const today = `id=${TODAY_LECTURE_ID}`

const MEMBER_SHOTS: Shot[] = [
  { name: 'member-lecture-list', route: 'pages/index/index' },
  { name: 'member-lecture-detail', route: `pages/lecture/index?${today}` },
  { name: 'member-mine', route: 'pages/mine/index' },
  { name: 'member-bind', route: 'pages/bind/index' },
  { name: 'member-propose', route: 'member/propose/index' },
  { name: 'member-checkin', route: `member/checkin/index?${today}` },
  { name: 'member-hours', route: 'member/hours/index' },
  { name: 'member-mycode', route: 'member/mycode/index' },
]

const SECRETARY_SHOTS: Shot[] = [
  { name: 'manage-lectures', route: 'manage/lectures/index' },
  { name: 'manage-edit', route: `manage/edit/index?${today}` },
  { name: 'manage-roster', route: `manage/roster/index?${today}` },
  { name: 'manage-proposals', route: 'manage/proposals/index' },
  { name: 'manage-members', route: 'manage/members/index' },
  { name: 'manage-checkin', route: `manage/checkin/index?${today}` },
  { name: 'manage-hours', route: 'manage/hours/index' },
  { name: 'manage-targets', route: 'manage/targets/index' },
]

export function cast(now: Date): Person[] {
  const seed = buildSeed(now)
  const openidOf = new Map(seed.bindings.map((b) => [b.memberId, b._id]))
  const confirmed = new Set(
    seed.signups.filter((s) => s.lectureId === TODAY_LECTURE_ID && s.status === 'confirmed').map((s) => s.memberId),
  )
  const ofBranch = seed.members.filter((m) => m.branchId === TODAY_BRANCH_ID && openidOf.has(m._id))
  const member = ofBranch.find((m) => m.roles.every((r) => r === 'member') && confirmed.has(m._id))
  const secretary = ofBranch.find((m) => m.roles.includes('secretary'))
  if (!member || !secretary) throw new Error(`the seed has no bound member and secretary in ${TODAY_BRANCH_ID}`)
  return [
    { openid: openidOf.get(member._id)!, shots: MEMBER_SHOTS },
    { openid: openidOf.get(secretary._id)!, shots: SECRETARY_SHOTS },
  ]
}
