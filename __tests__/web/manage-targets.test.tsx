import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ManageTargets from '../../src/manage/targets'
import type { HourTargets } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { hoursYear } from '../../src/shared/studyHours'
import { callMock, ok, resetCalls, serve } from './support/serve'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const YEAR = hoursYear(new Date())

const targets = (year: number, member = 32, officer = 56): HourTargets => ({ year, member, officer })

const field = (key: 'member' | 'officer') => document.querySelector(`#target-${key}`) as HTMLInputElement

function type(key: 'member' | 'officer', value: string) {
  fireEvent.change(field(key), { target: { value } })
}

beforeEach(resetCalls)

describe('manage: study-hour targets', () => {
  it('shows this year’s targets and the basis, and next year’s on the switch', async () => {
    serve({ 'hours.targets': (p) => ok(p.year === YEAR ? targets(YEAR) : targets(YEAR + 1, 40, 60)) })
    render(<ManageTargets />)
    expect(
      await screen.findByText(`${YEAR}年现行标准：普通党员 32 学时，支部书记、支部委员 56 学时`),
    ).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('hours', 'targets', { year: YEAR })
    expect(field('member').value).toBe('32')
    expect(field('officer').value).toBe('56')
    expect(
      screen.getByText(/依据《中国共产党党员教育管理工作条例》每名党员每年集中学习培训不少于32学时/),
    ).toBeInTheDocument()

    fireEvent.click(screen.getByText(`${YEAR + 1}年`))
    expect(
      await screen.findByText(`${YEAR + 1}年现行标准：普通党员 40 学时，支部书记、支部委员 60 学时`),
    ).toBeInTheDocument()
    expect(callMock).toHaveBeenLastCalledWith('hours', 'targets', { year: YEAR + 1 })
    expect(field('member').value).toBe('40')
  })

  it('saves new values for the year shown, by typing and by the half steps', async () => {
    serve({
      'hours.targets': (p) => ok(targets(p.year as number)),
      'hours.setTargets': (p) => ok(p as unknown as HourTargets),
    })
    render(<ManageTargets />)
    fireEvent.click(await screen.findByText(`${YEAR + 1}年`))
    await screen.findByText(`${YEAR + 1}年现行标准：普通党员 32 学时，支部书记、支部委员 56 学时`)

    type('member', '36')
    fireEvent.click(screen.getAllByText('加0.5')[0])
    fireEvent.click(screen.getAllByText('减0.5')[1])
    fireEvent.click(screen.getByText('保存'))

    expect(
      await screen.findByText(`已保存${YEAR + 1}年学时标准：普通党员 36.5 学时，支部书记、支部委员 55.5 学时`),
    ).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('hours', 'setTargets', { year: YEAR + 1, member: 36.5, officer: 55.5 })
    expect(
      screen.getByText(`${YEAR + 1}年现行标准：普通党员 36.5 学时，支部书记、支部委员 55.5 学时`),
    ).toBeInTheDocument()
  })

  it('says who may change them when the server answers FORBIDDEN, and keeps what was typed', async () => {
    serve({
      'hours.targets': () => ok(targets(YEAR)),
      'hours.setTargets': () => refusal('FORBIDDEN'),
    })
    render(<ManageTargets />)
    await screen.findByText(`${YEAR}年现行标准：普通党员 32 学时，支部书记、支部委员 56 学时`)
    type('member', '40')
    fireEvent.click(screen.getByText('保存'))

    expect(await screen.findByText(`没有保存成功：${ERROR_MESSAGES.FORBIDDEN}`)).toBeInTheDocument()
    expect(screen.getByText(/只有市委组织部的管理员可以修改/)).toBeInTheDocument()
    expect(field('member').value).toBe('40')
    expect(screen.getByText(`${YEAR}年现行标准：普通党员 32 学时，支部书记、支部委员 56 学时`)).toBeInTheDocument()
  })

  it('refuses 0.3 and an empty field on the page, without calling the server', async () => {
    serve({ 'hours.targets': () => ok(targets(YEAR)) })
    render(<ManageTargets />)
    await screen.findByText(`${YEAR}年现行标准：普通党员 32 学时，支部书记、支部委员 56 学时`)
    type('member', '0.3')
    type('officer', '')
    fireEvent.click(screen.getByText('保存'))

    expect(await screen.findByText('学时须为0.5的整数倍')).toBeInTheDocument()
    expect(screen.getByText('学时是0到200之间的数，按0.5递增，如 56')).toBeInTheDocument()
    expect(screen.getByText('请按红字提示修改后再保存')).toBeInTheDocument()
    await waitFor(() => expect(callMock).toHaveBeenCalledTimes(1))
    expect(callMock).not.toHaveBeenCalledWith('hours', 'setTargets', expect.anything())

    type('member', '32.5') // fixing a field clears its error
    expect(screen.queryByText('学时须为0.5的整数倍')).not.toBeInTheDocument()
  })

  it('shows a refusal to read, with 重试', async () => {
    serve({ 'hours.targets': () => refusal('NETWORK') })
    render(<ManageTargets />)
    expect(await screen.findByText(ERROR_MESSAGES.NETWORK)).toBeInTheDocument()
    expect(screen.getByText('重试')).toBeInTheDocument()
  })

  it('a refusal that binding mends offers 去绑定, as on the member pages', async () => {
    serve({ 'hours.targets': () => refusal('NOT_A_MEMBER') })
    render(<ManageTargets />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_A_MEMBER)).toBeInTheDocument()
    expect(screen.getByText('去绑定')).toBeInTheDocument()
    expect(screen.queryByText('重试')).not.toBeInTheDocument()
  })
})
