/** Where the member finds check-in and study hours: "我的" and the lecture page (also opened by a printed code). */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as taro from '@tarojs/taro'
import { scanQr } from '../../src/api/scanner'
import Lecture from '../../src/pages/lecture'
import Mine from '../../src/pages/mine'
import type { LectureDetail, Me } from '../../src/shared/contract'
import { lectureDetail } from './support/replies'
import { callMock, ok, resetCalls, serve } from './support/serve'
import { navigateTo, showModal } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))
jest.mock('../../src/api/scanner', () => ({ canScan: jest.fn(() => true), scanQr: jest.fn() }))
const scanMock = scanQr as jest.Mock

const HOUR = 60 * 60 * 1000
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString()

const me: Me = {
  bound: true,
  member: { id: 'm-0001', name: '王建国', branchId: 'b1', branchName: '城关村党支部', roles: ['member'], manages: [] },
}

/** A lecture without sign-up starting in a quarter of an hour: check-in is open. */
const detail = (over: Partial<LectureDetail> = {}) =>
  lectureDetail({
    startAt: inHours(0.25),
    endAt: inHours(1.75),
    signupDeadline: inHours(-24),
    signupRequired: false,
    ...over,
  })

const route = (params: Record<string, string>) =>
  ({ params, path: '/pages/lecture/index' }) as unknown as ReturnType<typeof taro.useRouter>

let routerSpy: jest.SpyInstance | undefined
beforeEach(resetCalls)
afterEach(() => routerSpy?.mockRestore())

describe('我的: check-in and study hours', () => {
  beforeEach(() =>
    serve({
      'member.me': () => ok(me),
      'signup.mine': () => ok({ items: [] }),
      'proposal.mine': () => ok({ items: [] }),
      'rating.pending': () => ok({ items: [] }),
    }),
  )

  it('opens my study hours, my member code and 我讲的党课', async () => {
    render(<Mine />)
    fireEvent.click(await screen.findByText('我的学时'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/hours/index' })
    fireEvent.click(screen.getByText('我的党员码'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/mycode/index' })
    fireEvent.click(screen.getByText('我讲的党课'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/given/index' })
  })

  it('扫码签到 scans the lecture code and opens its check-in page with it', async () => {
    const qr = 'dk1|in|l1|123|sig'
    scanMock.mockResolvedValueOnce({ ok: true, text: qr })
    render(<Mine />)
    fireEvent.click(await screen.findByText('扫码签到'))
    await waitFor(() =>
      expect(navigateTo).toHaveBeenCalledWith({
        url: `/member/checkin/index?id=l1&qr=${encodeURIComponent(qr)}`,
      }),
    )
  })

  it('says so when the scanned code is not a check-in code, and does nothing on cancel', async () => {
    scanMock.mockResolvedValueOnce({ ok: true, text: 'https://example.com/pay' })
    render(<Mine />)
    fireEvent.click(await screen.findByText('扫码签到'))
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '不是签到码' })))
    scanMock.mockResolvedValueOnce({ ok: false, cancelled: true })
    fireEvent.click(screen.getByText('扫码签到'))
    await waitFor(() => expect(scanMock).toHaveBeenCalledTimes(2))
    expect(navigateTo).not.toHaveBeenCalled()
  })
})

describe('lecture page: check-in', () => {
  it('offers a big 签到 while check-in is open, leading to the check-in page', async () => {
    routerSpy = jest.spyOn(taro, 'useRouter').mockReturnValue(route({ id: 'l1' }))
    serve({ 'lecture.detail': () => ok(detail()) })
    render(<Lecture />)
    fireEvent.click(await screen.findByText('签到'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/checkin/index?id=l1' })
  })

  it('offers no 签到 before the window opens', async () => {
    routerSpy = jest.spyOn(taro, 'useRouter').mockReturnValue(route({ id: 'l1' }))
    serve({ 'lecture.detail': () => ok(detail({ startAt: inHours(2), endAt: inHours(3) })) })
    render(<Lecture />)
    await screen.findByText('学习二十届四中全会精神')
    expect(screen.queryByText('签到')).not.toBeInTheDocument()
  })

  it('opens the lecture named by a printed mini-program code (scene)', async () => {
    routerSpy = jest.spyOn(taro, 'useRouter').mockReturnValue(route({ scene: encodeURIComponent('l1') }))
    serve({ 'lecture.detail': () => ok(detail({ checkinLevel: 'L3' })) })
    render(<Lecture />)
    expect(await screen.findByText('签到 / 签退')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('lecture', 'detail', { id: 'l1' })
  })
})
