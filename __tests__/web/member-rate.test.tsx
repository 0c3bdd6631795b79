import { fireEvent, render, screen } from '@testing-library/react'
import Rate from '../../src/member/rate'
import ToRate from '../../src/member/torate'
import type { ActionOutput, MyRating } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { type } from './support/fill'
import { lectureSummary } from './support/replies'
import { callMock, ok, resetPage, serve } from './support/serve'
import { navigateTo } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))
const mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () =>
  jest.requireActual('./support/taroWith').taroWith({
    useRouter: () => ({ params: mockParams, path: '/member/rate/index' }),
  }),
)

const lecture = lectureSummary({ id: 'l1', title: '学习二十届四中全会精神' })
const page = (over: Partial<ActionOutput<'rating', 'myRating'>> = {}) =>
  ok({ lecture, state: 'open' as const, opensAt: lecture.endAt, closesAt: '2099-12-05T16:00:00+08:00', ...over })
const stored: MyRating = {
  lectureId: 'l1',
  overall: 4,
  content: 5,
  delivery: 3,
  gain: 4,
  comment: '讲得很实在',
  createdAt: '2099-11-28T17:00:00+08:00',
}

beforeEach(() => resetPage(mockParams, { id: 'l1' }))

const tap = (label: string) => fireEvent.click(screen.getByLabelText(label))

describe('评价党课 (member/rate)', () => {
  it('asks every score, previews exactly what will be sent, sends it, then shows it as stored', async () => {
    serve({ 'rating.myRating': () => page(), 'rating.rate': () => ok(stored) })
    render(<Rate />)
    await screen.findByText('总体评价')
    expect(
      screen.getByText(/讲课人和支部看不到您的姓名（区县以上组织部门能看到，只用于处理不当言论）/),
    ).toBeInTheDocument()
    for (const q of ['内容好不好', '讲得清楚不清楚', '您有没有收获']) expect(screen.getByText(q)).toBeInTheDocument()
    fireEvent.click(screen.getByText('下一步：确认评价'))
    expect(await screen.findAllByText(/请选1到5分|请为.*打分/)).toHaveLength(4)
    expect(callMock).not.toHaveBeenCalledWith('rating', 'rate', expect.anything())

    tap('总体评价 4分 较好')
    tap('内容 5分 很好')
    tap('讲授 3分 一般')
    tap('收获 4分 较好')
    type('留言（可不填）', '  讲得很实在 ')
    expect(screen.getByText('还可以写 195 字')).toBeInTheDocument()
    fireEvent.click(screen.getByText('下一步：确认评价'))

    expect(await screen.findByText('将提交以下评价')).toBeInTheDocument()
    const shown = [...document.querySelectorAll('.rate__shown-value')].map((e) => e.textContent)
    expect(shown).toEqual(['4分 较好', '5分 很好', '3分 一般', '4分 较好'])
    expect(screen.getByText('讲得很实在')).toBeInTheDocument()
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('评价已提交，谢谢您！')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('rating', 'rate', {
      lectureId: 'l1',
      overall: 4,
      content: 5,
      delivery: 3,
      gain: 4,
      comment: '讲得很实在',
    })
    expect(screen.getByText(/评价提交后不能修改/)).toBeInTheDocument()
    expect(screen.queryByText('提交')).toBeNull()
  })

  it('返回修改 goes back to the form with the choices kept', async () => {
    serve({ 'rating.myRating': () => page() })
    render(<Rate />)
    await screen.findByText('总体评价')
    for (const l of ['总体评价 5分 很好', '内容 5分 很好', '讲授 5分 很好', '收获 5分 很好']) tap(l)
    fireEvent.click(screen.getByText('下一步：确认评价'))
    expect(await screen.findByText('（没有留言）')).toBeInTheDocument()
    fireEvent.click(screen.getByText('返回修改'))
    expect(screen.getByLabelText('内容 5分 很好')).toHaveAttribute('aria-checked', 'true')
  })

  it('shows a refusal under the preview', async () => {
    serve({ 'rating.myRating': () => page(), 'rating.rate': () => refusal('RATING_CLOSED') })
    render(<Rate />)
    await screen.findByText('总体评价')
    for (const l of ['总体评价 3分 一般', '内容 3分 一般', '讲授 3分 一般', '收获 3分 一般']) tap(l)
    fireEvent.click(screen.getByText('下一步：确认评价'))
    fireEvent.click(await screen.findByText('提交'))
    expect(await screen.findByText(ERROR_MESSAGES.RATING_CLOSED)).toBeInTheDocument()
  })

  it('shows a rating given earlier, unchangeable, and says when the window is shut', async () => {
    serve({ 'rating.myRating': () => page({ state: 'rated', mine: stored }) })
    const { unmount } = render(<Rate />)
    expect(await screen.findByText('您已评价')).toBeInTheDocument()
    expect(screen.getByText('讲得很实在')).toBeInTheDocument()
    unmount()
    serve({ 'rating.myRating': () => page({ state: 'closed' }) })
    render(<Rate />)
    expect(await screen.findByText(/评价时间已过/)).toBeInTheDocument()
  })
})

describe('待评价 (member/torate)', () => {
  it('lists the lectures waiting and opens one', async () => {
    serve({ 'rating.pending': () => ok({ items: [{ lecture, closesAt: '2099-12-05T16:00:00+08:00' }] }) })
    render(<ToRate />)
    expect(await screen.findByText('学习二十届四中全会精神')).toBeInTheDocument()
    expect(screen.getByText('12月5日 16:00 前可评价')).toBeInTheDocument()
    expect(screen.getByText(/讲课人和支部看不到您的姓名/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('去评价'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/rate/index?id=l1' })
  })

  it('says so when nothing waits', async () => {
    serve({ 'rating.pending': () => ok({ items: [] }) })
    render(<ToRate />)
    expect(await screen.findByText('没有待评价的党课')).toBeInTheDocument()
  })
})
