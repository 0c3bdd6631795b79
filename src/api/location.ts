/**
 * Where the phone is, for check-in at L2/L3, with a refusal a member can act on. WeChat: gcj02 (the
 * coordinates WeChat's maps and the venue picker use). Browser: the W3C API (Taro's h5 getLocation only
 * knows wgs84 and loses the error code); a browser's wgs84 point lies a few hundred metres off gcj02.
 */
import Taro from '@tarojs/taro'
import type { ScanLocation } from '../shared/contract/checkin'
import { askInBrowser } from './privacy'

/** `refused`: the member said 拒绝 on the consent sheet (PrivacySheet). */
export type LocationProblem = 'denied' | 'off' | 'unavailable' | 'refused'

export type Located =
  { ok: true; location: ScanLocation; at: number } | { ok: false; problem: LocationProblem; message: string }

const MESSAGES: Record<LocationProblem, string> = {
  denied:
    process.env.TARO_ENV === 'weapp'
      ? '您没有允许小程序使用位置。请点下面的“去设置”，打开“位置信息”，再回来签到。'
      : '浏览器没有允许使用位置。请在浏览器的设置里允许本网站使用位置，再签到。',
  off: '手机的定位没有打开。请在手机设置里打开定位（GPS），并允许微信使用位置，再签到。',
  unavailable: '暂时获取不到位置。请到窗边或开阔处稍等一下，再签到。',
  refused: '您没有同意使用位置，这场党课要核对位置才能签到。想签到时再点一次并选“同意”，或请支部书记为您补签。',
}

const fail = (problem: LocationProblem): Located => ({ ok: false, problem, message: MESSAGES[problem] })

/** The location schema caps accuracy; a phone that knows nothing better is simply far off. */
const located = (lat: number, lng: number, accuracy: number): Located => ({
  ok: true,
  location: { lat, lng, accuracy: Math.min(Math.max(0, accuracy || 0), 100_000) },
  at: Date.now(),
})

export async function locate(): Promise<Located> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 5000 })
      return located(res.latitude, res.longitude, res.accuracy)
    } catch (err) {
      const msg = String((err as { errMsg?: string })?.errMsg ?? err)
      // 拒绝 on the consent sheet (WeChat answers "privacy permission is not authorized").
      if (/privacy permission/i.test(msg)) return fail('refused')
      if (/auth den/i.test(msg)) return fail('denied')
      if (/system permission|LOCATIONSWITCHOFF/i.test(msg)) return fail('off')
      return fail('unavailable')
    }
  }
  if (typeof navigator === 'undefined' || !navigator.geolocation) return fail('unavailable')
  // The browser asks only whether the site may know the place; the consent sheet asks first, as in WeChat.
  if (!(await askInBrowser('getLocation'))) return fail('refused')
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve(located(p.coords.latitude, p.coords.longitude, p.coords.accuracy)),
      (e) => resolve(fail(e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable')),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 30_000 },
    )
  })
}

/** WeChat: the settings page where the member can allow the location after refusing it once. */
export const canOpenSettings = (): boolean => process.env.TARO_ENV === 'weapp'
export const openSettings = (): void => void Taro.openSetting({})
