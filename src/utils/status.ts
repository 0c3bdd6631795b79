/** The words and colour of a sign-up's or a proposal's state (components/StatusTag shows them). */
import type { ProposalStatus, SignupStatus } from '../shared/contract'

/** done: green, waiting: amber, refused: red, neutral: grey (all ≥ 4.5:1 in StatusTag). */
export type StatusTone = 'done' | 'waiting' | 'refused' | 'neutral'

export interface StatusLabel {
  text: string
  tone: StatusTone
}

/** `position` is the place on the waitlist (1 = next). */
export function signupStatusLabel(status: SignupStatus, position?: number): StatusLabel {
  switch (status) {
    case 'confirmed':
      return { text: '已报名', tone: 'done' }
    case 'waitlisted':
      return { text: position ? `候补第${position}位` : '候补中', tone: 'waiting' }
    case 'pending':
      return { text: '待审核', tone: 'waiting' }
    case 'declined':
      return { text: '未通过', tone: 'refused' }
    case 'cancelled':
      return { text: '已取消', tone: 'neutral' }
  }
}

export function proposalStatusLabel(status: ProposalStatus): StatusLabel {
  switch (status) {
    case 'pending':
      return { text: '等待书记审核', tone: 'waiting' }
    case 'accepted':
      return { text: '已采纳', tone: 'done' }
    case 'declined':
      return { text: '未采纳', tone: 'refused' }
  }
}
