import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { call } from '../../src/api/client'
import Index from '../../src/pages/index'
import type { LectureList, LectureSummary } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal, type Reply } from '../../src/shared/errors'
import { THEMES } from '../../src/shared/themes'
import { lectureSummary } from './support/replies'
import { expectTexts } from './support/see'
import { ok } from './support/serve'
import { navigateTo, showAgain } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const callMock = call as unknown as jest.Mock<Promise<Reply<LectureList>>, [string, string, Record<string, unknown>]>

/** A lecture of the past year (the list shows its date). */
const lecture = (over: Partial<LectureSummary> = {}) =>
  lectureSummary({
    startAt: '2025-11-28T14:30:00+08:00',
    endAt: '2025-11-28T16:00:00+08:00',
    seatsLeft: 12,
    hours: 2,
    ...over,
  })

/** A reply the test resolves when it wants (to see loading states and out-of-order replies). */
function deferred() {
  let resolve!: (r: Reply<LectureList>) => void
  const promise = new Promise<Reply<LectureList>>((r) => (resolve = r))
  return { promise, resolve }
}

/** Opens the list on its first page: one lecture, by 王建国. */
async function openList() {
  callMock.mockResolvedValueOnce(ok({ items: [lecture()] }))
  render(<Index />)
  await screen.findByText('王建国')
}

/** Tapping `button` drops the search: the first page is asked again and shown, the search box is empty. */
async function expectClearedBy(button: string) {
  callMock.mockResolvedValueOnce(ok({ items: [lecture()] }))
  fireEvent.click(screen.getByText(button))
  expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20 })
  expect(await screen.findByText('王建国')).toBeInTheDocument()
  expect(screen.getByPlaceholderText('搜索题目或主讲人')).toHaveValue('')
}

beforeEach(() => {
  callMock.mockReset()
  navigateTo.mockClear()
})

describe('lecture list page', () => {
  it('shows 正在加载… and then the lectures of the first page', async () => {
    const first = deferred()
    callMock.mockReturnValueOnce(first.promise)
    render(<Index />)

    expect(screen.getByText('正在加载…')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledTimes(1)
    expect(callMock).toHaveBeenCalledWith('lecture', 'list', { pageSize: 20 })

    await act(async () =>
      first.resolve(
        ok({
          items: [
            lecture(),
            lecture({
              id: 'l2',
              title: '红色路线寻访',
              theme: 'walking',
              lecturerName: '李秀英',
              seatsLeft: 0,
              hours: 1.5,
              status: 'published',
            }),
          ],
        }),
      ),
    )

    expectTexts('学习二十届四中全会精神', '王建国', '余 12 席', '2 学时')
    expect(screen.getAllByText('城关村党支部')).toHaveLength(2)
    expect(screen.getAllByText('11月28日 周五 14:30–16:00')).toHaveLength(2)
    expect(screen.getAllByText('城关村党群服务中心二楼')).toHaveLength(2)
    expectTexts('红色路线寻访', '李秀英', '已满', '1.5 学时')
    // theme tags on the "全部" tab (the tab row holds the same names once more)
    expect(screen.getAllByText('行走党课')).toHaveLength(2)
    expect(screen.queryByText('正在加载…')).not.toBeInTheDocument()
    expect(screen.queryByText('加载更多')).not.toBeInTheDocument()
  })

  it('shows 全部 and the nine theme tabs, and reloads with the theme of a tapped tab', async () => {
    await openList()

    for (const name of ['全部', ...THEMES.map((t) => t.name)]) {
      expect(screen.getAllByText(name).length).toBeGreaterThan(0)
    }

    callMock.mockResolvedValueOnce(ok({ items: [lecture({ id: 'v1', title: '乡音讲党史' })] }))
    fireEvent.click(screen.getByText('田坎党课'))
    callMock.mockResolvedValueOnce(ok({ items: [lecture({ id: 'v2', title: '村里的老支书' })] }))
    fireEvent.click(screen.getAllByText('乡味党课')[0])

    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { theme: 'village', pageSize: 20 })
    expect(await screen.findByText('村里的老支书')).toBeInTheDocument()
    // the list of the tab tapped before is not shown
    expect(screen.queryByText('乡音讲党史')).not.toBeInTheDocument()

    callMock.mockResolvedValueOnce(ok({ items: [] }))
    fireEvent.click(screen.getByText('全部'))
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20 })
    expect(await screen.findByText('暂无党课')).toBeInTheDocument()
  })

  it('ignores a reply that arrives after the member switched to another theme', async () => {
    const all = deferred()
    const field = deferred()
    callMock.mockReturnValueOnce(all.promise).mockReturnValueOnce(field.promise)
    render(<Index />)
    fireEvent.click(screen.getByText('田坎党课'))

    await act(async () =>
      field.resolve(ok({ items: [lecture({ id: 'f1', title: '田间地头话振兴', theme: 'field' })] })),
    )
    await act(async () => all.resolve(ok({ items: [lecture({ id: 'a1', title: '过时的全部列表' })] })))

    expect(screen.getByText('田间地头话振兴')).toBeInTheDocument()
    expect(screen.queryByText('过时的全部列表')).not.toBeInTheDocument()
  })

  it('passes `after: next` for 加载更多 and appends the next page', async () => {
    const next = { startAt: '2025-11-28T14:30:00+08:00', id: 'l1' }
    callMock.mockResolvedValueOnce(ok({ items: [lecture()], next }))
    render(<Index />)

    const more = await screen.findByText('加载更多')
    const second = deferred()
    callMock.mockReturnValueOnce(second.promise)
    fireEvent.click(more)

    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20, after: next })
    // while the page loads, the button says so and a second tap asks nothing more
    fireEvent.click(screen.getByText('正在加载…'))
    expect(callMock).toHaveBeenCalledTimes(2)

    await act(async () => second.resolve(ok({ items: [lecture({ id: 'l9', title: '第二页的党课' })] })))
    expect(screen.getByText('第二页的党课')).toBeInTheDocument()
    expect(screen.getByText('学习二十届四中全会精神')).toBeInTheDocument()
    expect(screen.queryByText('加载更多')).not.toBeInTheDocument()
  })

  it('keeps the theme when loading more', async () => {
    await openList()

    const next = { startAt: '2025-11-29T09:00:00+08:00', id: 'w1' }
    callMock.mockResolvedValueOnce(ok({ items: [lecture({ id: 'w1', theme: 'walking' })], next }))
    fireEvent.click(screen.getByText('行走党课'))
    callMock.mockResolvedValueOnce(ok({ items: [] }))
    fireEvent.click(await screen.findByText('加载更多'))

    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', {
      theme: 'walking',
      pageSize: 20,
      after: next,
    })
    await waitFor(() => expect(screen.queryByText('加载更多')).not.toBeInTheDocument())
  })

  it('shows a refusal with its message, and 重试 asks again', async () => {
    callMock.mockResolvedValueOnce(refusal('NETWORK'))
    render(<Index />)

    expect(await screen.findByText(ERROR_MESSAGES.NETWORK)).toBeInTheDocument()
    expect(screen.queryByText('暂无党课')).not.toBeInTheDocument()

    callMock.mockResolvedValueOnce(ok({ items: [lecture()] }))
    fireEvent.click(screen.getByText('重试'))

    expect(await screen.findByText('王建国')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledTimes(2)
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20 })
    expect(screen.queryByText(ERROR_MESSAGES.NETWORK)).not.toBeInTheDocument()
  })

  it('shows the explanation of a refusal when there is one', async () => {
    callMock.mockResolvedValueOnce(refusal('INVALID_INPUT', '每页最多 50 条'))
    render(<Index />)
    expect(await screen.findByText(ERROR_MESSAGES.INVALID_INPUT)).toBeInTheDocument()
    expect(screen.getByText('每页最多 50 条')).toBeInTheDocument()
  })

  it('keeps the list when 加载更多 is refused, and its 重试 asks for the same page', async () => {
    const next = { startAt: '2025-11-28T14:30:00+08:00', id: 'l1' }
    callMock.mockResolvedValueOnce(ok({ items: [lecture()], next }))
    render(<Index />)

    callMock.mockResolvedValueOnce(refusal('INTERNAL'))
    fireEvent.click(await screen.findByText('加载更多'))

    expect(await screen.findByText(ERROR_MESSAGES.INTERNAL)).toBeInTheDocument()
    expect(screen.getByText('王建国')).toBeInTheDocument()

    callMock.mockResolvedValueOnce(ok({ items: [lecture({ id: 'l2', title: '第二页的党课' })] }))
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('第二页的党课')).toBeInTheDocument()
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20, after: next })
    expect(screen.queryByText(ERROR_MESSAGES.INTERNAL)).not.toBeInTheDocument()
  })

  it('refreshes seats quietly when the member comes back to the page', async () => {
    callMock.mockResolvedValueOnce(ok({ items: [lecture()] }))
    render(<Index />)
    await screen.findByText('余 12 席')
    expect(callMock).toHaveBeenCalledTimes(1) // the first show does not load twice

    const again = deferred()
    callMock.mockReturnValueOnce(again.promise)
    act(() => showAgain())
    expect(callMock).toHaveBeenCalledTimes(2)
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20 })
    // the list stays on screen while it reloads
    expect(screen.getByText('余 12 席')).toBeInTheDocument()
    expect(screen.queryByText('正在加载…')).not.toBeInTheDocument()

    await act(async () => again.resolve(ok({ items: [lecture({ seatsLeft: 11 })] })))
    expect(screen.getByText('余 11 席')).toBeInTheDocument()

    // a refused quiet refresh keeps the list as it was
    callMock.mockResolvedValueOnce(refusal('NETWORK'))
    await act(async () => showAgain())
    expect(screen.getByText('余 11 席')).toBeInTheDocument()
    expect(screen.queryByText(ERROR_MESSAGES.NETWORK)).not.toBeInTheDocument()
  })

  it('shows 暂无党课 for an empty list', async () => {
    callMock.mockResolvedValueOnce(ok({ items: [] }))
    render(<Index />)
    expect(await screen.findByText('暂无党课')).toBeInTheDocument()
    expect(screen.queryByText('加载更多')).not.toBeInTheDocument()
  })
})

describe('lecture list page: filters, search and opening a lecture', () => {
  it('starts on 即将开始 and reloads with the filter of a tapped chip, keeping the theme', async () => {
    await openList()
    expect(screen.getByRole('radio', { name: '即将开始' })).toHaveAttribute('aria-checked', 'true')

    callMock.mockResolvedValueOnce(ok({ items: [lecture({ id: 'w1', title: '本周的党课' })] }))
    fireEvent.click(screen.getByText('本周'))
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20, filter: 'thisWeek' })
    expect(await screen.findByText('本周的党课')).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: '本周' })).toHaveAttribute('aria-checked', 'true')

    callMock.mockResolvedValueOnce(ok({ items: [] }))
    fireEvent.click(screen.getByRole('tab', { name: '乡味党课' }))
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20, filter: 'thisWeek', theme: 'village' })
    await screen.findByText('暂无党课')

    callMock.mockResolvedValueOnce(ok({ items: [] }))
    fireEvent.click(screen.getByText('本支部'))
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20, filter: 'myBranch', theme: 'village' })
    await waitFor(() => expect(callMock).toHaveBeenCalledTimes(4))

    // a tap on the chip already chosen asks nothing
    fireEvent.click(screen.getByText('本支部'))
    expect(callMock).toHaveBeenCalledTimes(4)

    callMock.mockResolvedValueOnce(ok({ items: [] }))
    fireEvent.click(screen.getByText('全市开放'))
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', {
      pageSize: 20,
      filter: 'openToAll',
      theme: 'village',
    })
    await waitFor(() => expect(callMock).toHaveBeenCalledTimes(5))
  })

  it('searches title or lecturer on 搜索, keeps the search when loading more, and 清除 drops it', async () => {
    await openList()

    const next = { startAt: '2025-11-28T14:30:00+08:00', id: 's1' }
    callMock.mockResolvedValueOnce(ok({ items: [lecture({ id: 's1', title: '老支书讲党史' })], next }))
    fireEvent.change(screen.getByPlaceholderText('搜索题目或主讲人'), { target: { value: ' 老支书 ' } })
    expect(callMock).toHaveBeenCalledTimes(1) // nothing is asked while typing
    fireEvent.click(screen.getByText('搜索'))
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20, q: '老支书' })
    expect(await screen.findByText('老支书讲党史')).toBeInTheDocument()

    callMock.mockResolvedValueOnce(ok({ items: [] }))
    fireEvent.click(screen.getByText('加载更多'))
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'list', { pageSize: 20, q: '老支书', after: next })
    await waitFor(() => expect(screen.queryByText('加载更多')).not.toBeInTheDocument())

    await expectClearedBy('清除')
  })

  it('says what found nothing, and 清除搜索 brings the list back', async () => {
    await openList()

    callMock.mockResolvedValueOnce(ok({ items: [] }))
    fireEvent.change(screen.getByPlaceholderText('搜索题目或主讲人'), { target: { value: '没有这场' } })
    fireEvent.click(screen.getByText('搜索'))
    expect(await screen.findByText('暂无党课')).toBeInTheDocument()
    expect(screen.getByText('没有找到与“没有这场”有关的党课')).toBeInTheDocument()

    await expectClearedBy('清除搜索')
  })

  it('opens 附近的党课 on 附近, asking the list nothing', async () => {
    await openList()
    fireEvent.click(screen.getByText('附近'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/nearby/index' })
    expect(callMock).toHaveBeenCalledTimes(1)
  })

  it('opens the lecture page of a tapped card', async () => {
    callMock.mockResolvedValueOnce(ok({ items: [lecture({ id: 'lec-007' })] }))
    render(<Index />)
    fireEvent.click(await screen.findByText('学习二十届四中全会精神'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/lecture/index?id=lec-007' })
  })

  it('offers 去登录 in the browser when the visitor is not signed in', async () => {
    callMock.mockResolvedValueOnce(refusal('NOT_SIGNED_IN'))
    render(<Index />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_SIGNED_IN)).toBeInTheDocument()
    expect(screen.getByText('去登录')).toBeInTheDocument()
  })
})
