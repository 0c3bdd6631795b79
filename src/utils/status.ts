/** The words and colour of a sign-up's, a check-in's or a proposal's state (components/StatusTag shows them). */
import { chinaHourMinute } from '../shared/chinaTime'
import type { MyCheckin, ProposalStatus, SignupStatus } from '../shared/contract'
import type { CheckinLevel } from '../shared/model'
import { formatHours } from '../shared/studyHours'
import {
  CHECKIN_STATE,
  PROPOSAL_PENDING_FOR_MEMBER,
  PROPOSAL_STATUS,
  SIGNUP_STATUS,
  waitlistPlace,
} from '../shared/words'

/** done: green, waiting: amber, refused: red, neutral: grey (all ≥ 4.5:1 in StatusTag). */
export type StatusTone = 'done' | 'waiting' | 'refused' | 'neutral'

export interface StatusLabel {
  text: string
  tone: StatusTone
}

const SIGNUP_TONE: Record<SignupStatus, StatusTone> = {
  confirmed: 'done',
  waitlisted: 'waiting',
  pending: 'waiting',
  declined: 'refused',
  cancelled: 'neutral',
}

/** `position` is the place on the waitlist (1 = next); without it the member is told they wait. */
export function signupStatusLabel(status: SignupStatus, position?: number): StatusLabel {
  const waitlisted = position ? waitlistPlace(position) : `${SIGNUP_STATUS.waitlisted}中`
  const text = status === 'waitlisted' ? waitlisted : SIGNUP_STATUS[status]
  return { text, tone: SIGNUP_TONE[status] }
}

/**
 * The member's own check-in: "已签到 19:02 · 1.5 学时", "已签到 19:02 · 待签退" (L3), "已签退 20:30 · 1 学时",
 * "待确认" (an offline scan the secretary has not confirmed yet), "不予确认"; the reason (`mine.review`) is
 * shown under it.
 */
export function checkinStatusLabel(mine: MyCheckin, level: CheckinLevel): StatusLabel {
  const clock = (iso: string) => chinaHourMinute(Date.parse(iso))
  if (mine.status === 'pending') return { text: CHECKIN_STATE.pending, tone: 'waiting' }
  if (mine.status === 'refused') return { text: CHECKIN_STATE.refused, tone: 'refused' }
  const hours = `${formatHours(mine.hours)} 学时`
  if (mine.status === 'out' && mine.checkedOutAt) {
    return { text: `${CHECKIN_STATE.out} ${clock(mine.checkedOutAt)} · ${hours}`, tone: 'done' }
  }
  if (level === 'L3') return { text: `${CHECKIN_STATE.in} ${clock(mine.checkedInAt)} · 待签退`, tone: 'waiting' }
  return { text: `${CHECKIN_STATE.in} ${clock(mine.checkedInAt)} · ${hours}`, tone: 'done' }
}

/** Why the member's scan waits for the secretary, or why they did not confirm it. */
export function reviewText(review: NonNullable<MyCheckin['review']>): string {
  return review.status === 'pending' ? review.reason : `支部书记未予确认：${review.reason}`
}

const PROPOSAL_TONE: Record<ProposalStatus, StatusTone> = { pending: 'waiting', accepted: 'done', declined: 'refused' }

export function proposalStatusLabel(status: ProposalStatus): StatusLabel {
  const text = status === 'pending' ? PROPOSAL_PENDING_FOR_MEMBER : PROPOSAL_STATUS[status]
  return { text, tone: PROPOSAL_TONE[status] }
}
