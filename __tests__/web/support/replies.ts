/**
 * What the functions answer, for page tests: one default record of each kind (the 城关村 branch, its secretary,
 * its lecture), which a test overrides where its assertions depend on a value.
 */
import type { Me } from '../../../src/shared/contract'
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

export { lectureDetail, lectureSummary } from '../../support/lectures'
