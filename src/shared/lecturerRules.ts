/**
 * 师资库 (issue 8): who adds, removes and edits a lecturer profile, and how an invitation to lecture moves,
 * as pure rules. A profile hangs at a node (a bound member's: their branch; an outsider's: the node whose
 * administrator added them): administrators of that node or above keep it; the bound member edits only
 * their introduction and specialties. Refusals are answered as `Refused` (rights.ts) for the function to throw.
 */
import type { InvitationDoc, LectureDoc, LecturerDoc } from './model'
import { type Actor, administers, managesLecturesOf, type NodeRef, type Refused } from './rights'

/** Input limits, shared by the contract and the pages. */
export const LECTURER_LIMITS = {
  name: 20,
  unit: 40,
  title: 40,
  intro: 500,
  topics: 10,
  reason: 200,
} as const

/** A bound member's profile id: one per member, so a retried 入库 stores one. */
export const memberProfileId = (memberId: string) => `m:${memberId}`

/** The node a profile hangs at, as the rights rules see it. */
export const profileNode = (p: Pick<LecturerDoc, 'orgId' | 'orgPath'>): NodeRef => ({
  id: p.orgId,
  ancestors: p.orgPath.filter((id) => id !== p.orgId),
})

/** The district (second level of the tree, root first) of a node's path, for the pool's district filter. */
export const districtOf = (orgPath: readonly string[]): string | undefined => orgPath[1]

/** 入库 and 移出: administrators of the profile's node or above it. */
export function keepRefusal(actor: Actor, node: NodeRef): Refused | undefined {
  return administers(actor, node) ? undefined : { code: 'FORBIDDEN', explanation: '只能管理您所管理组织及其下级的师资' }
}

/** Which fields the caller may edit: administrators all, the bound member their introduction and specialties. */
export type EditScope = 'all' | 'own'

export function editScope(
  actor: Actor,
  profile: Pick<LecturerDoc, 'orgId' | 'orgPath' | 'memberId'>,
): EditScope | undefined {
  if (administers(actor, profileNode(profile))) return 'all'
  if (profile.memberId && profile.memberId === actor.memberId) return 'own'
  return undefined
}

/** The fields the bound member edits themselves. */
export const OWN_FIELDS = ['intro', 'themes', 'topicIds'] as const

/** Editing refused: someone else's profile, or a removed one. */
export function editRefusal(
  actor: Actor,
  profile: Pick<LecturerDoc, 'orgId' | 'orgPath' | 'memberId' | 'status'>,
  wants: EditScope,
): Refused | undefined {
  const scope = editScope(actor, profile)
  if (!scope || (wants === 'all' && scope !== 'all')) {
    return { code: 'FORBIDDEN', explanation: '只能修改自己的介绍，或您所管理组织的师资' }
  }
  if (profile.status === 'removed') return { code: 'LECTURER_REMOVED' }
  return undefined
}

/**
 * Whether the caller names this lecturer on a lecture as their own (a member of a branch they manage, or an
 * outsider added under a node they manage) or invites them (a lecturer of another node).
 */
export function needsInvitation(actor: Actor, profile: Pick<LecturerDoc, 'orgId' | 'orgPath' | 'memberId'>): boolean {
  if (profile.memberId === actor.memberId) return false
  return !managesLecturesOf(actor, profileNode(profile))
}

export type InvitationStatus = InvitationDoc['status']
export type Decision = 'accept' | 'decline' | 'withdraw'

const AFTER: Record<Decision, InvitationStatus> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' }

/**
 * An invitation moves once, from pending: accepted or declined (by the lecturer, or recorded for an outsider
 * by the inviting side), withdrawn (by the inviting side). Declining needs a reason.
 */
export function nextStatus(
  from: InvitationStatus,
  decision: Decision,
  reason?: string,
): { status: InvitationStatus } | Refused {
  if (from !== 'pending') return { code: 'INVALID_STATE', explanation: `这个邀请已${INVITATION_STATUS[from]}` }
  if (decision === 'decline' && !reason?.trim()) return { code: 'INVALID_INPUT', explanation: '婉拒请填写原因' }
  return { status: AFTER[decision] }
}

export const INVITATION_STATUS: Record<InvitationStatus, string> = {
  pending: '待答复',
  accepted: '接受',
  declined: '婉拒',
  withdrawn: '撤回',
}

/**
 * Who answers: a bound lecturer answers their own (`answer`); for an outsider (no member) the inviting side
 * records the answer (`record`) and may withdraw any pending invitation (`withdraw`). The inviting side is
 * whoever manages the lectures of the node that sent it.
 */
export function answerRefusal(
  actor: Actor,
  invitation: Pick<InvitationDoc, 'memberId'>,
  from: NodeRef,
  how: 'answer' | 'record' | 'withdraw',
): Refused | undefined {
  if (how === 'answer') {
    return invitation.memberId && invitation.memberId === actor.memberId
      ? undefined
      : { code: 'FORBIDDEN', explanation: '这不是给您的邀请' }
  }
  if (!managesLecturesOf(actor, from)) return { code: 'FORBIDDEN', explanation: '只有发出邀请的组织能处理' }
  if (how === 'record' && invitation.memberId) {
    return { code: 'INVALID_STATE', explanation: '这位主讲人是党员，请由本人在“我的”里答复' }
  }
  return undefined
}

/** Inviting to a lecture: its managers, for an active profile, a lecture not yet over or cancelled. */
export function inviteRefusal(
  actor: Actor,
  lecture: { host: NodeRef; status: string; endAt: Date },
  profile: Pick<LecturerDoc, 'status'>,
  now: Date,
): Refused | undefined {
  if (!managesLecturesOf(actor, lecture.host)) return { code: 'FORBIDDEN', explanation: '只能为您管理的党课邀请主讲人' }
  if (profile.status !== 'active') return { code: 'LECTURER_REMOVED' }
  if (lecture.status === 'cancelled' || lecture.status === 'finished' || lecture.endAt.getTime() <= now.getTime()) {
    return { code: 'INVALID_STATE', explanation: '这场党课已结束或已取消' }
  }
  return undefined
}

/** A rating as a line for the pool and the profile: the average from 3 ratings, 评价人数不足 under it. */
export function ratingWords(s: { ratingCount: number; rating?: { average: { overall: number } } }): string {
  if (s.rating) return `${s.rating.average.overall.toFixed(1)} 分 · ${s.ratingCount}人评价`
  return s.ratingCount ? `评价人数不足（${s.ratingCount}人）` : '暂无评价'
}

/** A lecture still takes the lecturer an accepted invitation names while it is a draft or published. */
export const NAMES_ON_ACCEPT = ['draft', 'published'] as const

/** What an accepted invitation writes onto the lecture: the profile's name, title and binding, its speaker role. */
export function lecturerOnLecture(
  profile: Pick<LecturerDoc, '_id' | 'name' | 'title' | 'memberId' | 'speakerRole'>,
): Pick<LectureDoc, 'lecturer' | 'speakerRole'> {
  return {
    lecturer: {
      name: profile.name,
      ...(profile.title && { title: profile.title }),
      ...(profile.memberId && { memberId: profile.memberId }),
      profileId: profile._id,
    },
    speakerRole: profile.speakerRole,
  }
}
