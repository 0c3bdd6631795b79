/**
 * The camera scanner (WeChat only; a browser has none). Only the camera: a code saved as a picture in
 * the album must not check anyone in.
 */
import Taro from '@tarojs/taro'

export type Scanned = { ok: true; text: string; path?: string } | { ok: false; cancelled: boolean }

export const canScan = (): boolean => process.env.TARO_ENV === 'weapp'

export async function scanQr(): Promise<Scanned> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return { ok: true, text: res.result, ...(res.path ? { path: res.path } : {}) }
  } catch (err) {
    const msg = String((err as { errMsg?: string })?.errMsg ?? err)
    return { ok: false, cancelled: /cancel/i.test(msg) }
  }
}
