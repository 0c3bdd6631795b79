/**
 * The demo's lecturer pool (师资库): the members who lectured most, with bound WeChat identities, and the
 * invited outsiders of past lectures (experts, model workers, an old member), each kept at the district that
 * hosted them; the demo lectures of pool lecturers carry their profileId. One pending invitation waits for a
 * bound member who can sign in (their 我的 shows 讲课邀请 (1)). Mutates `lectures` and `bindings` in place.
 */
import { districtOf, memberProfileId } from '../../src/shared/lecturerRules'
import type { BindingDoc, InvitationDoc, LectureDoc, LecturerDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import { speakerRoleOf } from '../../src/shared/lectureRules'

const MEMBERS_IN_POOL = 8
const INTRO = {
  member: '多年在支部讲党课，结合身边人身边事讲理论，群众爱听。',
  expert: '长期从事党的理论教育和党史研究，讲课深入浅出。',
  model: '把自己的奋斗经历讲给党员群众听，用身边的榜样带动人。',
} as const

export function buildPool(
  now: Date,
  lectures: LectureDoc[],
  members: MemberDoc[],
  orgs: OrgDoc[],
  bindings: BindingDoc[],
): { lecturers: LecturerDoc[]; invitations: InvitationDoc[] } {
  const byId = new Map(orgs.map((o) => [o._id, o]))
  const member = new Map(members.map((m) => [m._id, m]))
  const bound = new Set(bindings.map((b) => b.memberId))
  const cityAdmin = members.find((m) => m.adminOrgId === orgs.find((o) => o.parentId === null)?._id)!
  const base = { status: 'active' as const, topicIds: [], addedBy: cityAdmin._id, createdAt: now, updatedAt: now }

  const given = new Map<string, LectureDoc[]>()
  for (const l of lectures) {
    const key = l.lecturer.memberId ?? (l.endAt < now ? `out:${l.lecturer.name}` : undefined)
    if (key) given.set(key, [...(given.get(key) ?? []), l])
  }
  const themesOf = (ls: LectureDoc[]) => [...new Set(ls.map((l) => l.theme))]
  const lecturers: LecturerDoc[] = []

  const topMembers = [...given]
    .filter(([k]) => !k.startsWith('out:') && bound.has(k))
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, MEMBERS_IN_POOL)
  for (const [memberId, ls] of topMembers) {
    const m = member.get(memberId)!
    const branch = byId.get(m.branchId)!
    const orgPath = [...branch.path, branch._id]
    lecturers.push({
      ...base,
      _id: memberProfileId(memberId),
      name: m.name,
      unit: branch.name,
      title: m.roles.includes('secretary') ? '党支部书记' : m.roles.includes('committee') ? '党支部委员' : '党员',
      speakerRole: speakerRoleOf(m.roles),
      memberId,
      themes: themesOf(ls),
      intro: INTRO.member,
      orgId: branch._id,
      orgPath,
      districtId: districtOf(orgPath),
    })
  }
  // Outsiders of past lectures: kept at the district that hosted them.
  for (const [key, ls] of given) {
    if (!key.startsWith('out:')) continue
    const l = ls[0]
    const districtId = l.hostPath[1] ?? l.hostOrgId
    const district = byId.get(districtId)!
    const old = l.lecturer.title?.includes('老党员')
    lecturers.push({
      ...base,
      _id: `lp-demo-${lecturers.length}`,
      name: l.lecturer.name,
      unit: '',
      title: l.lecturer.title ?? '',
      speakerRole: old ? 'member' : l.speakerRole,
      themes: themesOf(ls),
      intro: old ? INTRO.member : l.speakerRole === 'expert' ? INTRO.expert : INTRO.model,
      orgId: district._id,
      orgPath: [...district.path, district._id],
      districtId: district._id,
    })
  }
  const profileOf = new Map(lecturers.map((p) => [p.memberId ?? `out:${p.name}`, p._id]))
  for (const l of lectures) {
    const profileId = profileOf.get(l.lecturer.memberId ?? `out:${l.lecturer.name}`)
    if (profileId) l.lecturer.profileId = profileId
  }
  return { lecturers, invitations: demoInvitation(now, lectures, lecturers, members, bindings) }
}

/** A published lecture to come, in another district than the first bound pool member: it invites them. */
function demoInvitation(
  now: Date,
  lectures: LectureDoc[],
  lecturers: LecturerDoc[],
  members: MemberDoc[],
  bindings: BindingDoc[],
): InvitationDoc[] {
  const lecturer = lecturers.find((p) => p.memberId)
  const lecture =
    lecturer &&
    lectures.find(
      (l) =>
        l.status === 'published' && l.startAt > now && l.hostPath[1] !== lecturer.districtId && !l.lecturer.profileId,
    )
  const by = lecture && members.find((m) => m.branchId === lecture.hostOrgId && m.roles.includes('secretary'))
  if (!lecturer?.memberId || !lecture || !by) return []
  const binding = bindings.find((b) => b.memberId === lecturer.memberId)!
  binding.invitationsPending = 1
  return [
    {
      _id: `${lecture._id}:${lecturer._id}`,
      lectureId: lecture._id,
      lectureTitle: lecture.title,
      lectureStartAt: lecture.startAt,
      lecturerId: lecturer._id,
      lecturerName: lecturer.name,
      memberId: lecturer.memberId,
      fromOrgId: lecture.hostOrgId,
      fromOrgName: lecture.hostOrgName,
      by: by._id,
      byName: by.name,
      status: 'pending',
      createdAt: now,
    },
  ]
}
