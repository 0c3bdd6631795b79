import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ManageHours from '../../src/manage/hours'
import type { BranchHours, BranchHoursRow } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { hoursYear } from '../../src/shared/studyHours'
import { stubWindowOpen } from './support/exports'
import { typeAt } from './support/fill'
import { callMock, ok, resetPage, serve } from './support/serve'
import { expectTexts } from './support/see'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () =>
  jest.requireActual('./support/exports').taroForExportPage('/manage/hours/index', () => mockParams, 'hours.xlsx'),
)

const YEAR = hoursYear(new Date())
const buckets = { training: 0, collective: 0, lecturing: 0, online: 0 }

function row(over: Partial<BranchHoursRow>): BranchHoursRow {
  return { memberId: 'm-1', name: '王建国', roles: ['member'], target: 32, total: 0, buckets, missing: 32, ...over }
}

function branch(rows: BranchHoursRow[], year = YEAR): BranchHours {
  return { branchId: 'b-1', branchName: '城关村党支部', year, rows }
}

// Deliberately not in the page's order: the page puts the ones behind first, most missing first.
const ROWS = [
  row({ memberId: 'm-1', name: '王建国', total: 34, missing: 0 }),
  row({ memberId: 'm-2', name: '张书记', roles: ['member', 'secretary'], target: 56, total: 12.5, missing: 43.5 }),
  row({ memberId: 'm-3', name: '李秀英', total: 30, missing: 2 }),
]

/** The branch's hours, and its export answered with the file `fileName`. */
const serveExport = (fileName: string) =>
  serve({
    'hours.branch': () => ok(branch(ROWS)),
    'hours.exportBranch': () => ok({ fileId: 'cloud://x/h.xlsx', url: 'https://files.example/h.xlsx', fileName }),
  })

const openWindow = stubWindowOpen()
beforeEach(() => resetPage(mockParams, { branchId: 'b-1' }))

describe('manage: a branch’s study hours', () => {
  it('lists the members behind first, marked, with done / target, a bar and what is missing', async () => {
    serve({ 'hours.branch': () => ok(branch(ROWS)) })
    const { container } = render(<ManageHours />)
    expect(await screen.findByText('城关村党支部 学时')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('hours', 'branch', { branchId: 'b-1', year: YEAR })

    const names = [...container.querySelectorAll('.manage-hours__name')].map((n) => n.textContent)
    expect(names).toEqual(['张书记', '李秀英', '王建国'])
    const behind = [...container.querySelectorAll('.manage-hours__row--behind .manage-hours__name')]
    expect(behind.map((n) => n.textContent)).toEqual(['张书记', '李秀英'])
    expectTexts('共 3 人，2 人未达标', '支部书记', '12.5 / 56 学时', '还差 43.5 学时', '已达标')
    const fills = [...container.querySelectorAll<HTMLElement>('.manage-hours__fill')].map((f) => f.style.width)
    expect(fills[1]).toBe('93.75%')
    expect(fills[2]).toBe('100%') // more than the target fills the bar, no more
  })

  it('asks for an earlier year, and for the caller’s own branch without ?branchId=', async () => {
    delete mockParams.branchId
    serve({ 'hours.branch': (p) => ok(branch(ROWS, (p.year as number) ?? YEAR)) })
    render(<ManageHours />)
    await screen.findByText('城关村党支部 学时')
    expect(callMock).toHaveBeenCalledWith('hours', 'branch', { year: YEAR })
    fireEvent.click(screen.getByText(`${YEAR - 1}年`))
    await waitFor(() => expect(callMock).toHaveBeenLastCalledWith('hours', 'branch', { year: YEAR - 1 }))
  })

  it('exports the year to Excel: a new tab in the browser', async () => {
    serveExport('城关村党支部学时.xlsx')
    render(<ManageHours />)
    fireEvent.click(await screen.findByText('导出Excel'))
    expect(await screen.findByText('学时表已导出：城关村党支部学时.xlsx')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('hours', 'exportBranch', { branchId: 'b-1', year: YEAR })
    expect(openWindow).toHaveBeenCalledWith('https://files.example/h.xlsx', '_blank')
  })

  it('exports in WeChat: downloads the file and opens it as xlsx', async () => {
    process.env.TARO_ENV = 'weapp'
    serveExport('学时.xlsx')
    render(<ManageHours />)
    fireEvent.click(await screen.findByText('导出Excel'))
    expect(await screen.findByText('学时表已导出：学时.xlsx')).toBeInTheDocument()
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: 'https://files.example/h.xlsx' })
    expect(Taro.openDocument).toHaveBeenCalledWith({
      filePath: 'wxfile://tmp/hours.xlsx',
      fileType: 'xlsx',
      showMenu: true,
    })
  })

  it('adds hours by hand with a bucket and a reason, checking the half-hour step first', async () => {
    let rows = ROWS
    serve({
      'hours.branch': () => ok(branch(rows)),
      'hours.adjust': () => {
        rows = ROWS.map((r) => (r.memberId === 'm-3' ? { ...r, total: 32, missing: 0 } : r))
        return ok({ entryId: 'e-1' })
      },
    })
    const { container } = render(<ManageHours />)
    await screen.findByText('城关村党支部 学时')
    fireEvent.click(screen.getAllByText('补录学时')[1]) // 李秀英
    typeAt(container, '#adjust-hours', '1.2')
    typeAt(container, '#adjust-reason', '区委党校培训')
    fireEvent.click(screen.getByText('确认补录'))
    expect(screen.getByText('学时是0.5到50之间的数，按0.5递增，如 1.5')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalledWith('hours', 'adjust', expect.anything())

    typeAt(container, '#adjust-hours', '2')
    fireEvent.click(screen.getByText('集中培训'))
    fireEvent.click(screen.getByText('确认补录'))
    expect(await screen.findByText('已为李秀英补录 2 学时')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('hours', 'adjust', {
      memberId: 'm-3',
      year: YEAR,
      hours: 2,
      bucket: 'training',
      reason: '区委党校培训',
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    })
    expect(await screen.findByText('共 3 人，1 人未达标')).toBeInTheDocument()
  })

  it('sends a retry after a lost reply with the same requestId, and a new adjustment with a new one', async () => {
    const replies = [refusal('NETWORK'), ok({ entryId: 'adj:x' })]
    serve({ 'hours.branch': () => ok(branch(ROWS)), 'hours.adjust': () => replies.shift() ?? ok({ entryId: 'adj:y' }) })
    const { container } = render(<ManageHours />)
    await screen.findByText('城关村党支部 学时')
    const fill = (hours: string) => {
      typeAt(container, '#adjust-hours', hours)
      typeAt(container, '#adjust-reason', '区委党校培训')
      fireEvent.click(screen.getByText('确认补录'))
    }
    const requestIds = () =>
      callMock.mock.calls.filter(([fn, action]) => `${fn}.${action}` === 'hours.adjust').map(([, , p]) => p.requestId)

    fireEvent.click(screen.getAllByText('补录学时')[1])
    fill('2')
    expect(await screen.findByText(ERROR_MESSAGES.NETWORK)).toBeInTheDocument()
    fireEvent.click(screen.getByText('确认补录')) // the same form pressed again
    expect(await screen.findByText('已为李秀英补录 2 学时')).toBeInTheDocument()

    fireEvent.click(screen.getAllByText('补录学时')[1]) // the same content once more, on purpose
    fill('2')
    await waitFor(() => expect(requestIds()).toHaveLength(3))
    const [first, retry, next] = requestIds()
    expect(first).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(retry).toBe(first)
    expect(next).not.toBe(first)
  })

  it('takes hours away with a negative entry, and shows a refusal under the form', async () => {
    serve({ 'hours.branch': () => ok(branch(ROWS)), 'hours.adjust': () => refusal('FORBIDDEN') })
    const { container } = render(<ManageHours />)
    await screen.findByText('城关村党支部 学时')
    fireEvent.click(screen.getAllByText('补录学时')[2])
    fireEvent.click(screen.getByText('扣减'))
    typeAt(container, '#adjust-hours', '1.5')
    typeAt(container, '#adjust-reason', '重复登记')
    fireEvent.click(screen.getByText('确认扣减'))
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('hours', 'adjust', expect.objectContaining({ memberId: 'm-1', hours: -1.5 }))
  })

  it('shows a refused list with a retry, and an empty branch', async () => {
    serve({ 'hours.branch': () => refusal('FORBIDDEN') })
    const { unmount } = render(<ManageHours />)
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeInTheDocument()
    expect(screen.getByText('重试')).toBeInTheDocument()
    unmount()

    serve({ 'hours.branch': () => ok(branch([])) })
    render(<ManageHours />)
    expect(await screen.findByText('这个支部还没有党员')).toBeInTheDocument()
  })
})
