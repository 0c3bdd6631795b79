/**
 * What the lecture page offers a member, in words: their own state, the one action that fits it, the
 * cancellation policy and the result of an action. Only for showing: the server decides every rule
 * again and its refusal is shown when the two disagree (e.g. the last seat went a second ago).
 */
import type { LectureDetail, SignupResult, SignupStatus } from '../shared/contract'
import { formatTimeRange } from '../shared/chinaTime'

/** The fields of a lecture that decide what the member can do. */
export type SignupFacts = Pick<
  LectureDetail,
  'status' | 'startAt' | 'endAt' | 'signupDeadline' | 'seatsLeft' | 'cancelPolicy' | 'mySignup'
>

export type SignupAction =
  | { kind: 'signUp'; label: string }
  | { kind: 'waitlist'; label: string }
  | { kind: 'cancel'; label: string }
  /** Nothing to do; `label` says why, in place of the button. */
  | { kind: 'closed'; label: string }

/** Sign-ups that hold a seat or a place: these can be cancelled. */
const HOLDING: readonly SignupStatus[] = ['confirmed', 'waitlisted', 'pending']

/** The last moment a member may cancel, by the lecture's policy. */
export function cancelUntil(lecture: Pick<LectureDetail, 'cancelPolicy' | 'signupDeadline' | 'startAt'>): string {
  return lecture.cancelPolicy === 'untilStart' ? lecture.startAt : lecture.signupDeadline
}

const before = (now: Date, iso: string) => now.getTime() < Date.parse(iso)

/** The one action of the big button, checked in the order a member would ask "why not?". */
export function signupAction(lecture: SignupFacts, now: Date): SignupAction {
  if (lecture.status === 'cancelled') return { kind: 'closed', label: '党课已取消' }
  if (lecture.status === 'draft') return { kind: 'closed', label: '党课尚未发布' }
  if (lecture.status === 'finished' || !before(now, lecture.endAt)) return { kind: 'closed', label: '党课已结束' }

  const mine = lecture.mySignup?.status
  if (mine && HOLDING.includes(mine)) {
    return before(now, cancelUntil(lecture))
      ? { kind: 'cancel', label: '取消报名' }
      : { kind: 'closed', label: '已过取消报名的时间' }
  }
  if (mine === 'declined') return { kind: 'closed', label: '报名未通过审核' }

  if (!before(now, lecture.signupDeadline)) return { kind: 'closed', label: '报名已截止' }
  if (lecture.seatsLeft <= 0) return { kind: 'waitlist', label: '加入候补' }
  return { kind: 'signUp', label: '报名' }
}

/** "报名截止前（11月28日 周五 12:00）可以取消报名" */
export function cancelPolicyText(lecture: Pick<LectureDetail, 'cancelPolicy' | 'signupDeadline' | 'startAt'>): string {
  const when = formatTimeRange(cancelUntil(lecture))
  return lecture.cancelPolicy === 'untilStart' ? `开讲前（${when}）可以取消报名` : `报名截止前（${when}）可以取消报名`
}

/** What the member is told after signing up. */
export function signUpResultText(result: SignupResult): string {
  switch (result.status) {
    case 'confirmed':
      return '报名成功'
    case 'waitlisted':
      return result.position ? `已加入候补，排第${result.position}位` : '已加入候补'
    case 'pending':
      return '已提交，请等待支部审核'
    case 'declined':
      return '报名未通过审核'
    case 'cancelled':
      return '已取消报名'
  }
}
