/**
 * The printed code that opens a lecture's page: in the cloud a WeChat mini-program code
 * (wxacode.getUnlimited, scene = the lecture id, which pages/lecture reads); on the local system, where
 * there is no mini program, a plain QR code of the h5 app's lecture page that a phone's camera opens in
 * the browser. The local one is used only when DANGKE_LOCAL_APP_URL (the h5 app's base URL) is set, which
 * the local system does and a deployed function never does: the cloud path is never faked.
 * In the cloud, WeChat is asked over HTTPS when the function's environment has the mini program's AppID
 * and AppSecret (wxHttpsApi.ts: works after `tcb fn deploy`), else by the cloud call (wxOpenApi.ts: needs
 * permissions.openapi, registered only by an upload from WeChat DevTools). A setup that WeChat refuses
 * answers POSTER_CODE_UNAVAILABLE with what the administrator has to fix.
 */
import { AppError } from '../../src/shared/errors'
import { cloudApp } from './cloud'
import { loadQrCode } from './lazy'
import { WxHttpsApi, wxCredentialsFrom } from './wxHttpsApi'
import { callOpenApi, type OpenApiCaller, WxOpenApiError } from './wxOpenApi'

export interface PageCode {
  image: Buffer
  contentType: string
  kind: 'wxacode' | 'local'
}

export const LECTURE_PAGE = 'pages/lecture/index'

/** What wxacode.getUnlimited takes as scene: at most 32 of these visible characters. */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/

export function isScene(text: string): boolean {
  return SCENE.test(text)
}

/** How the local code is drawn (the tests draw the same to compare). */
export const LOCAL_QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2, scale: 10 } as const

/** The two ways to WeChat (tests hand in stand-ins); by default the function's environment decides. */
export interface WeChatRoutes {
  https?: WxHttpsApi
  cloud?: OpenApiCaller
}

export async function lecturePageCode(lectureId: string, routes: WeChatRoutes = {}): Promise<PageCode> {
  if (!isScene(lectureId)) {
    throw new AppError('INVALID_STATE', '这场党课的编号不能做成小程序码（最多32个字母、数字或符号）')
  }
  const localApp = process.env.DANGKE_LOCAL_APP_URL
  if (localApp) return localCode(localApp, lectureId)
  const https = routes.https ?? httpsFromEnvironment()
  const params = {
    scene: lectureId,
    page: LECTURE_PAGE,
    // The page exists in every build, released or not; no need for WeChat to check it.
    check_path: false,
    width: 430,
  }
  try {
    const { contentType, body } = https
      ? await https.post('getUnlimitedQRCode', '/wxa/getwxacodeunlimit', params)
      : await callOpenApi(routes.cloud ?? cloudApp(), 'wxacode.getUnlimited', params)
    return imageOf(contentType, body)
  } catch (err) {
    throw setupRefusal(err, !!https) ?? err
  }
}

function imageOf(contentType: string, body: Buffer): PageCode {
  if (!contentType.startsWith('image/') || body.length === 0) {
    throw new Error(`wxacode.getUnlimited answered ${contentType || 'no content type'}, ${body.length} bytes`)
  }
  return { image: body, contentType, kind: 'wxacode' }
}

let https: WxHttpsApi | undefined

/** One client per instance, so that its access token serves every call until it expires. */
function httpsFromEnvironment(): WxHttpsApi | undefined {
  const credentials = wxCredentialsFrom(process.env)
  if (!credentials) return undefined
  const same = https?.credentials.appId === credentials.appId && https.credentials.secret === credentials.secret
  if (!same) https = new WxHttpsApi(credentials)
  return https
}

/**
 * WeChat's answers that mean the deployment is not allowed to make codes (the administrator fixes it;
 * trying again will not help), with what to fix. Other failures (busy, a bad page) stay errors.
 */
const SETUP_FAULTS: Record<number, string> = {
  [-604101]: 'checkin 云函数没有 wxacode.getUnlimited 的云调用权限',
  40001: '小程序的 AppSecret 不对，或接口凭证无效',
  40013: '小程序的 AppID 不对',
  40014: '接口凭证无效',
  40125: '小程序的 AppSecret 不对',
  40164: '云函数的出口 IP 不在小程序的 IP 白名单里',
  41002: '没有填写小程序的 AppID',
  41004: '没有填写小程序的 AppSecret',
  42001: '接口凭证已过期',
  48001: '小程序没有这个接口的权限',
}
/** Faults fixed elsewhere than in the function's credentials or its upload. */
const OWN_FIX: Record<number, string> = {
  40164: '请在微信公众平台关闭 IP 白名单，或加入云函数的固定出口 IP',
}

function setupRefusal(err: unknown, viaHttps: boolean): AppError | undefined {
  if (!(err instanceof WxOpenApiError)) return undefined
  const fault = SETUP_FAULTS[Number(err.errCode)]
  if (!fault) return undefined
  // The function's log keeps WeChat's own words for the administrator.
  console.warn(String(err))
  const fix =
    OWN_FIX[Number(err.errCode)] ??
    (viaHttps
      ? '请核对云函数环境变量 DANGKE_WX_APPID、DANGKE_WX_APPSECRET'
      : '请在云函数环境变量里填写小程序的 DANGKE_WX_APPID 和 DANGKE_WX_APPSECRET，或用微信开发者工具上传 checkin 云函数')
  return new AppError('POSTER_CODE_UNAVAILABLE', `${fault}（${err.errCode}）：${fix}`)
}

/** The h5 app's lecture page (hash router), with the id as `scene` as a mini-program code would hand it. */
export function localLecturePageUrl(appUrl: string, lectureId: string): string {
  return `${appUrl.replace(/\/+$/, '')}/#/${LECTURE_PAGE}?scene=${encodeURIComponent(lectureId)}`
}

async function localCode(appUrl: string, lectureId: string): Promise<PageCode> {
  const QRCode = await loadQrCode()
  const image = await QRCode.toBuffer(localLecturePageUrl(appUrl, lectureId), { ...LOCAL_QR_OPTIONS, type: 'png' })
  return { image, contentType: 'image/png', kind: 'local' }
}
