import { fireEvent, render, screen } from '@testing-library/react'
import Nearby from '../../src/member/nearby'
import type { NearbyLecture } from '../../src/shared/contract'
import { lectureSummary } from '../support/lectures'
import { callMock, ok, resetCalls, serve } from './support/serve'
import { getStorageSync, navigateTo, setStorageSync, switchTab } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const getCurrentPosition = jest.fn()
const here = { coords: { latitude: 36.66, longitude: 117.03, accuracy: 25 } }
const near = (over: Partial<NearbyLecture>): NearbyLecture => ({ ...lectureSummary(over), distanceM: 0, ...over })

beforeEach(() => {
  resetCalls()
  getCurrentPosition.mockReset()
  Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true })
  getStorageSync.mockReturnValue('agreed') // consent given before, but in the first test
})

describe('附近的党课', () => {
  it('asks the place once, sends it with lecture.nearby, keeps it nowhere, and lists nearest first with the distance', async () => {
    getCurrentPosition.mockImplementation((done: (p: unknown) => void) => done(here))
    serve({
      'lecture.nearby': () =>
        ok({
          items: [
            near({ id: 'w', title: '红色足迹行走党课', distanceM: 804, nearestStop: '解放阁' }),
            near({ id: 'n', title: '社区党课', distanceM: 1234 }),
          ],
        }),
    })
    getStorageSync.mockReturnValue('')
    render(<Nearby />)
    // The consent sheet first, as WeChat asks before wx.getLocation; the place only after 同意.
    fireEvent.click(await screen.findByText('同意'))
    expect(await screen.findByText('约 800 米（最近的站点：解放阁）')).toBeInTheDocument()
    expect(screen.getByText('约 1.2 公里')).toBeInTheDocument()
    expect(screen.getAllByText(/^(红色足迹行走党课|社区党课)$/).map((t) => t.textContent)).toEqual([
      '红色足迹行走党课',
      '社区党课',
    ])
    expect(getCurrentPosition).toHaveBeenCalledTimes(1)
    expect(callMock).toHaveBeenCalledWith('lecture', 'nearby', { lat: 36.66, lng: 117.03 })
    expect(setStorageSync.mock.calls).toEqual([['privacyConsent', 'agreed']]) // the consent, never the place

    fireEvent.click(screen.getByText('社区党课'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/lecture/index?id=n' })
  })

  it('denied: says the location is off, how to turn it on and that the list works without it; asks nothing', async () => {
    getCurrentPosition.mockImplementation((_ok: unknown, fail: (e: unknown) => void) =>
      fail({ code: 1, PERMISSION_DENIED: 1 }),
    )
    render(<Nearby />)
    const box = await screen.findByRole('alert')
    expect(box).toHaveTextContent('浏览器没有允许使用位置')
    expect(box).toHaveTextContent('请在浏览器的设置里允许本网站使用位置，再点“重新定位”')
    expect(box).toHaveTextContent('不用位置也能找党课：回到党课列表')
    expect(callMock).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('回到党课列表'))
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })

    // 重新定位 asks again (once more), and the list follows.
    getCurrentPosition.mockImplementation((done: (p: unknown) => void) => done(here))
    serve({ 'lecture.nearby': () => ok({ items: [] }) })
    fireEvent.click(screen.getByText('重新定位'))
    expect(await screen.findByText(/附近暂时没有您可以参加的党课/)).toHaveTextContent(
      '没有在地图上标出地点的党课，这里找不到。',
    )
    expect(getCurrentPosition).toHaveBeenCalledTimes(2)
  })
})
