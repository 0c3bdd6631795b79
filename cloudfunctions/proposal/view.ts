/** A stored proposal as pages see it. */
import type { ProposalView } from '../../src/shared/contract'
import type { ProposalDoc } from '../../src/shared/model'
import { setFieldsOf } from '../_shared/views'

export function toView(doc: ProposalDoc): ProposalView {
  const { _id: id, memberId, memberName, branchId, theme, title, outline, status } = doc
  const createdAt = doc.createdAt.toISOString()
  return {
    id,
    memberId,
    memberName,
    branchId,
    theme,
    title,
    outline,
    status,
    createdAt,
    ...setFieldsOf({ reason: doc.reason, lectureId: doc.lectureId, topicId: doc.topicId, topicTitle: doc.topicTitle }),
  }
}

/** Proposals shown at once: a branch receives a few a month. */
export const PROPOSAL_LIMIT = 100
