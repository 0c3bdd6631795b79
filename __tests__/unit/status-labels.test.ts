import { checkinStatusLabel, proposalStatusLabel, reviewText, signupStatusLabel } from '../../src/utils/status'

describe('signupStatusLabel', () => {
  it('names every sign-up state, with the waitlist place', () => {
    expect(signupStatusLabel('confirmed')).toEqual({ text: '已报名', tone: 'done' })
    expect(signupStatusLabel('waitlisted', 2)).toEqual({ text: '候补第2位', tone: 'waiting' })
    expect(signupStatusLabel('waitlisted')).toEqual({ text: '候补中', tone: 'waiting' })
    expect(signupStatusLabel('pending')).toEqual({ text: '待审核', tone: 'waiting' })
    expect(signupStatusLabel('declined')).toEqual({ text: '未通过', tone: 'refused' })
    expect(signupStatusLabel('cancelled')).toEqual({ text: '已取消', tone: 'neutral' })
  })
})

describe('proposalStatusLabel', () => {
  it('names every proposal state', () => {
    expect(proposalStatusLabel('pending')).toEqual({ text: '等待书记审核', tone: 'waiting' })
    expect(proposalStatusLabel('accepted')).toEqual({ text: '已采纳', tone: 'done' })
    expect(proposalStatusLabel('declined')).toEqual({ text: '未采纳', tone: 'refused' })
  })
})

describe('checkinStatusLabel and reviewText', () => {
  const at = '2025-11-28T11:02:00.000Z' // 19:02 in China
  const checkin = (status: 'in' | 'pending' | 'refused', hours: number) => ({ status, checkedInAt: at, hours })
  const out = { status: 'out' as const, checkedInAt: at, checkedOutAt: '2025-11-28T12:30:00.000Z', hours: 1 }
  it.each([
    { mine: checkin('in', 1.5), level: 'L1', text: '已签到 19:02 · 1.5 学时', tone: 'done' },
    { mine: checkin('in', 0), level: 'L3', text: '已签到 19:02 · 待签退', tone: 'waiting' },
    { mine: out, level: 'L3', text: '已签退 20:30 · 1 学时', tone: 'done' },
    { mine: checkin('pending', 0), level: 'L1', text: '待确认', tone: 'waiting' },
    { mine: checkin('refused', 0), level: 'L1', text: '不予确认', tone: 'refused' },
  ] as const)('names the member’s check-in $mine.status at $level: $text', ({ mine, level, text, tone }) => {
    expect(checkinStatusLabel(mine, level)).toEqual({ text, tone })
  })

  it('says why a scan waits, and whose reason a refusal is', () => {
    expect(reviewText({ status: 'pending', reason: '离线补传的签到需支部书记确认后才计学时' })).toBe(
      '离线补传的签到需支部书记确认后才计学时',
    )
    expect(reviewText({ status: 'refused', reason: '本人当时不在会场' })).toBe('支部书记未予确认：本人当时不在会场')
  })
})
