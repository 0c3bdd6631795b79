/**
 * The printed code that opens a lecture's page: in the cloud a WeChat mini-program code
 * (wxacode.getUnlimited, scene = the lecture id, which pages/lecture reads); on the local system, where
 * there is no mini program, a plain QR code of the h5 app's lecture page that a phone's camera opens in
 * the browser. The local one is used only when DANGKE_LOCAL_APP_URL (the h5 app's base URL) is set, which
 * the local system does and a deployed function never does: the cloud path is never faked.
 */
import QRCode from 'qrcode'
import { AppError } from '../../src/shared/errors'
import { cloudApp } from './cloud'
import { callOpenApi, type OpenApiCaller } from './wxOpenApi'

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

export async function lecturePageCode(lectureId: string, app?: OpenApiCaller): Promise<PageCode> {
  if (!isScene(lectureId)) {
    throw new AppError('INVALID_STATE', '这场党课的编号不能做成小程序码（最多32个字母、数字或符号）')
  }
  const localApp = process.env.DANGKE_LOCAL_APP_URL
  return localApp ? localCode(localApp, lectureId) : wxacode(app ?? cloudApp(), lectureId)
}

async function wxacode(app: OpenApiCaller, scene: string): Promise<PageCode> {
  const { contentType, body } = await callOpenApi(app, 'wxacode.getUnlimited', {
    scene,
    page: LECTURE_PAGE,
    // The page exists in every build, released or not; no need for WeChat to check it.
    check_path: false,
    width: 430,
  })
  if (!contentType.startsWith('image/') || body.length === 0) {
    throw new Error(`wxacode.getUnlimited answered ${contentType || 'no content type'}, ${body.length} bytes`)
  }
  return { image: body, contentType, kind: 'wxacode' }
}

/** The h5 app's lecture page (hash router), with the id as `scene` as a mini-program code would hand it. */
export function localLecturePageUrl(appUrl: string, lectureId: string): string {
  return `${appUrl.replace(/\/+$/, '')}/#/${LECTURE_PAGE}?scene=${encodeURIComponent(lectureId)}`
}

async function localCode(appUrl: string, lectureId: string): Promise<PageCode> {
  const image = await QRCode.toBuffer(localLecturePageUrl(appUrl, lectureId), { ...LOCAL_QR_OPTIONS, type: 'png' })
  return { image, contentType: 'image/png', kind: 'local' }
}
