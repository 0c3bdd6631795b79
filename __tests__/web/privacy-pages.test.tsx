/**
 * The consent sheet as WeChat drives it (weapp: wx.onNeedPrivacyAuthorization, the agree button's id, the
 * guide by openPrivacyContract), the 隐私政策 page, 我的数据 and its export, and their links on 我的.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import PrivacySheet from '../../src/components/PrivacySheet'
import MyDataPage from '../../src/member/mydata'
import Privacy from '../../src/member/privacy'
import { CheckinEntries } from '../../src/pages/mine/MineEntries'
import type { MyData } from '../../src/shared/contract'
import { refusal } from '../../src/shared/errors'
import { routes } from '../../src/utils/routes'
import { expectTexts, tapThenSee } from './support/see'
import { callMock, ok, resetCalls, serve } from './support/serve'
import { getCurrentPages, navigateTo, onNeedPrivacyAuthorization, openPrivacyContract } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

beforeEach(resetCalls)

describe('the consent sheet in WeChat', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  /** The one listener the sheets registered (once for the app's life, as WeChat keeps one). */
  let listener: ((resolve: jest.Mock, eventInfo: object) => void) | undefined
  /** WeChat asks as a privacy API is called; answers the resolve the sheet was handed. */
  function asked(referrer: string) {
    listener ??= onNeedPrivacyAuthorization.mock.calls[0][0]
    const resolve = jest.fn()
    act(() => listener!(resolve, { referrer }))
    return resolve
  }

  it('shows nothing until WeChat asks; then says what is used, and 同意 resolves agree with its button', () => {
    render(<PrivacySheet />)
    expect(screen.queryByText('请您先同意隐私保护指引')).not.toBeInTheDocument()
    expect(onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
    const resolve = asked('getLocation')
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    expect(
      screen.getByText(
        /获取您的位置：签到时核对您是否在党课现场（只保存离现场的距离），找附近的党课时按远近排列（不保存）/,
      ),
    ).toBeInTheDocument()
    const agree = screen.getByText('同意')
    expect(agree).toHaveAttribute('id', 'privacy-agree')
    expect(agree).toHaveAttribute('data-open-type', 'agreePrivacyAuthorization')
    fireEvent.click(agree)
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
    expect(screen.queryByText('请您先同意隐私保护指引')).not.toBeInTheDocument()
  })

  it('拒绝 resolves disagree; the guide opens with openPrivacyContract, the policy as a page', () => {
    render(<PrivacySheet />)
    const resolve = asked('saveImageToPhotosAlbum')
    expect(screen.getByText(/把学时记录图片保存到您的相册/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('查看《用户隐私保护指引》'))
    expect(openPrivacyContract).toHaveBeenCalled()
    fireEvent.click(screen.getByText('查看《隐私政策》'))
    expect(navigateTo).toHaveBeenCalledWith({ url: routes.privacy })
    fireEvent.click(screen.getByText('拒绝'))
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
  })

  it('a second ask while one is shown replaces it: the first is refused, never left waiting', () => {
    render(<PrivacySheet />)
    const first = asked('getLocation')
    const second = asked('chooseImage')
    expect(first).toHaveBeenLastCalledWith({ event: 'disagree' })
    fireEvent.click(screen.getByText('同意'))
    expect(second).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
    expect(first).toHaveBeenCalledTimes(2) // exposure, then the refusal: never agreed
  })

  it('a sheet of a page lower in the stack does not answer for the page on top', () => {
    getCurrentPages.mockReturnValue([{ route: 'manage/members/index' }])
    const { unmount } = render(<PrivacySheet />)
    getCurrentPages.mockReturnValue([{ route: 'manage/members/index' }, { route: 'manage/lectures/index' }])
    expect(asked('chooseImage')).toHaveBeenCalledWith({ event: 'disagree' })
    expect(screen.queryByText('同意')).not.toBeInTheDocument()
    unmount()
    getCurrentPages.mockReturnValue([])
  })

  it('with no sheet on the page, refuses (the API fails rather than wait for no one)', () => {
    const { unmount } = render(<PrivacySheet />)
    unmount()
    expect(asked('chooseImage')).toHaveBeenCalledWith({ event: 'disagree' })
  })
})

describe('隐私政策', () => {
  it('says what is collected, that only the distance of a check-in is kept, for how long, and whom to ask', async () => {
    render(<Privacy />)
    expectTexts('我们收集哪些信息', '为什么收集', '谁能看到', '保存多久', '怎样查看和导出', '联系谁')
    expect(screen.getByText(/只保存这个距离和定位精度，不保存您在哪里/)).toBeInTheDocument()
    expect(screen.getByText(/手机号在365天后删除/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('打开“我的数据”'))
    expect(navigateTo).toHaveBeenCalledWith({ url: routes.myData })
  })
})

const DATA: MyData = {
  profile: { name: '王建国', phone: '13800000001', branchName: '第一党支部', roles: ['member'], inactive: false },
  binding: { boundAt: '2025-03-01T02:00:00.000Z' },
  signups: [{ lectureTitle: '学习党章', status: 'confirmed', at: '2025-05-01T02:00:00.000Z' }],
  checkins: [
    { lectureTitle: '学习党章', status: 'in', method: 'qr', at: '2025-05-03T11:02:00.000Z', hours: 1.5, distanceM: 42 },
  ],
  hours: [
    {
      year: 2025,
      hours: 1.5,
      bucket: 'collective',
      source: 'attendance',
      title: '学习党章',
      at: '2025-05-03T11:02:00.000Z',
    },
  ],
  proposals: [],
  cut: [],
}

describe('我的数据', () => {
  it('shows every kind of record the system holds, the check-in with its distance, and exports it', async () => {
    serve({
      'member.myData': () => ok(DATA),
      'member.exportMyData': () => ok({ fileId: 'f', url: 'https://x/f.xlsx', fileName: '我的数据-王建国.xlsx' }),
    })
    const open = jest.spyOn(window, 'open').mockReturnValue({} as Window)
    render(<MyDataPage />)
    expect(await screen.findByText('个人信息（1）')).toBeInTheDocument()
    expectTexts('姓名：王建国', '手机号：13800000001', '报名（1）', '签到（1）', '学时（1）', '党课申报（0）')
    expectTexts('离现场距离：42米', '状态：已报名', '没有记录')
    await tapThenSee('导出Excel', '我的数据已导出：我的数据-王建国.xlsx')
    expect(callMock).toHaveBeenCalledWith('member', 'exportMyData', {})
    expect(open).toHaveBeenCalledWith('https://x/f.xlsx', '_blank')
    open.mockRestore()
  })

  it('says when a list is cut, and shows a refusal as the page', async () => {
    serve({ 'member.myData': () => ok({ ...DATA, cut: ['hours'] }) })
    const { unmount } = render(<MyDataPage />)
    expect(await screen.findByText(/每类只显示最近100条/)).toBeInTheDocument()
    unmount()
    serve({ 'member.myData': () => refusal('NOT_A_MEMBER') })
    render(<MyDataPage />)
    expect(await screen.findByText('去绑定')).toBeInTheDocument()
  })
})

describe('我的', () => {
  it('leads to 我的数据 and 隐私政策', () => {
    render(<CheckinEntries />)
    fireEvent.click(screen.getByText('我的数据'))
    expect(navigateTo).toHaveBeenCalledWith({ url: routes.myData })
    fireEvent.click(screen.getByText('隐私政策'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.privacy })
  })
})
