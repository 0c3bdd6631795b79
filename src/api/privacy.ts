/**
 * The user's consent before a privacy API (用户隐私保护指引). WeChat (小程序隐私协议开发指南,
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html): with
 * `__usePrivacyCheck__` in app.json, the first call of a declared privacy API (wx.getLocation,
 * wx.chooseImage, wx.chooseMessageFile, wx.saveImageToPhotosAlbum here) waits, and WeChat asks the page
 * through wx.onNeedPrivacyAuthorization (…/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html): the
 * page shows its sheet and answers `resolve({event: 'agree', buttonId})` once the button with
 * open-type="agreePrivacyAuthorization" and that id was tapped, or `resolve({event: 'disagree'})` (the API
 * then fails with "privacy permission is not authorized"). WeChat keeps the answer.
 * A browser has no such flow: the h5 build asks the same sheet before the location (askInBrowser) and
 * keeps the answer in local storage.
 */
import Taro from '@tarojs/taro'

/** The agree button's id: WeChat checks that the button with this id was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree'

/** The privacy API that asks ("getLocation", "chooseImage"…: WeChat's eventInfo.referrer). */
export type ConsentAsk = { referrer: string; answer: (agreed: boolean) => void }

type Sheet = (ask: ConsentAsk) => void

/** The mounted sheets, each with the page it was mounted on (pages below the top one stay mounted). */
const sheets: { sheet: Sheet; route?: string }[] = []
let listening = false

/**
 * The route of the page on top of the stack (WeChat's getCurrentPages, which holds a page from its onLoad on, so
 * a sheet mounting sees its own page). Not in h5, whose sheet only gates location on the page in view.
 */
function topRoute(): string | undefined {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  try {
    const pages = Taro.getCurrentPages?.() ?? []
    return pages[pages.length - 1]?.route
  } catch (_err) {
    return undefined
  }
}

/**
 * The sheet the member is looking at: the last one mounted on the page on top. A page lower in the stack keeps
 * its sheet mounted but hidden; it must not take the ask (WeChat would wait on a sheet nobody sees).
 */
function shownSheet(): Sheet | undefined {
  const top = topRoute()
  const mine = sheets.filter((s) => top === undefined || s.route === undefined || s.route === top)
  return mine[mine.length - 1]?.sheet
}

/** A sheet shows itself when asked; returns the unsubscribe for its unmount. */
export function onConsentAsked(sheet: Sheet): () => void {
  const entry = { sheet, route: topRoute() }
  sheets.push(entry)
  // From base library 2.32.3; an older WeChat has no privacy flow and never asks.
  if (!listening && process.env.TARO_ENV === 'weapp' && typeof Taro.onNeedPrivacyAuthorization === 'function') {
    listening = true
    Taro.onNeedPrivacyAuthorization((resolve, eventInfo) => {
      const top = shownSheet()
      if (!top) return resolve({ event: 'disagree' })
      resolve({ event: 'exposureAuthorization' })
      top({
        referrer: eventInfo?.referrer ?? '',
        answer: (agreed) => resolve(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' }),
      })
    })
  }
  return () => {
    const at = sheets.lastIndexOf(entry)
    if (at >= 0) sheets.splice(at, 1)
  }
}

export const CONSENT_KEY = 'privacyConsent'

/**
 * h5: whether the member agrees to `referrer` (asked once on the sheet, then kept in local storage); no
 * sheet on the page means no consent. WeChat's builds never need it (WeChat asks itself).
 */
export function askInBrowser(referrer: string): Promise<boolean> {
  if (Taro.getStorageSync(CONSENT_KEY) === 'agreed') return Promise.resolve(true)
  const top = shownSheet()
  if (!top) return Promise.resolve(false)
  return new Promise((done) =>
    top({
      referrer,
      answer: (agreed) => {
        if (agreed) Taro.setStorageSync(CONSENT_KEY, 'agreed')
        done(agreed)
      },
    }),
  )
}

/** WeChat's own page of the guide declared in the admin console (wx.openPrivacyContract). */
export const canOpenContract = (): boolean =>
  process.env.TARO_ENV === 'weapp' && typeof Taro.openPrivacyContract === 'function'
export const openContract = (): void => void Taro.openPrivacyContract({})
