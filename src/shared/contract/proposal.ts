/** proposal: 个人自荐, a member proposes to give a lecture; the branch secretary accepts or declines. */
import * as z from 'zod'
import { THEME_CODES, type ThemeCode } from '../themes'
import { id, procedure } from './common'

export type ProposalStatus = 'pending' | 'accepted' | 'declined'

export interface ProposalView {
  id: string
  memberId: string
  memberName: string
  branchId: string
  theme: ThemeCode
  title: string
  outline: string
  status: ProposalStatus
  /** Why it was declined, for the member to read. */
  reason?: string
  /** The draft lecture made from it when accepted. */
  lectureId?: string
  /** The key topic (点题) it answers; the draft lecture carries it. */
  topicId?: string
  topicTitle?: string
  createdAt: string
}

export const proposalProcedures = {
  propose: procedure<ProposalView>()(
    z.object({
      theme: z.enum(THEME_CODES),
      title: z.string().trim().min(2, '题目至少2个字').max(60),
      outline: z.string().trim().min(10, '提纲至少10个字').max(2000),
      topicId: id.optional(),
    }),
  ),
  mine: procedure<{ items: ProposalView[] }>()(z.object({})),
  inbox: procedure<{ items: ProposalView[] }>()(
    z.object({ branchId: id, status: z.enum(['pending', 'all']).default('pending') }),
  ),
  decide: procedure<ProposalView>()(
    z.discriminatedUnion('decision', [
      z.object({ id, decision: z.literal('accept') }),
      z.object({ id, decision: z.literal('decline'), reason: z.string().trim().min(2, '请填写原因').max(200) }),
    ]),
  ),
}
