/** A stored proposal as pages see it. */
import type { ProposalView } from '../../src/shared/contract'
import type { ProposalDoc } from '../../src/shared/model'

export function toView(doc: ProposalDoc): ProposalView {
  const view: ProposalView = {
    id: doc._id,
    memberId: doc.memberId,
    memberName: doc.memberName,
    branchId: doc.branchId,
    theme: doc.theme,
    title: doc.title,
    outline: doc.outline,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
  }
  if (doc.reason) view.reason = doc.reason
  if (doc.lectureId) view.lectureId = doc.lectureId
  return view
}

/** Proposals shown at once: a branch receives a few a month. */
export const PROPOSAL_LIMIT = 100
