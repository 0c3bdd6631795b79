/** The caller the rules' unit tests start from: 张三, a member of 支部bA under 市 > 区A (dA) > 街道A1 (sA1). */
import type { Actor } from '../../src/shared/rights'

export const PATH_A = ['city', 'dA', 'sA1']

export const actor = (over: Partial<Actor>): Actor => ({
  memberId: 'm',
  name: '张三',
  branchId: 'bA',
  path: [...PATH_A, 'bA'],
  roles: ['member'],
  ...over,
})
