/**
 * What the functions answer, for page tests: one default record of each kind (the 城关村 branch, its secretary,
 * its lecture), which a test overrides where its assertions depend on a value.
 */
import type { LectureSummary, Me } from '../../../src/shared/contract'
import type { Reply } from '../../../src/shared/errors'
import { ok } from './serve'

export const BRANCH = { id: 'b-1', name: '城关村党支部', kind: 'branch' as const }
export const STREET = { id: 's-1', name: '文化东路街道', kind: 'street' as const }

type Member = NonNullable<Me['member']>

/** member.me for a bound member: by default 张书记, secretary of BRANCH, managing nothing. */
export const meReply = (over: Partial<Member> = {}): Reply<Me> =>
  ok({
    bound: true,
    member: {
      id: 'm-1',
      name: '张书记',
      branchId: 'b-1',
      branchName: '城关村党支部',
      roles: ['secretary'],
      manages: [],
      ...over,
    },
  })

/** A published lecture of BRANCH in the far future, as lists show it. */
export function lectureSummary(over: Partial<LectureSummary> = {}): LectureSummary {
  return {
    id: 'l1',
    title: '学习二十届四中全会精神',
    theme: 'village',
    lecturerName: '王建国',
    hostOrgName: '城关村党支部',
    startAt: '2099-11-28T14:30:00+08:00',
    endAt: '2099-11-28T16:00:00+08:00',
    address: '城关村党群服务中心二楼',
    capacity: 40,
    seatsLeft: 28,
    hours: 1.5,
    status: 'published',
    ...over,
  }
}
