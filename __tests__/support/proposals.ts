/** Members' proposals as the proposal function answers them, for page tests; a test overrides what it asserts. */
import type { ProposalView } from '../../src/shared/contract'

/** 李秀英's pending proposal to 城关村党支部 (b-1), as the secretary's inbox shows it. */
export const proposalView = (over: Partial<ProposalView> = {}): ProposalView => ({
  id: 'p1',
  memberId: 'm-7',
  memberName: '李秀英',
  branchId: 'b-1',
  theme: 'field',
  title: '田间地头话振兴',
  outline: '一、乡村振兴的由来；二、我们村的变化；三、每个党员能做什么。',
  status: 'pending',
  createdAt: '2099-11-20T01:05:00.000Z',
  ...over,
})
