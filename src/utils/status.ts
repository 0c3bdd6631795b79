/** The words and colour of a sign-up's, a check-in's or a proposal's state (components/StatusTag shows them). */
import { chinaHourMinute } from '../shared/chinaTime'
import type { MyCheckin, ProposalStatus, SignupStatus } from '../shared/contract'
import type { CheckinLevel } from '../shared/model'
import { formatHours } from '../shared/studyHours'

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

/**
 * The member's own check-in: "已签到 19:02 · 1.5 学时", "已签到 19:02 · 待签退" (L3), "已签退 20:30 · 1 学时",
 * "待确认" (an offline scan the secretary has not confirmed yet), "不予确认"; the reason (`mine.review`) is
 * shown under it.
 */
export function checkinStatusLabel(mine: MyCheckin, level: CheckinLevel): StatusLabel {
  const clock = (iso: string) => chinaHourMinute(Date.parse(iso))
  if (mine.status === 'pending') return { text: '待确认', tone: 'waiting' }
  if (mine.status === 'refused') return { text: '不予确认', tone: 'refused' }
  if (mine.status === 'out' && mine.checkedOutAt) {
    return { text: `已签退 ${clock(mine.checkedOutAt)} · ${formatHours(mine.hours)} 学时`, tone: 'done' }
  }
  if (level === 'L3') return { text: `已签到 ${clock(mine.checkedInAt)} · 待签退`, tone: 'waiting' }
  return { text: `已签到 ${clock(mine.checkedInAt)} · ${formatHours(mine.hours)} 学时`, tone: 'done' }
}

/** Why the member's scan waits for the secretary, or why they did not confirm it. */
export function reviewText(review: NonNullable<MyCheckin['review']>): string {
  return review.status === 'pending' ? review.reason : `支部书记未予确认：${review.reason}`
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
