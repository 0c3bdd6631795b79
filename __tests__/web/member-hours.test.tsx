import { fireEvent, render, screen, within } from '@testing-library/react'
import Hours from '../../src/member/hours'
import { myHours } from '../support/memberViews'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { callMock, ok, resetCalls, serve } from './support/serve'
import { expectTexts } from './support/see'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const hours = myHours

const year2024 = hours({
  year: 2024,
  total: 34,
  buckets: { training: 16, collective: 18, lecturing: 0, online: 0 },
  entries: [
    {
      id: 'x1',
      hours: 34,
      bucket: 'collective',
      source: 'adjustment',
      title: '年度汇总补录',
      reason: '系统上线前的记录',
      at: '2024-12-30T02:00:00.000Z',
    },
  ],
})

beforeEach(resetCalls)

describe('my study hours page', () => {
  it('shows the ring, the total against the target, the buckets and every entry', async () => {
    serve({ 'hours.mine': () => ok(hours()) })
    render(<Hours />)
    expect(await screen.findByText('今年已完成 18.5 / 32 学时')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('hours', 'mine', {})
    expect(screen.getByRole('img', { name: '今年已完成 18.5 / 32 学时' })).toBeInTheDocument()
    expect(screen.getByText('还差 13.5 学时')).toBeInTheDocument()

    for (const [name, value] of [
      ['集中培训', '8 学时'],
      ['集体学习', '8 学时'],
      ['讲授', '2 学时'],
      ['线上学习', '0.5 学时'],
    ]) {
      const bucket = screen.getByText(name).closest('.hours__bucket') as HTMLElement
      expect(within(bucket).getByText(value)).toBeInTheDocument()
    }
    // Bars against the target (32): 8 → 25%.
    const bar = screen.getByText('集中培训').closest('.hours__bucket')?.querySelector('.hours__bucket-bar')
    expect(bar).toHaveStyle({ width: '25%' })

    expectTexts(
      '明细（4 条）',
      '2025年11月28日 · 参加党课',
      '2025年10月8日 · 讲授党课',
      '2025年9月1日 · 撤销签到',
      '2025年8月1日 · 补录调整',
      '原因：外出期间线上学习',
      '+1.5',
    )
    expect(screen.getByText('−1.5')).toHaveClass('hours__entry-hours--minus')
  })

  it('switches to an earlier year', async () => {
    serve({ 'hours.mine': (p) => ok(p.year === 2024 ? year2024 : hours()) })
    render(<Hours />)
    await screen.findByText('今年已完成 18.5 / 32 学时')
    expect(screen.getByRole('radio', { name: '2025年' })).toHaveAttribute('aria-checked', 'true')
    fireEvent.click(screen.getByText('2024年'))
    expect(await screen.findByText('2024年已完成 34 / 32 学时')).toBeInTheDocument()
    expect(callMock).toHaveBeenLastCalledWith('hours', 'mine', { year: 2024 })
    expect(screen.getByText('✓ 已完成年度目标')).toBeInTheDocument()
    expect(screen.getByText('年度汇总补录')).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: '2024年' })).toHaveAttribute('aria-checked', 'true')
  })

  it('draws the personal record and downloads it as a PNG in the browser', async () => {
    const texts: string[] = []
    const ctx = {
      fillRect: jest.fn(),
      fillText: (t: string) => texts.push(t),
      beginPath: jest.fn(),
      moveTo: jest.fn(),
      lineTo: jest.fn(),
      stroke: jest.fn(),
    }
    const getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never)
    const toDataURL = jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,AAA')
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    serve({ 'hours.mine': () => ok(hours()) })
    render(<Hours />)
    fireEvent.click(await screen.findByText('保存学时记录'))
    expect(await screen.findByText('学时记录图片已下载。')).toBeInTheDocument()
    expect(texts).toEqual(
      expect.arrayContaining([
        '2025年度 党员学时记录',
        '姓名：王建国',
        '已完成 18.5 / 32 学时',
        '沿着红色足迹学党史',
        '−1.5',
      ]),
    )
    expect(click).toHaveBeenCalledTimes(1)
    ;[getContext, toDataURL, click].forEach((s) => s.mockRestore())
  })

  it('shows a refusal with 去绑定 for a WeChat user without a member', async () => {
    serve({ 'hours.mine': () => refusal('NOT_A_MEMBER') })
    render(<Hours />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_A_MEMBER)).toBeInTheDocument()
    expect(screen.getByText('去绑定')).toBeInTheDocument()
  })
})
