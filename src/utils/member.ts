/** The "我的" page's view of a member: roles in words, the manage entries they may open, their lectures by state. */
import type { Me, MyLectureItem } from '../shared/contract'
import type { Role } from '../shared/model'
import { TOPIC_KINDS } from '../shared/topicRules'
import { OWN_ROLE } from '../shared/words'
import { routes } from './routes'

/** "支部书记、党员": offices first, as members introduce themselves. */
export function roleNames(roles: readonly Role[]): string {
  const order: Role[] = ['admin', 'secretary', 'committee', 'judge', 'member']
  return order
    .filter((r) => roles.includes(r))
    .map((r) => OWN_ROLE[r])
    .join('、')
}

export interface ManageEntry {
  title: string
  url: string
}

/**
 * The secretary's pages a member may open (src/shared/rights.ts decides on the server): lectures and
 * proposals for anyone who manages a node's lectures, the roster for secretaries and administrators, the
 * tree and its appointments for administrators.
 */
export function manageEntries(member: NonNullable<Me['member']>): ManageEntry[] {
  if (member.manages.length === 0) return []
  const admin = member.roles.includes('admin')
  const roster = admin || member.roles.includes('secretary')
  return [
    { title: '党课管理', url: routes.manageLectures },
    ...(roster ? [{ title: '党员名册', url: routes.manageMembers }] : []),
    { title: '自荐审核', url: routes.manageProposals },
    { title: '师资库', url: routes.managePool },
    ...(admin
      ? [
          { title: '组织架构', url: routes.manageOrg },
          { title: '管理员与评审专家', url: routes.manageAppoint },
          // the city's and the districts' administrators keep a key-topic list (topicRules)
          ...(member.manages.some((n) => TOPIC_KINDS.includes(n.kind))
            ? [{ title: '重点选题', url: routes.manageTopics }]
            : []),
        ]
      : []),
  ]
}

export interface MyLectures {
  signedUp: MyLectureItem[]
  waitlisted: MyLectureItem[]
  pending: MyLectureItem[]
  declined: MyLectureItem[]
  attended: MyLectureItem[]
}

/** Upcoming sign-ups by state (cancelled ones are left out) and the past ones the member had a seat at. */
export function groupMyLectures(upcoming: readonly MyLectureItem[], past: readonly MyLectureItem[]): MyLectures {
  const of = (status: MyLectureItem['status']) => upcoming.filter((i) => i.status === status)
  return {
    signedUp: of('confirmed'),
    waitlisted: of('waitlisted'),
    pending: of('pending'),
    declined: of('declined'),
    attended: past.filter((i) => i.status === 'confirmed'),
  }
}
