import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as taro from '@tarojs/taro'
import Lecture from '../../src/pages/lecture'
import type { LectureDetail } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal, type Reply } from '../../src/shared/errors'
import { navigateTo, showAgain, showModal, showToast } from './support/taro'
import { lectureDetail } from './support/replies'
import { walkingVenue } from '../support/lectures'
import { callMock, ok } from './support/serve'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const DAY = 24 * 60 * 60 * 1000
/** Times relative to the real clock: the page decides what to offer from `new Date()`. */
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()

/** A walking lecture in three days along two stops, by an invited lecturer; sign-up closes in two days. */
const detail = (over: Partial<LectureDetail> = {}) =>
  lectureDetail({
    theme: 'walking',
    hostOrgName: '泉城路街道党工委',
    startAt: inDays(3),
    endAt: new Date(Date.parse(inDays(3)) + 2 * 60 * 60 * 1000).toISOString(),
    seatsLeft: 12,
    hours: 2,
    summary: '从解放阁出发，沿途讲述济南解放的故事。',
    lecturer: { name: '李秀英', title: '区委党校讲师' },
    venue: walkingVenue(),
    signupDeadline: inDays(2),
    ...over,
  })

/** What the page reads of its router (the stand-in's useRouter gives no params). */
const route = (params: Record<string, string>) =>
  ({ params, path: '/pages/lecture/index' }) as unknown as ReturnType<typeof taro.useRouter>

/** The page is opened as /pages/lecture/index?id=l1. */
let routerSpy: jest.SpyInstance
beforeEach(() => {
  callMock.mockReset()
  jest.clearAllMocks()
  routerSpy = jest.spyOn(taro, 'useRouter').mockReturnValue(route({ id: 'l1' }))
})
afterEach(() => routerSpy.mockRestore())

async function openWith(lecture: LectureDetail) {
  callMock.mockResolvedValueOnce(ok(lecture))
  render(<Lecture />)
  await screen.findByText(lecture.title)
}

describe('lecture page', () => {
  it('shows what a member needs to decide: who, where (every stop in order), when, seats, hours, rules', async () => {
    await openWith(detail({ waiting: 0 }))
    expect(callMock).toHaveBeenCalledWith('lecture', 'detail', { id: 'l1' })
    for (const text of [
      '行走党课',
      '李秀英',
      '区委党校讲师',
      '泉城路街道党工委',
      '第1站：解放阁',
      '黑虎泉西路1号',
      '第2站：济南战役纪念馆',
      '英雄山路18号',
      '2 学时',
      '余 12 席 / 共 40 席',
      '不需审核，报上即可',
      '从解放阁出发，沿途讲述济南解放的故事。',
    ]) {
      expect(screen.getByText(text)).toBeInTheDocument()
    }
    expect(screen.getByText(/报名截止$/)).toBeInTheDocument()
    expect(screen.getByText(/^报名截止前（.+）可以取消报名$/)).toBeInTheDocument()
    const stops = screen.getAllByText(/^第\d站/).map((e) => e.textContent)
    expect(stops).toEqual(['第1站：解放阁', '第2站：济南战役纪念馆'])
    expect(screen.queryByText('管理这场党课')).not.toBeInTheDocument()
    expect(screen.queryByText('我的报名')).not.toBeInTheDocument()
  })

  it('signs up with 报名, says so, and shows the refreshed state with 取消报名', async () => {
    await openWith(detail())
    callMock
      .mockResolvedValueOnce(ok({ status: 'confirmed' }))
      .mockResolvedValueOnce(ok(detail({ seatsLeft: 11, mySignup: { status: 'confirmed' } })))
    fireEvent.click(screen.getByRole('button', { name: '报名' }))

    expect(callMock).toHaveBeenCalledWith('signup', 'signUp', { lectureId: 'l1' })
    expect(await screen.findByText('已报名')).toBeInTheDocument()
    expect(showToast).toHaveBeenCalledWith({ title: '报名成功', icon: 'none' })
    expect(screen.getByText('余 11 席 / 共 40 席')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '取消报名' })).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledTimes(3)
  })

  it('offers 加入候补 when full, and shows the waitlist place', async () => {
    await openWith(detail({ seatsLeft: 0, waiting: 4 }))
    expect(screen.getByText('已满（共 40 席）')).toBeInTheDocument()
    expect(screen.getByText('4 人在候补')).toBeInTheDocument()

    callMock
      .mockResolvedValueOnce(ok({ status: 'waitlisted', position: 5 }))
      .mockResolvedValueOnce(ok(detail({ seatsLeft: 0, waiting: 5, mySignup: { status: 'waitlisted', position: 5 } })))
    fireEvent.click(screen.getByRole('button', { name: '加入候补' }))

    expect(await screen.findByText('候补第5位')).toBeInTheDocument()
    expect(showToast).toHaveBeenCalledWith({ title: '已加入候补，排第5位', icon: 'none' })
    expect(screen.getByText('5 人在候补')).toBeInTheDocument()
  })

  it('asks before cancelling, and does nothing when the member says 不取消', async () => {
    await openWith(detail({ mySignup: { status: 'confirmed' } }))
    showModal.mockResolvedValueOnce({ errMsg: 'showModal:ok', confirm: false, cancel: true })
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '取消报名' })))

    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '取消报名', confirmText: '取消报名', cancelText: '不取消' }),
    )
    expect(callMock).toHaveBeenCalledTimes(1)
  })

  it('cancels after the member confirms, and shows the refreshed state', async () => {
    await openWith(detail({ mySignup: { status: 'confirmed' } }))
    callMock
      .mockResolvedValueOnce(ok({ status: 'cancelled' }))
      .mockResolvedValueOnce(ok(detail({ mySignup: { status: 'cancelled' } })))
    fireEvent.click(screen.getByRole('button', { name: '取消报名' }))

    expect(await screen.findByText('已取消')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('signup', 'cancel', { lectureId: 'l1' })
    expect(showToast).toHaveBeenCalledWith({ title: '已取消报名', icon: 'none' })
    expect(screen.getByRole('button', { name: '报名' })).toBeInTheDocument()
  })

  it("shows the server's refusal in Chinese and refreshes the page", async () => {
    await openWith(detail())
    callMock
      .mockResolvedValueOnce(refusal('SIGNUP_CLOSED'))
      .mockResolvedValueOnce(ok(detail({ signupDeadline: inDays(-0.01) })))
    fireEvent.click(screen.getByRole('button', { name: '报名' }))

    expect(await screen.findByRole('alert')).toHaveTextContent(ERROR_MESSAGES.SIGNUP_CLOSED)
    await waitFor(() => expect(screen.queryByRole('button', { name: '报名' })).not.toBeInTheDocument())
    expect(screen.getAllByText('报名已截止').length).toBeGreaterThan(0)
    expect(showToast).not.toHaveBeenCalled()
  })

  it('says 正在提交… while a sign-up is on its way and ignores a second tap', async () => {
    await openWith(detail())
    let answer!: (r: Reply<unknown>) => void
    callMock.mockReturnValueOnce(new Promise((r) => (answer = r)))
    fireEvent.click(screen.getByRole('button', { name: '报名' }))
    await screen.findByRole('button', { name: '正在提交…' })
    fireEvent.click(screen.getByRole('button', { name: '正在提交…' }))
    expect(callMock).toHaveBeenCalledTimes(2)

    callMock.mockResolvedValueOnce(ok(detail({ mySignup: { status: 'pending' } })))
    await act(async () => answer(ok({ status: 'pending' })))
    expect(await screen.findByText('待审核')).toBeInTheDocument()
    expect(showToast).toHaveBeenCalledWith({ title: '已提交，请等待支部审核', icon: 'none' })
  })

  it('shows a cancelled lecture with its reason first, and no button', async () => {
    await openWith(
      detail({ status: 'cancelled', cancelReason: '主讲人临时出差，改期另行通知', mySignup: { status: 'confirmed' } }),
    )
    expect(screen.getByText('这场党课已取消')).toBeInTheDocument()
    expect(screen.getByText('原因：主讲人临时出差，改期另行通知')).toBeInTheDocument()
    expect(screen.getByText('党课已取消')).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  it('says 报名已截止 after the deadline, and shows approval and the until-start policy in words', async () => {
    await openWith(detail({ signupDeadline: inDays(-1), approvalRequired: true, cancelPolicy: 'untilStart' }))
    expect(screen.getByText('报名已截止', { selector: '.signup-button__closed-text' })).toBeInTheDocument()
    expect(screen.getByText('报名后需支部审核')).toBeInTheDocument()
    expect(screen.getByText(/^开讲前（.+）可以取消报名$/)).toBeInTheDocument()
  })

  it('shows a declined sign-up as 未通过', async () => {
    await openWith(detail({ approvalRequired: true, mySignup: { status: 'declined' } }))
    expect(screen.getByText('未通过')).toBeInTheDocument()
    expect(screen.getByText('报名未通过审核')).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  it("shows the member's check-in: 待确认 and why for a held offline scan, the hours once credited", async () => {
    const held = { status: 'pending' as const, reason: '离线补传的签到需支部书记确认后才计学时' }
    const past = { startAt: inDays(-1), endAt: inDays(-0.9), mySignup: { status: 'confirmed' as const } }
    await openWith(
      detail({ ...past, myCheckin: { status: 'pending', checkedInAt: inDays(-1), hours: 0, review: held } }),
    )
    expect(screen.getByText('我的签到')).toBeInTheDocument()
    expect(screen.getByText('待确认')).toBeInTheDocument()
    expect(screen.getByText('离线补传的签到需支部书记确认后才计学时')).toBeInTheDocument()
    expect(screen.queryByText(/签到成功/)).not.toBeInTheDocument()
  })

  it('shows a check-in the secretary did not confirm with their reason, and a credited one with its hours', async () => {
    const refused = { status: 'refused' as const, reason: '本人当时不在会场' }
    const at = '2025-11-28T11:02:00.000Z'
    await openWith(detail({ myCheckin: { status: 'refused', checkedInAt: at, hours: 0, review: refused } }))
    expect(screen.getByText('不予确认')).toBeInTheDocument()
    expect(screen.getByText('支部书记未予确认：本人当时不在会场')).toBeInTheDocument()
  })

  it('links a manager to the roster', async () => {
    await openWith(detail({ canManage: true }))
    fireEvent.click(screen.getByText('管理这场党课'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/manage/roster/index?id=l1' })
  })

  it('shows a refusal of the lecture itself, with 去绑定 for a WeChat user without a member', async () => {
    callMock.mockResolvedValueOnce(refusal('NOT_A_MEMBER'))
    render(<Lecture />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_A_MEMBER)).toBeInTheDocument()
    fireEvent.click(screen.getByText('去绑定'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  })

  it('retries a lecture that could not be loaded', async () => {
    callMock.mockResolvedValueOnce(refusal('NETWORK'))
    render(<Lecture />)
    callMock.mockResolvedValueOnce(ok(detail()))
    fireEvent.click(await screen.findByText('重试'))
    expect(await screen.findByText('学习二十届四中全会精神')).toBeInTheDocument()
  })

  it('refreshes in place when the member comes back to the page', async () => {
    await openWith(detail())
    callMock.mockResolvedValueOnce(ok(detail({ seatsLeft: 3 })))
    await act(async () => showAgain())
    expect(screen.getByText('余 3 席 / 共 40 席')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledTimes(2)
  })

  it('says 没有找到 without an id', async () => {
    routerSpy.mockReturnValue(route({}))
    render(<Lecture />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_FOUND)).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalled()
  })
})
