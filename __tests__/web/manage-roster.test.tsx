import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ManageRoster from '../../src/manage/roster'
import type { LectureRoster, RosterRow } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { callMock, ok, serve } from './support/serve'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const extra = {
    useRouter: () => ({ params: mockParams, path: '/manage/roster/index' }),
    downloadFile: jest.fn(async () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/roster.xlsx' })),
    openDocument: jest.fn(async () => ({ errMsg: 'openDocument:ok' })),
  }
  return { __esModule: true, ...actual, ...extra, default: { ...actual.default, ...extra } }
})

function row(over: Partial<RosterRow>): RosterRow {
  return {
    memberId: 'm-1',
    name: '王建国',
    branchName: '城关村党支部',
    status: 'confirmed',
    ticket: 1,
    signedUpAt: '2099-11-20T01:05:00.000Z',
    ...over,
  }
}

function roster(rows: RosterRow[]): LectureRoster {
  return {
    lecture: {
      id: 'l1',
      title: '学习二十届四中全会精神',
      theme: 'village',
      lecturerName: '王建国',
      hostOrgName: '城关村党支部',
      startAt: '2099-11-28T14:30:00+08:00',
      endAt: '2099-11-28T16:00:00+08:00',
      address: '城关村党群服务中心二楼',
      capacity: 40,
      seatsLeft: 38,
      hours: 1.5,
      status: 'published',
    },
    counts: { confirmed: 2, pending: 1, waitlisted: 0, declined: 0, cancelled: 1 },
    rows,
  }
}

const ROWS = [
  row({ memberId: 'm-3', name: '李秀英', status: 'pending', ticket: 3, branchName: '东关党支部' }),
  row({ memberId: 'm-1', name: '王建国', ticket: 1 }),
  row({ memberId: 'm-2', name: '赵丽', status: 'cancelled', ticket: 2 }),
]

const openWindow = jest.fn()

beforeEach(() => {
  callMock.mockReset()
  jest.clearAllMocks()
  for (const key of Object.keys(mockParams)) delete mockParams[key]
  mockParams.id = 'l1'
  process.env.TARO_ENV = 'h5'
  window.open = openWindow as unknown as typeof window.open
  openWindow.mockReturnValue({})
})

afterAll(() => {
  process.env.TARO_ENV = 'h5'
})

describe('manage: roster of a lecture', () => {
  it('shows the lecture, the counts per status and the sign-ups in arrival order', async () => {
    serve({ 'signup.roster': () => ok(roster(ROWS)) })
    const { container } = render(<ManageRoster />)
    expect(await screen.findByText('学习二十届四中全会精神')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('signup', 'roster', { lectureId: 'l1' })
    expect(screen.getByText('已发布 · 名额 40 人')).toBeInTheDocument()

    const counts = [...container.querySelectorAll('.manage-roster__count')].map((c) => c.textContent)
    expect(counts).toEqual(['2已报名', '1待审核', '0候补', '0未通过', '1已取消'])
    const names = [...container.querySelectorAll('.manage-roster__name')].map((n) => n.textContent)
    expect(names).toEqual(['王建国', '赵丽', '李秀英'])
    expect(screen.getByText('东关党支部 · 11月20日 09:05 报名')).toBeInTheDocument()
    // only the pending sign-up can be decided
    expect(screen.getAllByText('通过')).toHaveLength(1)
    expect(screen.getAllByText('不通过')).toHaveLength(1)
  })

  it('approves a pending sign-up and reloads the roster', async () => {
    let rows = ROWS
    serve({
      'signup.roster': () => ok(roster(rows)),
      'signup.decide': () => {
        rows = ROWS.map((r) => (r.memberId === 'm-3' ? { ...r, status: 'confirmed' as const } : r))
        return ok({ status: 'confirmed' })
      },
    })
    render(<ManageRoster />)
    fireEvent.click(await screen.findByText('通过'))
    expect(await screen.findByText('李秀英：已报名')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('signup', 'decide', { lectureId: 'l1', memberId: 'm-3', decision: 'approve' })
    await waitFor(() => expect(screen.queryByText('通过')).not.toBeInTheDocument())
    expect(callMock.mock.calls.filter((c) => c[1] === 'roster')).toHaveLength(2)
  })

  it('declines with a reason, and says where an approval put a member when the lecture is full', async () => {
    serve({
      'signup.roster': () => ok(roster(ROWS)),
      'signup.decide': (p) =>
        p.decision === 'decline' ? ok({ status: 'declined' }) : ok({ status: 'waitlisted', position: 2 }),
    })
    const { container } = render(<ManageRoster />)
    fireEvent.click(await screen.findByText('不通过'))
    fireEvent.change(container.querySelector('#decline-reason-m-3') as Element, {
      target: { value: '本次只面向本支部' },
    })
    fireEvent.click(screen.getByText('确认不通过'))
    expect(await screen.findByText('李秀英：未通过')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('signup', 'decide', {
      lectureId: 'l1',
      memberId: 'm-3',
      decision: 'decline',
      reason: '本次只面向本支部',
    })

    fireEvent.click(screen.getByText('通过'))
    expect(await screen.findByText('李秀英：名额已满，候补第2位')).toBeInTheDocument()
  })

  it('shows a refused decision under the member', async () => {
    serve({ 'signup.roster': () => ok(roster(ROWS)), 'signup.decide': () => refusal('INVALID_STATE') })
    render(<ManageRoster />)
    fireEvent.click(await screen.findByText('通过'))
    expect(await screen.findByText(ERROR_MESSAGES.INVALID_STATE)).toBeInTheDocument()
  })

  it('exports to Excel: a new tab in the browser, and a download link when the tab was blocked', async () => {
    serve({
      'signup.roster': () => ok(roster(ROWS)),
      'signup.exportRoster': () =>
        ok({ fileId: 'cloud://x/roster.xlsx', url: 'https://files.example/roster.xlsx', fileName: '报名名单.xlsx' }),
    })
    render(<ManageRoster />)
    fireEvent.click(await screen.findByText('导出Excel'))
    expect(await screen.findByText('名单已导出：报名名单.xlsx')).toBeInTheDocument()
    expect(openWindow).toHaveBeenCalledWith('https://files.example/roster.xlsx', '_blank')
    expect(screen.queryByText('浏览器没有自动打开，请点下面的按钮下载。')).not.toBeInTheDocument()

    openWindow.mockReturnValue(null)
    fireEvent.click(screen.getByText('导出Excel'))
    expect(await screen.findByText('浏览器没有自动打开，请点下面的按钮下载。')).toBeInTheDocument()
    fireEvent.click(screen.getByText('下载'))
    expect(openWindow).toHaveBeenCalledTimes(3)
  })

  it('exports to Excel in WeChat: downloads the file and opens it as xlsx', async () => {
    process.env.TARO_ENV = 'weapp'
    serve({
      'signup.roster': () => ok(roster(ROWS)),
      'signup.exportRoster': () =>
        ok({ fileId: 'cloud://x/roster.xlsx', url: 'https://files.example/roster.xlsx', fileName: '报名名单.xlsx' }),
    })
    render(<ManageRoster />)
    fireEvent.click(await screen.findByText('导出Excel'))
    expect(await screen.findByText('名单已导出：报名名单.xlsx')).toBeInTheDocument()
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: 'https://files.example/roster.xlsx' })
    expect(Taro.openDocument).toHaveBeenCalledWith({
      filePath: 'wxfile://tmp/roster.xlsx',
      fileType: 'xlsx',
      showMenu: true,
    })
    expect(openWindow).not.toHaveBeenCalled()
    expect(screen.queryByText('下载')).not.toBeInTheDocument()
  })

  it('shows a refused export, and a roster that cannot be loaded', async () => {
    serve({ 'signup.roster': () => ok(roster([])), 'signup.exportRoster': () => refusal('FORBIDDEN') })
    const { unmount } = render(<ManageRoster />)
    expect(await screen.findByText('还没有人报名')).toBeInTheDocument()
    fireEvent.click(screen.getByText('导出Excel'))
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeInTheDocument()
    unmount()

    serve({ 'signup.roster': () => refusal('NOT_FOUND') })
    render(<ManageRoster />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_FOUND)).toBeInTheDocument()
    expect(screen.getByText('重试')).toBeInTheDocument()
  })

  it('says which lecture is missing when the page is opened without ?id=', async () => {
    delete mockParams.id
    render(<ManageRoster />)
    expect(await screen.findByText('没有指定党课')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalled()
  })
})
