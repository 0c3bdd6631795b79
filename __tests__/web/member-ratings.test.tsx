import { fireEvent, render, screen } from '@testing-library/react'
import Given from '../../src/member/given'
import Ratings from '../../src/member/ratings'
import type { GivenLectures, LectureRatings } from '../../src/shared/contract'
import { lectureSummary } from './support/replies'
import { callMock, ok, resetPage, serve } from './support/serve'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))
const mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () =>
  jest.requireActual('./support/taroWith').taroWith({
    useRouter: () => ({ params: mockParams, path: '/member/ratings/index' }),
  }),
)

const lecture = lectureSummary({ id: 'l1', title: '学习二十届四中全会精神' })
const averages = {
  count: 4,
  average: { overall: 4.5, content: 4, delivery: 3.8, gain: 5 },
  dist: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 2 },
}
const comment = { overall: 5, comment: '讲得很实在', at: '2099-11-28T17:00:00+08:00' }
const view = (over: Partial<LectureRatings> = {}): LectureRatings => ({
  lecture,
  sight: 'anonymous',
  count: 4,
  averages,
  commentsShown: true,
  comments: [comment],
  ...over,
})

beforeEach(() => resetPage(mockParams, { id: 'l1' }))

describe('党课评价 (member/ratings)', () => {
  it('shows the averages, the distribution as bars and the comments without names; more on request', async () => {
    serve({
      'rating.ofLecture': (p: { offset?: number }) =>
        ok(p.offset ? view({ comments: [{ ...comment, comment: '第二页' }] }) : view({ next: 20 })),
    })
    render(<Ratings />)
    expect(await screen.findByText('4.5 分')).toBeInTheDocument()
    expect(screen.getByText('3.8 分')).toBeInTheDocument()
    const bars = [...document.querySelectorAll<HTMLElement>('.ratings__bar-fill')].map((e) => e.style.width)
    expect(bars).toEqual(['50%', '50%', '0%', '0%', '0%'])
    expect(screen.getByText('讲得很实在')).toBeInTheDocument()
    expect(screen.getByText('留言不显示评价人姓名')).toBeInTheDocument()
    fireEvent.click(screen.getByText('加载更多留言'))
    expect(await screen.findByText('第二页')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('rating', 'ofLecture', { lectureId: 'l1', offset: 20 })
    expect(screen.queryByText('加载更多留言')).toBeNull()
  })

  it('under 3 ratings says 评价人数不足 and shows no comment', async () => {
    serve({ 'rating.ofLecture': () => ok(view({ count: 2, averages: undefined, commentsShown: false, comments: [] })) })
    render(<Ratings />)
    expect(await screen.findByText('评价人数不足')).toBeInTheDocument()
    expect(screen.getByText('已有2人评价，满3人后显示平均分')).toBeInTheDocument()
    expect(screen.getByText('评价人数不足，满3人后显示留言')).toBeInTheDocument()
  })

  it('shows the name where the server sent it', async () => {
    serve({ 'rating.ofLecture': () => ok(view({ sight: 'named', comments: [{ ...comment, memberName: '王五' }] })) })
    render(<Ratings />)
    expect(await screen.findByText(/王五/)).toBeInTheDocument()
  })
})

describe('我讲的党课 (member/given)', () => {
  it('lists hours, the summary, comments and the lectures', async () => {
    const g: GivenLectures = {
      upcoming: [{ lecture: lectureSummary({ id: 'u1', title: '下周的党课' }), credited: 0, count: 0 }],
      past: [{ lecture, credited: 1.5, count: 4, averages }],
      hours: { year: 2099, thisYear: 1.5, total: 3 },
      summary: { count: 4, averages },
      comments: [{ ...comment, lectureTitle: lecture.title }],
    }
    serve({ 'rating.given': () => ok(g) })
    render(<Given />)
    expect(await screen.findByText('1.5 学时')).toBeInTheDocument()
    expect(screen.getByText('下周的党课')).toBeInTheDocument()
    expect(screen.getByText(/已记讲授1.5学时 · 4.5分 · 4人评价/)).toBeInTheDocument()
    expect(screen.getByText('讲得很实在')).toBeInTheDocument()
  })

  it('says so when the member lectured nothing', async () => {
    serve({
      'rating.given': () =>
        ok({
          upcoming: [],
          past: [],
          hours: { year: 2099, thisYear: 0, total: 0 },
          summary: { count: 0 },
          comments: [],
        }),
    })
    render(<Given />)
    expect(await screen.findByText('您还没有作为主讲人讲过党课')).toBeInTheDocument()
  })
})
