/**
 * @tarojs/taro in jsdom (jest.config.js moduleNameMapper): lifecycle hooks run once after mount,
 * like a page's first load and show; every API is a jest.fn a test can inspect or program.
 * As in Taro's runtime, a hook calls the latest callback it was given (no stale closures).
 */
import { useEffect, useRef } from 'react'

type Callback = (...args: unknown[]) => unknown

function onMount(name: string) {
  const useHook = (fn: Callback) => {
    const latest = useRef(fn)
    latest.current = fn
    useEffect(() => {
      latest.current()
    }, [])
  }
  Object.defineProperty(useHook, 'name', { value: name })
  return useHook
}

/** Hooks that the stand-in never fires by itself (no scrolling, pulling or unloading in jsdom). */
function never(_fn: Callback): void {}

export const useLaunch = onMount('useLaunch')
export const useLoad = onMount('useLoad')
/** Fired once after mount (the first show) and again by `showAgain()`. */
const shown = new Set<{ current: Callback }>()
export function useDidShow(fn: Callback) {
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => {
    shown.add(latest)
    latest.current()
    return () => {
      shown.delete(latest)
    }
  }, [])
}
/** Test helper (not Taro API): the member comes back to the page. Wrap in act(). */
export function showAgain(): void {
  for (const ref of [...shown]) ref.current()
}
export const useReady = onMount('useReady')
export const useDidHide = never
export const useUnload = never
export const usePullDownRefresh = never
export const useReachBottom = never
export const usePageScroll = never
export const useShareAppMessage = never
export const useRouter = () => ({ params: {} as Record<string, string>, path: '/pages/index/index' })

export const navigateTo = jest.fn(async () => ({ errMsg: 'navigateTo:ok' }))
export const redirectTo = jest.fn(async () => ({ errMsg: 'redirectTo:ok' }))
export const navigateBack = jest.fn(async () => ({ errMsg: 'navigateBack:ok' }))
export const switchTab = jest.fn(async () => ({ errMsg: 'switchTab:ok' }))
export const reLaunch = jest.fn(async () => ({ errMsg: 'reLaunch:ok' }))
export const showToast = jest.fn(async () => ({ errMsg: 'showToast:ok' }))
export const showModal = jest.fn(async () => ({ errMsg: 'showModal:ok', confirm: true, cancel: false }))
export const showLoading = jest.fn(async () => ({ errMsg: 'showLoading:ok' }))
export const hideLoading = jest.fn(async () => ({ errMsg: 'hideLoading:ok' }))
export const stopPullDownRefresh = jest.fn()
export const getStorageSync = jest.fn((_key: string): unknown => '')
export const setStorageSync = jest.fn()
export const removeStorageSync = jest.fn()
export const getSystemInfoSync = jest.fn(() => ({
  windowWidth: 375,
  windowHeight: 667,
  platform: 'devtools',
}))
/** WeChat's privacy flow (weapp only): a test fires the listener it was given. */
export const onNeedPrivacyAuthorization = jest.fn()
export const openPrivacyContract = jest.fn()
/** The page stack (WeChat's getCurrentPages): empty unless a test sets it. */
export const getCurrentPages = jest.fn((): { route: string }[] => [])
/** As in h5: no WeChat cloud. */
export const cloud = undefined

const Taro = {
  useLaunch,
  useLoad,
  useDidShow,
  useReady,
  useDidHide,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  usePageScroll,
  useShareAppMessage,
  useRouter,
  navigateTo,
  redirectTo,
  navigateBack,
  switchTab,
  reLaunch,
  showToast,
  showModal,
  showLoading,
  hideLoading,
  stopPullDownRefresh,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  getSystemInfoSync,
  onNeedPrivacyAuthorization,
  openPrivacyContract,
  getCurrentPages,
  cloud,
}

export default Taro
