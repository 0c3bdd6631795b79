import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Mine from '../../src/pages/mine'
import type { Me, MyLectureItem, PendingRating, ProposalView } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal, type Reply } from '../../src/shared/errors'
import { goToLogin } from '../../src/utils/login'
import { proposalView } from '../support/proposals'
import { lectureSummary, meReply } from './support/replies'
import { expectTexts } from './support/see'
import { callMock, ok, resetCalls } from './support/serve'
import { navigateTo, showAgain } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))
jest.mock('../../src/utils/login', () => ({ canSignIn: jest.fn(() => true), goToLogin: jest.fn() }))

const summary = (id: string, title: string) =>
  lectureSummary({ id, title, startAt: '2025-11-28T14:30:00+08:00', endAt: '2025-11-28T16:00:00+08:00' })
const item = (id: string, title: string, status: MyLectureItem['status'], position?: number): MyLectureItem => ({
  lecture: summary(id, title),
  status,
  position,
})

/** My own proposal (a member's view of it). */
const proposal = (over: Partial<ProposalView>) =>
  proposalView({ theme: 'village', title: '讲讲咱村的老支书', createdAt: '2025-11-20T09:00:00+08:00', ...over })

/** member.me's answer for a bound member. */
const member = (over: Partial<NonNullable<Me['member']>> = {}) =>
  meReply({ id: 'm-0001', name: '王建国', branchId: 'b1', roles: ['member'], ...over })

/** Answers by action, so the order of the parallel calls does not matter. */
function answer(replies: {
  me: Reply<Me>
  upcoming?: Reply<{ items: MyLectureItem[] }>
  past?: Reply<{ items: MyLectureItem[] }>
  proposals?: Reply<{ items: ProposalView[] }>
  toRate?: Reply<{ items: PendingRating[] }>
}) {
  callMock.mockImplementation(async (fn, action, payload) => {
    if (fn === 'member' && action === 'me') return replies.me
    if (fn === 'signup' && action === 'mine') return (payload.scope === 'past' ? replies.past : replies.upcoming)!
    if (fn === 'proposal' && action === 'mine') return replies.proposals!
    if (fn === 'rating' && action === 'pending') return replies.toRate ?? ok({ items: [] })
    throw new Error(`unexpected call ${fn}.${action}`)
  })
}

const empty = ok({ items: [] })

beforeEach(resetCalls)

describe('我的 page', () => {
  it('explains binding to a WeChat user with no member, and 去绑定 opens the bind page', async () => {
    answer({ me: ok({ bound: false }) })
    render(<Mine />)
    expect(await screen.findByText('您还没有绑定党员身份')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledTimes(1)
    fireEvent.click(screen.getByText('去绑定'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  })

  it('offers 去登录 in the browser when not signed in', async () => {
    answer({ me: refusal('NOT_SIGNED_IN') })
    render(<Mine />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_SIGNED_IN)).toBeInTheDocument()
    fireEvent.click(screen.getByText('去登录'))
    expect(goToLogin).toHaveBeenCalledTimes(1)
  })

  it('shows who I am and my lectures by state, and opens a lecture when tapped', async () => {
    answer({
      me: member(),
      upcoming: ok({
        items: [
          item('l1', '学习二十届四中全会精神', 'confirmed'),
          item('l2', '红色路线寻访', 'waitlisted', 2),
          item('l3', '情景剧：初心', 'pending'),
          item('l4', '已取消的那场', 'cancelled'),
          { ...item('l7', '名额留给本支部', 'declined'), reason: '本场只面向本支部党员' },
        ],
      }),
      past: ok({ items: [item('l5', '上个月的党课', 'confirmed'), item('l6', '没去成的党课', 'waitlisted')] }),
      proposals: empty,
    })
    render(<Mine />)

    expect(await screen.findByText('王建国')).toBeInTheDocument()
    expect(screen.getByText('城关村党支部')).toBeInTheDocument()
    expect(screen.getByText('党员')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('signup', 'mine', { scope: 'upcoming' })
    expect(callMock).toHaveBeenCalledWith('signup', 'mine', { scope: 'past' })
    expect(callMock).toHaveBeenCalledWith('proposal', 'mine', {})

    expectTexts(
      '已报名（1）',
      '候补中（1）',
      '候补第2位',
      '待审核（1）',
      '未通过审核（1）',
      '原因：本场只面向本支部党员',
      '已参加（1）',
      '上个月的党课',
    )
    expect(screen.queryByText('已取消的那场')).not.toBeInTheDocument()
    expect(screen.queryByText('没去成的党课')).not.toBeInTheDocument()
    expect(screen.queryByText('支部工作')).not.toBeInTheDocument()

    fireEvent.click(screen.getByText('红色路线寻访'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/lecture/index?id=l2' })
  })

  it('says of a sign-up left in the old branch that it may be cancelled, and opens the page that does it', async () => {
    answer({
      me: member(),
      upcoming: ok({ items: [{ ...item('l1', '原支部的党课', 'confirmed'), movedAway: true }] }),
      past: empty,
      proposals: empty,
    })
    render(<Mine />)
    fireEvent.click(await screen.findByText('已转出原支部，可取消报名'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/moved/index' })
  })

  it('shows my proposals with their state and a decline reason, and 我要讲党课 opens the form', async () => {
    answer({
      me: member(),
      upcoming: empty,
      past: empty,
      proposals: ok({
        items: [
          proposal({ id: 'p1' }),
          proposal({ id: 'p2', title: '车间里的党课', theme: 'workshop', status: 'accepted' }),
          proposal({ id: 'p3', title: '田间话振兴', theme: 'field', status: 'declined', reason: '本月已安排同类主题' }),
        ],
      }),
    })
    render(<Mine />)

    expect(await screen.findByText('讲讲咱村的老支书')).toBeInTheDocument()
    expectTexts(
      '等待书记审核',
      '已采纳',
      '未采纳',
      '原因：本月已安排同类主题',
      '乡味党课 · 11月20日 周四提交',
      '暂无，去“党课”页看看吧',
    )

    fireEvent.click(screen.getByText('我要讲党课'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/propose/index' })
  })

  it('gives a secretary the entries to the manage pages', async () => {
    answer({
      me: member({ roles: ['member', 'secretary'], manages: [{ id: 'b1', name: '城关村党支部', kind: 'branch' }] }),
      upcoming: empty,
      past: empty,
      proposals: empty,
    })
    render(<Mine />)
    const work = (await screen.findByText('支部工作')).parentElement!
    expect(screen.getByText('支部书记、党员')).toBeInTheDocument()
    fireEvent.click(within(work).getByText('党课管理'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/manage/lectures/index' })
    fireEvent.click(within(work).getByText('党员名册'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/manage/members/index' })
    fireEvent.click(within(work).getByText('自荐审核'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/manage/proposals/index' })
  })

  it('keeps the rest of the page when one section is refused', async () => {
    answer({ me: member(), upcoming: empty, past: empty, proposals: refusal('INTERNAL') })
    render(<Mine />)
    expect(await screen.findByText(ERROR_MESSAGES.INTERNAL)).toBeInTheDocument()
    expect(screen.getByText('王建国')).toBeInTheDocument()
    expect(screen.getByText('已报名（0）')).toBeInTheDocument()
    expect(screen.getByText('我要讲党课')).toBeInTheDocument()
  })

  it('refreshes in place when the member comes back (e.g. after signing up)', async () => {
    answer({ me: member(), upcoming: empty, past: empty, proposals: empty })
    render(<Mine />)
    await screen.findByText('已报名（0）')
    expect(callMock).toHaveBeenCalledTimes(5) // me, then the two lists, the proposals and 待评价 side by side

    answer({
      me: member(),
      upcoming: ok({ items: [item('l1', '学习二十届四中全会精神', 'confirmed')] }),
      past: empty,
      proposals: empty,
    })
    await act(async () => showAgain())
    expect(screen.getByText('已报名（1）')).toBeInTheDocument()
    expect(screen.queryByText('正在加载…')).not.toBeInTheDocument()
    expect(callMock).toHaveBeenCalledTimes(10)
  })

  it('shows 待评价 (n) only when lectures wait for a rating, and opens the list', async () => {
    const waiting = [1, 2].map((n) => ({
      lecture: summary(`l${n}`, `党课${n}`),
      closesAt: '2025-12-05T16:00:00+08:00',
    }))
    answer({ me: member(), upcoming: empty, past: empty, proposals: empty, toRate: ok({ items: waiting }) })
    render(<Mine />)
    fireEvent.click(await screen.findByText('待评价 (2)'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/torate/index' })
  })

  it('shows no 待评价 row when nothing waits', async () => {
    answer({ me: member(), upcoming: empty, past: empty, proposals: empty })
    render(<Mine />)
    expect(await screen.findByText('签到与学时')).toBeInTheDocument()
    expect(screen.queryByText(/待评价/)).toBeNull()
  })
})
