import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ManageRoster from '../../src/manage/roster'
import type { LectureRoster, RosterRow } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { lectureSummary } from './support/replies'
import { stubWindowOpen } from './support/exports'
import { typeAt } from './support/fill'
import { callMock, ok, resetPage, serve } from './support/serve'
import { tapThenSee } from './support/see'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () =>
  jest.requireActual('./support/exports').taroForExportPage('/manage/roster/index', () => mockParams, 'roster.xlsx'),
)

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
    lecture: lectureSummary({ seatsLeft: 38 }),
    counts: { confirmed: 2, pending: 1, waitlisted: 0, declined: 0, cancelled: 1 },
    rows,
  }
}

const ROWS = [
  row({ memberId: 'm-3', name: '李秀英', status: 'pending', ticket: 3, branchName: '东关党支部' }),
  row({ memberId: 'm-1', name: '王建国', ticket: 1 }),
  row({ memberId: 'm-2', name: '赵丽', status: 'cancelled', ticket: 2 }),
]

/** Two offline check-ins held for the secretary. */
const HELD_IN = [
  {
    memberId: 'm-1',
    name: '王建国',
    held: 'in',
    scannedAt: '2099-11-28T06:35:00.000Z',
    receivedAt: '2099-11-28T08:02:00.000Z',
  },
  {
    memberId: 'm-2',
    name: '赵丽',
    held: 'in',
    scannedAt: '2099-11-28T06:40:00.000Z',
    receivedAt: '2099-11-28T07:10:00.000Z',
  },
]

/** The page also asks for the offline check-ins waiting for confirmation: none unless a test says so. */
const serveRoster = (handlers: Parameters<typeof serve>[0]) =>
  serve({ 'checkin.pending': () => ok({ rows: [] }), ...handlers })

/** The roster, and its export answered with the file 报名名单.xlsx. */
const serveExport = () =>
  serveRoster({
    'signup.roster': () => ok(roster(ROWS)),
    'signup.exportRoster': () =>
      ok({ fileId: 'cloud://x/roster.xlsx', url: 'https://files.example/roster.xlsx', fileName: '报名名单.xlsx' }),
  })

const openWindow = stubWindowOpen()
beforeEach(() => resetPage(mockParams, { id: 'l1' }))

describe('manage: roster of a lecture', () => {
  it('shows the lecture, the counts per status and the sign-ups in arrival order', async () => {
    serveRoster({ 'signup.roster': () => ok(roster(ROWS)) })
    const { container } = render(<ManageRoster />)
    expect(await screen.findByText('学习二十届四中全会精神')).toBeInTheDocument()
    expect(screen.queryByText(/待确认的离线签到/)).not.toBeInTheDocument() // none waits
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
    serveRoster({
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
    serveRoster({
      'signup.roster': () => ok(roster(ROWS)),
      'signup.decide': (p) =>
        p.decision === 'decline' ? ok({ status: 'declined' }) : ok({ status: 'waitlisted', position: 2 }),
    })
    const { container } = render(<ManageRoster />)
    fireEvent.click(await screen.findByText('不通过'))
    typeAt(container, '#decline-reason-m-3', '本次只面向本支部')
    await tapThenSee('确认不通过', '李秀英：未通过')
    expect(callMock).toHaveBeenCalledWith('signup', 'decide', {
      lectureId: 'l1',
      memberId: 'm-3',
      decision: 'decline',
      reason: '本次只面向本支部',
    })

    await tapThenSee('通过', '李秀英：名额已满，候补第2位')
  })

  it('shows a refused decision under the member', async () => {
    serveRoster({ 'signup.roster': () => ok(roster(ROWS)), 'signup.decide': () => refusal('INVALID_STATE') })
    render(<ManageRoster />)
    fireEvent.click(await screen.findByText('通过'))
    expect(await screen.findByText(ERROR_MESSAGES.INVALID_STATE)).toBeInTheDocument()
  })

  it('exports to Excel: a new tab in the browser, and a download link when the tab was blocked', async () => {
    serveExport()
    render(<ManageRoster />)
    fireEvent.click(await screen.findByText('导出Excel'))
    expect(await screen.findByText('名单已导出：报名名单.xlsx')).toBeInTheDocument()
    expect(openWindow).toHaveBeenCalledWith('https://files.example/roster.xlsx', '_blank')
    expect(screen.queryByText('浏览器没有自动打开，请点下面的按钮下载。')).not.toBeInTheDocument()

    openWindow.mockReturnValue(null)
    await tapThenSee('导出Excel', '浏览器没有自动打开，请点下面的按钮下载。')
    fireEvent.click(screen.getByText('下载'))
    expect(openWindow).toHaveBeenCalledTimes(3)
  })

  it('exports to Excel in WeChat: downloads the file and opens it as xlsx', async () => {
    process.env.TARO_ENV = 'weapp'
    serveExport()
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
    serveRoster({ 'signup.roster': () => ok(roster([])), 'signup.exportRoster': () => refusal('FORBIDDEN') })
    const { unmount } = render(<ManageRoster />)
    expect(await screen.findByText('还没有人报名')).toBeInTheDocument()
    fireEvent.click(screen.getByText('导出Excel'))
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeInTheDocument()
    unmount()

    serveRoster({ 'signup.roster': () => refusal('NOT_FOUND') })
    render(<ManageRoster />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_FOUND)).toBeInTheDocument()
    expect(screen.getByText('重试')).toBeInTheDocument()
  })

  it('lists offline check-ins waiting for confirmation: confirm one, refuse one with a reason, confirm all', async () => {
    let pending = [
      ...HELD_IN,
      {
        memberId: 'm-3',
        name: '李秀英',
        held: 'out',
        scannedAt: '2099-11-28T07:55:00.000Z',
        receivedAt: '2099-11-28T09:00:00.000Z',
      },
    ]
    const decided = (memberId: string, name: string, status: string) => ({
      decided: [{ memberId, name, status, changed: true }],
      skipped: 0,
    })
    serveRoster({
      'signup.roster': () => ok(roster(ROWS)),
      'checkin.pending': () => ok({ rows: pending }),
      'checkin.review': (p) => {
        const rows = pending.filter((r) => p.memberId === undefined || r.memberId === p.memberId)
        pending = pending.filter((r) => !rows.includes(r))
        const status = p.decision === 'confirm' ? 'in' : 'refused'
        return ok({ decided: rows.map((r) => decided(r.memberId, r.name, status).decided[0]), skipped: 0 })
      },
    })
    const { container } = render(<ManageRoster />)
    expect(await screen.findByText('待确认的离线签到（3）')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('checkin', 'pending', { lectureId: 'l1' })
    expect(screen.getByText('扫码时间 11月28日 14:35')).toBeInTheDocument()
    expect(screen.getByText('收到时间 11月28日 16:02')).toBeInTheDocument()
    expect(screen.getByText('离线签退')).toBeInTheDocument()

    fireEvent.click(screen.getAllByText('确认')[0])
    expect(await screen.findByText('已确认王建国的签到，计入学时')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('checkin', 'review', {
      lectureId: 'l1',
      memberId: 'm-1',
      decision: 'confirm',
    })
    expect(await screen.findByText('待确认的离线签到（2）')).toBeInTheDocument()

    fireEvent.click(screen.getAllByText('不予确认')[0])
    expect(screen.getByText('不予确认赵丽的签到，原因（党员会看到）')).toBeInTheDocument()
    fireEvent.click(container.querySelector('.reason-form .action-button') as Element)
    expect(screen.getByText('请写明原因')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalledWith('checkin', 'review', expect.objectContaining({ decision: 'refuse' }))
    fireEvent.click(screen.getByText('本人当时不在会场'))
    fireEvent.click(container.querySelector('.reason-form .action-button') as Element)
    expect(await screen.findByText('已不予确认赵丽的签到，不计学时')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('checkin', 'review', {
      lectureId: 'l1',
      memberId: 'm-2',
      decision: 'refuse',
      reason: '本人当时不在会场',
    })
    expect(await screen.findByText('待确认的离线签到（1）')).toBeInTheDocument()
    expect(screen.queryByText('全部确认')).not.toBeInTheDocument() // one left: its own button does
  })

  it('confirms all after asking, and keeps the answer when nothing is left', async () => {
    let pending = [...HELD_IN]
    serveRoster({
      'signup.roster': () => ok(roster(ROWS)),
      'checkin.pending': () => ok({ rows: pending }),
      'checkin.review': () => {
        const decided = pending.map((r) => ({ memberId: r.memberId, name: r.name, status: 'in', changed: true }))
        pending = []
        return ok({ decided, skipped: 0 })
      },
    })
    render(<ManageRoster />)
    fireEvent.click(await screen.findByText('全部确认'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect((Taro.showModal as unknown as jest.Mock).mock.calls[0][0].content).toBe(
      '确认这2人的离线签到？确认后计入学时。',
    )
    expect(await screen.findByText('已确认王建国、赵丽的签到，计入学时')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('checkin', 'review', { lectureId: 'l1', decision: 'confirm' })
    // The answer stays where the list was; nothing is left to decide.
    expect(await screen.findByText('待确认的离线签到（0）')).toBeInTheDocument()
    expect(screen.queryByText('确认')).not.toBeInTheDocument()
    expect(screen.queryByText('全部确认')).not.toBeInTheDocument()
  })

  it('says which lecture is missing when the page is opened without ?id=', async () => {
    delete mockParams.id
    render(<ManageRoster />)
    expect(await screen.findByText('没有指定党课')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalled()
  })
})
