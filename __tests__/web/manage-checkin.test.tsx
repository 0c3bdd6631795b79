import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ManageCheckin from '../../src/manage/checkin'
import type { LiveCheckin, LiveRow } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { expectTexts, tapThenSee } from './support/see'
import { typeAt } from './support/fill'
import { callMock, ok, resetPage, serve } from './support/serve'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const mockParams: Record<string, string> = {}
const mockWriteFile = jest.fn((opts: { success: (r: unknown) => void }) => opts.success({ errMsg: 'writeFile:ok' }))
jest.mock('@tarojs/taro', () =>
  jest.requireActual('./support/taroWith').taroWith({
    useRouter: () => ({ params: mockParams, path: '/manage/checkin/index' }),
    scanCode: jest.fn(async () => ({ result: 'dk1|m|m-9|123|sig', errMsg: 'scanCode:ok' })),
    setKeepScreenOn: jest.fn(async () => ({ errMsg: 'setKeepScreenOn:ok' })),
    previewImage: jest.fn(async () => ({ errMsg: 'previewImage:ok' })),
    getFileSystemManager: jest.fn(() => ({ writeFile: mockWriteFile })),
    env: { USER_DATA_PATH: 'wxfile://usr' },
  }),
)

const showModal = Taro.showModal as unknown as jest.Mock

const QR_IMAGE = 'data:image/png;base64,iVBORw0KGgo='

function row(over: Partial<LiveRow>): LiveRow {
  return { memberId: 'm-1', name: '王建国', signedUp: true, state: 'none', ...over }
}

const ROWS: LiveRow[] = [
  row({ memberId: 'm-2', name: '李秀英', state: 'in', checkedInAt: '2099-11-28T06:35:00.000Z', method: 'qr' }),
  row({
    memberId: 'm-3',
    name: '赵丽',
    state: 'in',
    checkedInAt: '2099-11-28T06:20:00.000Z',
    method: 'typed',
    offline: true,
  }),
  row({ memberId: 'm-1', name: '王建国' }),
  row({ memberId: 'm-4', name: '孙大爷', state: 'undone' }),
]

function live(over: Partial<LiveCheckin> = {}): LiveCheckin {
  return {
    lectureId: 'l1',
    lectureTitle: '学习二十届四中全会精神',
    level: 'L1',
    opensAt: '2099-11-28T06:00:00.000Z',
    closesAt: '2099-11-28T08:15:00.000Z',
    code: { qr: 'dk1|in|l1|42|sig', typed: '123456', image: QR_IMAGE, refreshInMs: 10_000 },
    purpose: 'in',
    counts: { signedUp: 4, checkedIn: 2, checkedOut: 0, notYet: 2, pending: 0 },
    rows: ROWS,
    pending: [],
    failures: [{ name: '周强', at: '2099-11-28T06:31:00.000Z', code: 'CODE_EXPIRED', message: '签到码已过期' }],
    audit: [
      {
        name: '孙大爷',
        action: 'undo',
        byName: '张书记',
        reason: '本人未到场',
        at: '2099-11-28T06:33:00.000Z',
      },
    ],
    finished: false,
    ...over,
  }
}

const liveCalls = () => callMock.mock.calls.filter((c) => c[1] === 'live')

beforeEach(() => {
  resetPage(mockParams, { id: 'l1' })
})

afterEach(() => {
  jest.useRealTimers()
  process.env.TARO_ENV = 'h5'
})

describe('manage: check-in screen', () => {
  it('shows the QR code, its six digits, the counts, who is in and who is not, failures and the audit', async () => {
    serve({ 'checkin.live': () => ok(live()) })
    const { container } = render(<ManageCheckin />)
    expect(await screen.findByText('123 456')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('checkin', 'live', { lectureId: 'l1', purpose: 'in' })
    expect(container.querySelector('.checkin-code__qr')).toHaveAttribute('src', QR_IMAGE)
    expect(screen.getByText('签到码')).toBeInTheDocument()
    expect(screen.getByText(/每15秒自动更新/)).toBeInTheDocument()

    const counts = [...container.querySelectorAll('.manage-checkin__count')].map((c) => c.textContent)
    expect(counts).toEqual(['4已报名', '2已签到', '2未签到']) // no 已签退 below L3
    expectTexts('未签到（2）', '已签到（2）', '14:35 签到 · 扫码', '14:20 签到 · 输码 · 离线补传', '已撤销')
    expect(screen.getAllByText('代签到')).toHaveLength(2)
    expect(screen.getAllByText('撤销')).toHaveLength(2)
    expectTexts('周强 · 14:31', '签到码已过期', '14:33 张书记 撤销签到：孙大爷', '原因：本人未到场')
  })

  it('lists offline scans waiting for confirmation apart, and confirms one, asking the screen again', async () => {
    const pending = [
      {
        memberId: 'm-5',
        name: '周强',
        held: 'in' as const,
        scannedAt: '2099-11-28T06:25:00.000Z',
        receivedAt: '2099-11-28T07:40:00.000Z',
      },
    ]
    const refused = row({ memberId: 'm-6', name: '吴敏', state: 'refused' })
    let confirmed = false
    serve({
      'checkin.live': () =>
        ok(
          confirmed
            ? live()
            : live({
                rows: [...ROWS, refused],
                pending,
                counts: { signedUp: 4, checkedIn: 2, checkedOut: 0, notYet: 3, pending: 1 },
              }),
        ),
      'checkin.review': () => {
        confirmed = true
        return ok({ decided: [{ memberId: 'm-5', name: '周强', status: 'in', changed: true }], skipped: 0 })
      },
    })
    const { container } = render(<ManageCheckin />)
    expect(await screen.findByText('待确认的离线签到（1）')).toBeInTheDocument()
    const counts = [...container.querySelectorAll('.manage-checkin__count')].map((c) => c.textContent)
    expect(counts).toEqual(['4已报名', '2已签到', '3未签到', '1待确认'])
    expect(screen.getByText('扫码时间 11月28日 14:25')).toBeInTheDocument()
    expect(screen.getByText('收到时间 11月28日 15:40')).toBeInTheDocument()
    // A refused scan's member is among those not in, marked so, and can be checked in by hand.
    expect(screen.getByText('未签到（3）')).toBeInTheDocument()
    expect(screen.getAllByText('不予确认')).toHaveLength(2) // the row's button and 吴敏's tag

    await tapThenSee('确认', '已确认周强的签到，计入学时')
    expect(callMock).toHaveBeenCalledWith('checkin', 'review', {
      lectureId: 'l1',
      memberId: 'm-5',
      decision: 'confirm',
    })
    await waitFor(() => expect(liveCalls()).toHaveLength(2))
    expect(screen.queryByText('1待确认')).not.toBeInTheDocument()
  })

  it('checks a member in by hand with a preset reason, and asks the screen again', async () => {
    serve({
      'checkin.live': () => ok(live()),
      'checkin.manual': () =>
        ok({
          kind: 'checkedIn',
          already: false,
          lectureTitle: '学习二十届四中全会精神',
          checkedInAt: '2099-11-28T06:40:00.000Z',
          hours: 1.5,
          checkoutNeeded: false,
        }),
    })
    render(<ManageCheckin />)
    fireEvent.click((await screen.findAllByText('代签到'))[0])
    expect(screen.getByText('为王建国代签到，原因（记入操作记录）')).toBeInTheDocument()
    fireEvent.click(screen.getByText('确认代签到'))
    expect(screen.getByText('请写明原因')).toBeInTheDocument() // nothing sent without a reason
    expect(callMock).not.toHaveBeenCalledWith('checkin', 'manual', expect.anything())

    fireEvent.click(screen.getByText('没带手机'))
    await tapThenSee('确认代签到', '已为王建国签到')
    expect(callMock).toHaveBeenCalledWith('checkin', 'manual', { lectureId: 'l1', memberId: 'm-1', reason: '没带手机' })
    await waitFor(() => expect(liveCalls()).toHaveLength(2))
  })

  it('shows a refused manual check-in under its reason', async () => {
    serve({ 'checkin.live': () => ok(live()), 'checkin.manual': () => refusal('FORBIDDEN') })
    const { container } = render(<ManageCheckin />)
    fireEvent.click((await screen.findAllByText('代签到'))[1])
    typeAt(container, '#manual-reason-m-4', '老人不会用手机')
    fireEvent.click(screen.getByText('确认代签到'))
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('checkin', 'manual', {
      lectureId: 'l1',
      memberId: 'm-4',
      reason: '老人不会用手机',
    })
  })

  it('undoes a check-in only after a reason and a confirmation that the hours are taken back', async () => {
    serve({ 'checkin.live': () => ok(live()), 'checkin.undo': () => ok({ reversedHours: 1.5 }) })
    const { container } = render(<ManageCheckin />)
    fireEvent.click((await screen.findAllByText('撤销'))[0])
    typeAt(container, '#undo-reason-m-2', '误签')

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByText('撤销签到'))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(showModal.mock.calls[0][0].content).toContain('撤销后将扣回学时')
    expect(callMock).not.toHaveBeenCalledWith('checkin', 'undo', expect.anything())

    await tapThenSee('撤销签到', '已撤销李秀英的签到，扣回 1.5 学时')
    expect(callMock).toHaveBeenCalledWith('checkin', 'undo', { lectureId: 'l1', memberId: 'm-2', reason: '误签' })
  })

  it('keeps the last code when a poll fails, says it retries, and marks the code expired when its time is over', async () => {
    jest.useFakeTimers()
    let down = false
    serve({ 'checkin.live': () => (down ? refusal('NETWORK') : ok(live())) })
    render(<ManageCheckin />)
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0)
    })
    expect(screen.getByText('123 456')).toBeInTheDocument()
    expect(screen.queryByText('网络不稳，正在重试')).not.toBeInTheDocument()

    down = true
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5_000)
    })
    expect(liveCalls()).toHaveLength(2)
    expect(screen.getByText('网络不稳，正在重试')).toBeInTheDocument()
    expect(screen.getByText('123 456')).toBeInTheDocument()
    expect(screen.getByText('签到码')).toBeInTheDocument()
    expect(screen.getByText('未签到（2）')).toBeInTheDocument() // the lists stay too

    // 10 s to the next slot, then one more slot during which the old code is still accepted
    await act(async () => {
      await jest.advanceTimersByTimeAsync(21_000)
    })
    expect(liveCalls().length).toBeGreaterThanOrEqual(5) // still retrying
    expect(screen.getByText('签到码（已过期）')).toBeInTheDocument()
    expect(screen.getByText('此码已过期，党员扫不上：网络恢复后会显示新码')).toBeInTheDocument()

    down = false
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5_000)
    })
    expect(screen.queryByText('网络不稳，正在重试')).not.toBeInTheDocument()
    expect(screen.getByText('签到码')).toBeInTheDocument()
  })

  it('asks for the next code as soon as the shown one is due, not only every 5 seconds', async () => {
    jest.useFakeTimers()
    serve({ 'checkin.live': () => ok(live({ code: { ...live().code!, refreshInMs: 2_000 } })) })
    render(<ManageCheckin />)
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0)
    })
    expect(liveCalls()).toHaveLength(1)
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2_300)
    })
    expect(liveCalls()).toHaveLength(2)
  })

  it('switches to the check-out code at L3 and counts those who left', async () => {
    serve({
      'checkin.live': (p) =>
        ok(
          live({
            level: 'L3',
            purpose: p.purpose as 'in' | 'out',
            code: { qr: 'x', typed: p.purpose === 'out' ? '654321' : '123456', image: QR_IMAGE, refreshInMs: 10_000 },
            counts: { signedUp: 4, checkedIn: 2, checkedOut: 1, notYet: 2, pending: 0 },
          }),
        ),
    })
    const { container } = render(<ManageCheckin />)
    expect(await screen.findByText('123 456')).toBeInTheDocument()
    const counts = [...container.querySelectorAll('.manage-checkin__count')].map((c) => c.textContent)
    expect(counts).toEqual(['4已报名', '2已签到', '2未签到', '1已签退'])

    await tapThenSee('签退码', '654 321')
    expect(callMock).toHaveBeenLastCalledWith('checkin', 'live', { lectureId: 'l1', purpose: 'out' })
    expect(container.querySelector('.checkin-code__label')).toHaveTextContent('签退码')
  })

  it('explains the screen without a code: L0, before the window opens, after it closed, a finished lecture', async () => {
    serve({ 'checkin.live': () => ok(live({ level: 'L0', code: undefined })) })
    const { unmount } = render(<ManageCheckin />)
    expect(await screen.findByText('本场为「按时签到」，不需要签到码')).toBeInTheDocument()
    unmount()

    serve({ 'checkin.live': () => ok(live({ code: undefined })) }) // 2099: not open yet
    const second = render(<ManageCheckin />)
    expect(await screen.findByText('签到还没有开始')).toBeInTheDocument()
    expect(screen.getByText('11月28日 14:00 开始，届时这里显示签到码。')).toBeInTheDocument()
    second.unmount()

    const past = { opensAt: '2020-01-01T01:00:00.000Z', closesAt: '2020-01-01T03:00:00.000Z' }
    serve({ 'checkin.live': () => ok(live({ ...past, code: undefined })) })
    const third = render(<ManageCheckin />)
    expect(await screen.findByText('签到已经结束')).toBeInTheDocument()
    third.unmount()

    serve({ 'checkin.live': () => ok(live({ code: undefined, finished: true })) })
    render(<ManageCheckin />)
    expect(await screen.findByText('党课已结束')).toBeInTheDocument()
    expect(screen.queryByText('结束党课')).not.toBeInTheDocument()
  })

  it('checks in by a member code typed by a USB scanner, and shows a refused one', async () => {
    let valid = true
    serve({
      'checkin.live': () => ok(live()),
      'checkin.scanMember': () =>
        valid
          ? ok({
              kind: 'checkedIn',
              already: false,
              lectureTitle: 'x',
              checkedInAt: '2099-11-28T06:41:00.000Z',
              hours: 1.5,
              checkoutNeeded: false,
              memberName: '钱老师',
            })
          : refusal('MEMBER_CODE_INVALID'),
    })
    const { container } = render(<ManageCheckin />)
    await screen.findByText('123 456')
    typeAt(container, '#member-code', ' dk1|m|m-9|1|s ')
    await tapThenSee('签到', '已为钱老师签到')
    expect(callMock).toHaveBeenCalledWith('checkin', 'scanMember', { lectureId: 'l1', code: 'dk1|m|m-9|1|s' })

    valid = false
    typeAt(container, '#member-code', 'old')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText(`党员码签到没有成功：${ERROR_MESSAGES.MEMBER_CODE_INVALID}`)).toBeInTheDocument()
  })

  it('scans a member code with the camera in WeChat', async () => {
    process.env.TARO_ENV = 'weapp'
    serve({
      'checkin.live': () => ok(live()),
      'checkin.scanMember': () =>
        ok({
          kind: 'checkedIn',
          already: true,
          lectureTitle: 'x',
          checkedInAt: '2099-11-28T06:20:00.000Z',
          hours: 1.5,
          checkoutNeeded: false,
          memberName: '赵丽',
        }),
    })
    render(<ManageCheckin />)
    fireEvent.click(await screen.findByText('扫党员码'))
    expect(await screen.findByText('赵丽已经签到过了（14:20）')).toBeInTheDocument()
    expect(Taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] })
    expect(Taro.setKeepScreenOn).toHaveBeenCalledWith({ keepScreenOn: true })
  })

  it('says why the lecturer was not credited when the lecture was not held by scans', async () => {
    const why = '只有0位党员自己扫码签到，至少要2位'
    serve({
      'checkin.live': () => ok(live()),
      'checkin.finish': () => ok({ lecturerCredited: false, notCreditedReason: why }),
    })
    render(<ManageCheckin />)
    fireEvent.click(await screen.findByText('结束党课'))
    expect(await screen.findByText(`党课已结束。未记讲授学时：${why}`)).toBeInTheDocument()
  })

  it('finishes the lecture after a confirmation, and shows a refusal', async () => {
    let allowed = true
    serve({
      'checkin.live': () => ok(live()),
      'checkin.finish': () => (allowed ? ok({ lecturerCredited: true }) : refusal('INVALID_STATE')),
    })
    render(<ManageCheckin />)
    fireEvent.click(await screen.findByText('结束党课'))
    expect(await screen.findByText('党课已结束，已为主讲人记入讲授学时')).toBeInTheDocument()
    expect(showModal.mock.calls[0][0].content).toContain('主讲人将记入讲授学时')
    expect(callMock).toHaveBeenCalledWith('checkin', 'finish', { lectureId: 'l1' })

    allowed = false
    fireEvent.click(screen.getByText('结束党课'))
    expect(await screen.findByText(`没有结束成功：${ERROR_MESSAGES.INVALID_STATE}`)).toBeInTheDocument()
  })

  it('shows a refused screen with a retry, and says which lecture is missing without ?id=', async () => {
    serve({ 'checkin.live': () => refusal('FORBIDDEN') })
    const { unmount } = render(<ManageCheckin />)
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeInTheDocument()
    expect(screen.getByText('重试')).toBeInTheDocument()
    unmount()

    delete mockParams.id
    render(<ManageCheckin />)
    expect(await screen.findByText('没有指定党课')).toBeInTheDocument()
    expect(liveCalls()).toHaveLength(1)
  })
})

describe('manage: check-in poster', () => {
  const POSTER_IMAGE = 'data:image/png;base64,UE9TVEVS'
  const poster = (over = {}) =>
    ok({
      image: POSTER_IMAGE,
      kind: 'wxacode',
      lectureTitle: '学习二十届四中全会精神',
      startAt: '2099-11-28T06:30:00.000Z',
      endAt: '2099-11-28T08:00:00.000Z',
      address: '社区党群服务中心三楼',
      ...over,
    })

  it('shows the printable poster (title, time, place, code, how to scan), prints it in a browser, and goes back', async () => {
    serve({ 'checkin.live': () => ok(live()), 'checkin.posterCode': () => poster() })
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined)
    const { container } = render(<ManageCheckin />)
    fireEvent.click(await screen.findByText('打印签到海报'))
    expect(await screen.findByText('微信扫一扫，打开党课页面签到')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('checkin', 'posterCode', { lectureId: 'l1' })
    const sheet = container.querySelector('.poster__sheet')!
    expect(sheet).toHaveTextContent('学习二十届四中全会精神')
    expect(sheet).toHaveTextContent('时间：11月28日 14:30 至 16:00')
    expect(sheet).toHaveTextContent('地点：社区党群服务中心三楼')
    expect(container.querySelector('.poster__code')).toHaveAttribute('src', POSTER_IMAGE)
    expect(screen.queryByText(/本地演示/)).not.toBeInTheDocument()

    fireEvent.click(screen.getByText('打印'))
    expect(print).toHaveBeenCalledTimes(1)
    expect(Taro.previewImage).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('返回签到屏幕'))
    expect(container.querySelector('.poster')).toBeNull()
    expect(screen.getByText('打印签到海报')).toBeInTheDocument()
    print.mockRestore()
  })

  it('says when the code is the local stand-in, and shows a refusal under the button', async () => {
    let answer = poster({ kind: 'local' })
    serve({ 'checkin.live': () => ok(live()), 'checkin.posterCode': () => answer })
    render(<ManageCheckin />)
    fireEvent.click(await screen.findByText('打印签到海报'))
    expect(await screen.findByText(/本地演示/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('返回签到屏幕'))

    answer = refusal('FORBIDDEN')
    fireEvent.click(screen.getByText('打印签到海报'))
    expect(await screen.findByText(`没有生成签到海报：${ERROR_MESSAGES.FORBIDDEN}`)).toBeInTheDocument()
  })

  it('in WeChat writes the code to a file and opens it to long-press and save', async () => {
    process.env.TARO_ENV = 'weapp'
    serve({ 'checkin.live': () => ok(live()), 'checkin.posterCode': () => poster() })
    render(<ManageCheckin />)
    fireEvent.click(await screen.findByText('打印签到海报'))
    fireEvent.click(await screen.findByText('保存小程序码'))
    await waitFor(() =>
      expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['wxfile://usr/dangke-poster-code.png'] }),
    )
    expect(mockWriteFile).toHaveBeenCalledWith(
      expect.objectContaining({
        filePath: 'wxfile://usr/dangke-poster-code.png',
        data: 'UE9TVEVS',
        encoding: 'base64',
      }),
    )
    expect(screen.queryByText('打印')).not.toBeInTheDocument()
  })
})
