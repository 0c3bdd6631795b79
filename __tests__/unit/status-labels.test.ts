import { proposalStatusLabel, signupStatusLabel } from '../../src/utils/status'

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
