import type { SignupFacts } from '../../src/utils/signup'
import { cancelPolicyText, cancelUntil, signUpResultText, signupAction } from '../../src/utils/signup'

// Thursday 2025-11-27 10:00 in China; the lecture is on Friday afternoon, sign-up closes Friday noon.
const now = new Date('2025-11-27T10:00:00+08:00')
const lecture: SignupFacts = {
  status: 'published',
  startAt: '2025-11-28T14:30:00+08:00',
  endAt: '2025-11-28T16:00:00+08:00',
  signupDeadline: '2025-11-28T12:00:00+08:00',
  seatsLeft: 5,
  cancelPolicy: 'untilDeadline',
}
const at = (iso: string) => new Date(iso)

describe('signupAction', () => {
  it('offers 报名 while seats are left and sign-up is open, 加入候补 when full', () => {
    expect(signupAction(lecture, now)).toEqual({ kind: 'signUp', label: '报名' })
    expect(signupAction({ ...lecture, seatsLeft: 0 }, now)).toEqual({ kind: 'waitlist', label: '加入候补' })
  })

  it('offers sign-up again after the member cancelled', () => {
    expect(signupAction({ ...lecture, mySignup: { status: 'cancelled' } }, now).kind).toBe('signUp')
  })

  it('says 报名已截止 from the deadline on, full or not', () => {
    expect(signupAction(lecture, at('2025-11-28T12:00:00+08:00'))).toEqual({ kind: 'closed', label: '报名已截止' })
    expect(signupAction({ ...lecture, seatsLeft: 0 }, at('2025-11-28T13:00:00+08:00')).label).toBe('报名已截止')
  })

  it('offers 取消报名 to a member holding a seat, a waitlist place or a pending request', () => {
    for (const status of ['confirmed', 'waitlisted', 'pending'] as const) {
      expect(signupAction({ ...lecture, mySignup: { status } }, now)).toEqual({ kind: 'cancel', label: '取消报名' })
    }
  })

  it('follows the cancellation policy: until the deadline, or until the start', () => {
    const afterDeadline = at('2025-11-28T13:00:00+08:00')
    const signed = { ...lecture, mySignup: { status: 'confirmed' as const } }
    expect(signupAction(signed, afterDeadline)).toEqual({ kind: 'closed', label: '已过取消报名的时间' })
    expect(signupAction({ ...signed, cancelPolicy: 'untilStart' }, afterDeadline).kind).toBe('cancel')
    expect(signupAction({ ...signed, cancelPolicy: 'untilStart' }, at(lecture.startAt)).kind).toBe('closed')
  })

  it('offers nothing to a declined member', () => {
    expect(signupAction({ ...lecture, mySignup: { status: 'declined' } }, now)).toEqual({
      kind: 'closed',
      label: '报名未通过审核',
    })
  })

  it('says why a cancelled, draft, finished or ended lecture takes nothing, before the member state', () => {
    const mine = { mySignup: { status: 'confirmed' as const } }
    expect(signupAction({ ...lecture, ...mine, status: 'cancelled' }, now).label).toBe('党课已取消')
    expect(signupAction({ ...lecture, status: 'draft' }, now).label).toBe('党课尚未发布')
    expect(signupAction({ ...lecture, ...mine, status: 'finished' }, now).label).toBe('党课已结束')
    expect(signupAction({ ...lecture, ...mine }, at(lecture.endAt)).label).toBe('党课已结束')
  })
})

describe('cancellation policy in words', () => {
  it('names the moment by the policy', () => {
    expect(cancelUntil(lecture)).toBe(lecture.signupDeadline)
    expect(cancelUntil({ ...lecture, cancelPolicy: 'untilStart' })).toBe(lecture.startAt)
    expect(cancelPolicyText(lecture)).toBe('报名截止前（11月28日 周五 12:00）可以取消报名')
    expect(cancelPolicyText({ ...lecture, cancelPolicy: 'untilStart' })).toBe(
      '开讲前（11月28日 周五 14:30）可以取消报名',
    )
  })
})

describe('signUpResultText', () => {
  it('tells the member where they stand', () => {
    expect(signUpResultText({ status: 'confirmed' })).toBe('报名成功')
    expect(signUpResultText({ status: 'waitlisted', position: 3 })).toBe('已加入候补，排第3位')
    expect(signUpResultText({ status: 'waitlisted' })).toBe('已加入候补')
    expect(signUpResultText({ status: 'pending' })).toBe('已提交，请等待支部审核')
  })
})
