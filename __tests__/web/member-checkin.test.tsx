import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as taro from '@tarojs/taro'
import { flushOutbox } from '../../src/api/outbox'
import Checkin from '../../src/member/checkin'
import type { CheckinStatus } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { checkinResult } from '../support/memberViews'
import { callMock, ok, serve } from './support/serve'
import { getStorageSync, navigateTo, setStorageSync, showAgain } from './support/taro'
import { tapThenSee } from './support/see'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const OUTBOX = 'dangke.checkinOutbox'
const OUTCOMES = 'dangke.checkinOutcomes'

function status(over: Partial<CheckinStatus> = {}): CheckinStatus {
  return {
    lectureId: 'lec-001',
    lectureTitle: '沿着红色足迹学党史',
    level: 'L1',
    opensAt: '2025-11-28T10:30:00.000Z',
    closesAt: '2025-11-28T13:15:00.000Z',
    signupRequired: false,
    signedUp: false,
    needsLocation: false,
    ...over,
  }
}

const result = checkinResult

const route = (params: Record<string, string>) =>
  ({ params, path: '/member/checkin/index' }) as unknown as ReturnType<typeof taro.useRouter>

/** Taro storage as a map, so the outbox really keeps what it saves. */
const storage = new Map<string, unknown>()
let routerSpy: jest.SpyInstance
beforeEach(() => {
  callMock.mockReset()
  jest.clearAllMocks()
  storage.clear()
  getStorageSync.mockImplementation((key: string) => storage.get(key) ?? '')
  setStorageSync.mockImplementation((key: string, value: unknown) => storage.set(key, value))
  routerSpy = jest.spyOn(taro, 'useRouter').mockReturnValue(route({ id: 'lec-001' }))
})
afterEach(() => routerSpy.mockRestore())

const typeCode = (value: string) => fireEvent.change(screen.getByLabelText('输入签到码'), { target: { value } })

async function open(s: CheckinStatus = status()) {
  render(<Checkin />)
  await screen.findByText(s.lectureTitle)
}

describe('member check-in page', () => {
  it('shows the lecture, the window, the level in words and the state; in a browser only the typed code', async () => {
    serve({ 'checkin.status': () => ok(status()) })
    await open()
    expect(screen.getByText('签到时间：11月28日 周五 18:30–21:15')).toBeInTheDocument()
    expect(screen.getByText(/扫描现场屏幕上的二维码，或输入二维码下方的6位数字/)).toBeInTheDocument()
    expect(screen.getByText('还没有签到')).toBeInTheDocument()
    expect(screen.queryByText('扫码签到')).not.toBeInTheDocument()
    expect(screen.getByText('提交签到码')).toBeInTheDocument()
    fireEvent.click(screen.getByText('查看我的学时'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/hours/index' })
  })

  it('sends the typed code and says big and clearly that it worked and what it earned', async () => {
    serve({ 'checkin.status': () => ok(status()), 'checkin.scan': () => ok(result()) })
    await open()
    typeCode('12 34-56')
    await tapThenSee('提交签到码', '签到成功 · 获得 1.5 学时')
    expect(callMock).toHaveBeenCalledWith('checkin', 'scan', { lectureId: 'lec-001', typed: '123456' })
  })

  it('answers a repeated scan with the original time', async () => {
    serve({ 'checkin.status': () => ok(status()), 'checkin.scan': () => ok(result({ already: true })) })
    await open()
    typeCode('123456')
    await tapThenSee('提交签到码', '您已在 19:02 签到')
    expect(screen.getByText('这场党课已计 1.5 学时，不会重复计算。')).toBeInTheDocument()
  })

  it("checks the code's form before asking, and shows the server's refusal with its explanation", async () => {
    serve({
      'checkin.status': () => ok(status()),
      'checkin.scan': () => refusal('TOO_MANY_ATTEMPTS', '请在 19:20 以后再试'),
    })
    await open()
    typeCode('12345')
    fireEvent.click(screen.getByText('提交签到码'))
    expect(screen.getByText('签到码是6位数字，请看现场屏幕上二维码下方的数字')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledTimes(1)

    typeCode('123456')
    fireEvent.click(screen.getByText('提交签到码'))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(ERROR_MESSAGES.TOO_MANY_ATTEMPTS)
    expect(alert).toHaveTextContent('请在 19:20 以后再试')
  })

  it('keeps the scan in the outbox when the network fails, and says so', async () => {
    serve({ 'checkin.status': () => ok(status()), 'checkin.scan': () => refusal('NETWORK') })
    await open()
    typeCode('123456')
    await tapThenSee('提交签到码', '网络不通，已保存，网络恢复后自动提交')
    const saved = storage.get(OUTBOX) as Record<string, unknown>[]
    expect(saved).toEqual([
      expect.objectContaining({
        key: expect.stringMatching(/^lec-001\|\d{4}-\d\d-\d\dT/),
        lectureId: 'lec-001',
        lectureTitle: '沿着红色足迹学党史',
        typed: '123456',
        scannedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ])
    expect(screen.getByText(/有1次签到保存在手机上/)).toBeInTheDocument()
  })

  it('keeps a second typed code beside the first when offline (an L3 check-out after the check-in)', async () => {
    serve({ 'checkin.status': () => ok(status()), 'checkin.scan': () => refusal('NETWORK') })
    await open()
    typeCode('123456')
    fireEvent.click(screen.getByText('提交签到码'))
    expect(await screen.findByText(/有1次签到保存在手机上/)).toBeInTheDocument()
    typeCode('654321')
    fireEvent.click(screen.getByText('提交签到码'))
    expect(await screen.findByText(/有2次签到保存在手机上/)).toBeInTheDocument()
    const saved = storage.get(OUTBOX) as { typed: string }[]
    expect(saved.map((i) => i.typed)).toEqual(['123456', '654321'])
  })

  it('sends the outbox with the scan time when asked, clears it, and shows what the server said', async () => {
    storage.set(OUTBOX, [
      {
        key: 'lec-001|2025-11-28T11:02:00.000Z',
        lectureId: 'lec-001',
        typed: '123456',
        scannedAt: '2025-11-28T11:02:00.000Z',
      },
    ])
    serve({ 'checkin.status': () => ok(status()), 'checkin.scan': () => ok(result()) })
    await open()
    expect(screen.getByText('有1次签到保存在手机上（19:02 扫码），网络恢复后自动提交。')).toBeInTheDocument()
    await tapThenSee('现在提交', '离线签到已提交：签到成功 · 获得 1.5 学时')
    expect(callMock).toHaveBeenCalledWith('checkin', 'scan', {
      lectureId: 'lec-001',
      typed: '123456',
      scannedAt: '2025-11-28T11:02:00.000Z',
    })
    expect(storage.get(OUTBOX)).toEqual([])
    expect(screen.queryByText(/保存在手机上/)).not.toBeInTheDocument()
  })

  it('sends an outbox scan the server holds for the secretary: 待确认 and why, not 签到成功', async () => {
    storage.set(OUTBOX, [
      {
        key: 'lec-001|2025-11-28T11:02:00.000Z',
        lectureId: 'lec-001',
        typed: '123456',
        scannedAt: '2025-11-28T11:02:00.000Z',
      },
    ])
    const held = { status: 'pending' as const, reason: '离线补传的签到需支部书记确认后才计学时' }
    let sent = false
    serve({
      'checkin.status': () =>
        ok(
          status(
            sent
              ? { mine: { status: 'pending', checkedInAt: '2025-11-28T11:02:00.000Z', hours: 0, review: held } }
              : {},
          ),
        ),
      'checkin.scan': () => {
        sent = true
        return ok(result({ hours: 0, review: held }))
      },
    })
    await open()
    await act(async () => {
      await flushOutbox()
    })
    expect(screen.getByText('离线签到已提交 · 待确认（离线补传的签到需支部书记确认后才计学时）')).toBeInTheDocument()
    expect(screen.queryByText(/签到成功/)).not.toBeInTheDocument()
    expect(screen.queryByText(/获得/)).not.toBeInTheDocument()
    // The member's state is asked again once the outbox has sent it.
    expect(await screen.findByText('待确认')).toBeInTheDocument()
  })

  it('shows the state 待确认 with its reason, and offers no second check-in while it waits', async () => {
    const held = { status: 'pending' as const, reason: '离线补传的签到需支部书记确认后才计学时' }
    serve({
      'checkin.status': () =>
        ok(status({ mine: { status: 'pending', checkedInAt: '2025-11-28T11:02:00.000Z', hours: 0, review: held } })),
    })
    await open()
    expect(screen.getByText('待确认')).toBeInTheDocument()
    expect(screen.getByText('离线补传的签到需支部书记确认后才计学时')).toBeInTheDocument()
    expect(screen.queryByText('提交签到码')).not.toBeInTheDocument()
  })

  it('shows a scan the secretary did not confirm, with their reason, and lets the member check in again', async () => {
    const refused = { status: 'refused' as const, reason: '本人当时不在会场' }
    serve({
      'checkin.status': () =>
        ok(status({ mine: { status: 'refused', checkedInAt: '2025-11-28T11:02:00.000Z', hours: 0, review: refused } })),
      'checkin.scan': () => ok(result()),
    })
    await open()
    expect(screen.getByText('不予确认')).toBeInTheDocument()
    expect(screen.getByText('支部书记未予确认：本人当时不在会场')).toBeInTheDocument()
    typeCode('123456')
    await tapThenSee('提交签到码', '签到成功 · 获得 1.5 学时')
  })

  it('shows an outbox scan the server refused, with the reason', async () => {
    storage.set(OUTBOX, [
      {
        key: 'lec-001|2025-11-28T11:02:00.000Z',
        lectureId: 'lec-001',
        typed: '123456',
        scannedAt: '2025-11-28T11:02:00.000Z',
      },
    ])
    serve({ 'checkin.status': () => ok(status()), 'checkin.scan': () => refusal('OFFLINE_TOO_LATE') })
    await open()
    await act(async () => {
      await flushOutbox()
    })
    expect(screen.getByText(`离线签到被拒：${ERROR_MESSAGES.OFFLINE_TOO_LATE}`)).toBeInTheDocument()
    expect(storage.get(OUTCOMES)).toHaveLength(1)
  })

  it('a state asked earlier but answered later does not replace the newer one', async () => {
    const inAt = '2025-11-28T11:02:00.000Z'
    const answers: ((s: CheckinStatus) => void)[] = []
    serve({ 'checkin.status': () => new Promise((resolve) => answers.push((s) => resolve(ok(s)))) })
    render(<Checkin />)
    await act(async () => answers[0](status()))
    act(() => showAgain()) // back on the page: asked again …
    act(() => showAgain()) // … and again, before the first answer came
    await act(async () => answers[2](status({ mine: { status: 'in', checkedInAt: inAt, hours: 1.5 } })))
    await act(async () => answers[1](status()))
    expect(screen.getByText('已签到 19:02 · 1.5 学时')).toBeInTheDocument()
    expect(screen.queryByText('还没有签到')).not.toBeInTheDocument()
  })

  it('still takes a code when the lecture cannot be loaded for lack of network', async () => {
    serve({ 'checkin.status': () => refusal('NETWORK'), 'checkin.scan': () => refusal('NETWORK') })
    render(<Checkin />)
    expect(await screen.findByText(/网络不通，暂时看不到签到信息/)).toBeInTheDocument()
    typeCode('123456')
    await tapThenSee('提交签到码', '网络不通，已保存，网络恢复后自动提交')
  })

  it('at L2 asks consent once, then sends the location with the code; a refused location is explained, nothing sent', async () => {
    const getCurrentPosition = jest.fn()
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true })
    serve({
      'checkin.status': () => ok(status({ level: 'L2', needsLocation: true })),
      'checkin.scan': () => ok(result()),
    })
    await open()

    getCurrentPosition.mockImplementationOnce((_ok, fail: (e: unknown) => void) =>
      fail({ code: 1, PERMISSION_DENIED: 1 }),
    )
    typeCode('123456')
    // The consent sheet first (as WeChat asks before wx.getLocation); the browser's own question after it.
    await tapThenSee('提交签到码', '请您先同意隐私保护指引')
    expect(getCurrentPosition).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('同意'))
    expect(await screen.findByRole('alert')).toHaveTextContent('浏览器没有允许使用位置')
    expect(setStorageSync).toHaveBeenCalledWith('privacyConsent', 'agreed')
    expect(callMock).toHaveBeenCalledTimes(1)

    getCurrentPosition.mockImplementationOnce((done: (p: unknown) => void) =>
      done({ coords: { latitude: 36.66, longitude: 117.03, accuracy: 25 } }),
    )
    await tapThenSee('提交签到码', '签到成功 · 获得 1.5 学时')
    expect(callMock).toHaveBeenCalledWith('checkin', 'scan', {
      lectureId: 'lec-001',
      typed: '123456',
      location: { lat: 36.66, lng: 117.03, accuracy: 25 },
    })
  })

  it('at L2, 拒绝 on the consent sheet asks no location, sends nothing and says what is left', async () => {
    const getCurrentPosition = jest.fn()
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true })
    serve({ 'checkin.status': () => ok(status({ level: 'L2', needsLocation: true })) })
    await open()
    typeCode('123456')
    await tapThenSee('提交签到码', '请您先同意隐私保护指引')
    fireEvent.click(screen.getByText('拒绝'))
    expect(await screen.findByRole('alert')).toHaveTextContent('您没有同意使用位置')
    expect(screen.queryByText('请您先同意隐私保护指引')).not.toBeInTheDocument()
    expect(getCurrentPosition).not.toHaveBeenCalled()
    expect(callMock).toHaveBeenCalledTimes(1)
    expect(setStorageSync).not.toHaveBeenCalledWith('privacyConsent', 'agreed')
  })

  it('sends a code scanned on "我的" at once', async () => {
    const qr = 'dk1|in|lec-001|123|sig'
    routerSpy.mockReturnValue(route({ qr: encodeURIComponent(qr) }))
    serve({ 'checkin.status': () => ok(status()), 'checkin.scan': () => ok(result()) })
    render(<Checkin />)
    expect(await screen.findByText('签到成功 · 获得 1.5 学时')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('checkin', 'status', { lectureId: 'lec-001' })
    expect(callMock).toHaveBeenCalledWith('checkin', 'scan', { lectureId: 'lec-001', qr })
  })

  it('at L3 after check-in offers check-out; once out it shows the hours and no more actions', async () => {
    const inAt = '2025-11-28T11:02:00.000Z'
    serve({
      'checkin.status': () =>
        ok(status({ level: 'L3', needsLocation: true, mine: { status: 'in', checkedInAt: inAt, hours: 0 } })),
    })
    await open()
    expect(screen.getByText('已签到 19:02 · 待签退')).toBeInTheDocument()
    expect(screen.getByText('提交签退码')).toBeInTheDocument()
  })

  it('at L0 one 签到 button, no code', async () => {
    serve({ 'checkin.status': () => ok(status({ level: 'L0' })), 'checkin.scan': () => ok(result()) })
    await open()
    expect(screen.queryByLabelText('输入签到码')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('签到'))
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('checkin', 'scan', { lectureId: 'lec-001' }))
    expect(await screen.findByText('签到成功 · 获得 1.5 学时')).toBeInTheDocument()
  })

  it('shows the state of a member already checked out, without actions', async () => {
    serve({
      'checkin.status': () =>
        ok(
          status({
            level: 'L3',
            mine: {
              status: 'out',
              checkedInAt: '2025-11-28T11:02:00.000Z',
              checkedOutAt: '2025-11-28T12:31:00.000Z',
              hours: 1.5,
            },
          }),
        ),
    })
    await open()
    expect(screen.getByText('已签退 20:31 · 1.5 学时')).toBeInTheDocument()
    expect(screen.queryByText('提交签退码')).not.toBeInTheDocument()
  })
})
