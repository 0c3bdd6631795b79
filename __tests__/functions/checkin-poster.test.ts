/**
 * checkin.posterCode through the real SDK against the emulator: on the local system (DANGKE_LOCAL_APP_URL
 * set) the poster's code is a PNG QR code of the h5 lecture page with scene = lecture id; only those who
 * manage the lecture get it; an id that cannot be a scene, a draft and a cancelled lecture are refused; and
 * without the local app URL the function asks WeChat, which the emulator is not, so it fails instead of
 * answering a made-up code.
 */
import QRCode from 'qrcode'
import { LOCAL_QR_OPTIONS, localLecturePageUrl } from '../../cloudfunctions/_shared/miniProgramCode'
import type { PosterCode } from '../../src/shared/contract'
import type { TestCloud } from '../support/emulator'
import {
  ADMIN_ABOVE,
  ADMIN_ELSEWHERE,
  addLecture,
  call,
  ok,
  OTHER_SECRETARY,
  SECRETARY,
  checkinCloudForFile,
} from './checkin.fixtures'

const APP_URL = 'http://192.168.1.20:8080'
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

let cloud: TestCloud
const members = checkinCloudForFile('po', 1, (started) => (cloud = started))
const saved = process.env.DANGKE_LOCAL_APP_URL
beforeEach(() => {
  process.env.DANGKE_LOCAL_APP_URL = APP_URL
})
afterEach(() => {
  if (saved === undefined) delete process.env.DANGKE_LOCAL_APP_URL
  else process.env.DANGKE_LOCAL_APP_URL = saved
})

const pngOf = (dataUrl: string) => {
  const m = /^data:image\/png;base64,(.+)$/.exec(dataUrl)
  if (!m) throw new Error(`not a PNG data URL: ${dataUrl.slice(0, 40)}`)
  return Buffer.from(m[1], 'base64')
}

describe('checkin.posterCode', () => {
  it('answers the secretary a PNG QR code of the h5 lecture page with scene = lecture id, and the poster text', async () => {
    const lecture = await addLecture(cloud, 'ck-po1', {
      title: '学习党章',
      venue: { ...baseVenue(), address: '社区会议室' },
    })
    const poster = await ok<PosterCode>('posterCode', { lectureId: 'ck-po1' }, SECRETARY)
    expect(poster).toMatchObject({
      kind: 'local',
      lectureTitle: '学习党章',
      startAt: lecture.startAt.toISOString(),
      endAt: lecture.endAt.toISOString(),
      address: '社区会议室',
    })
    const png = pngOf(poster.image)
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE)
    const url = localLecturePageUrl(APP_URL, 'ck-po1')
    expect(url).toBe('http://192.168.1.20:8080/#/pages/lecture/index?scene=ck-po1')
    // The same QR code drawn from the expected URL, byte for byte.
    expect(png.equals(await QRCode.toBuffer(url, { ...LOCAL_QR_OPTIONS, type: 'png' }))).toBe(true)
    expect(png.equals(await QRCode.toBuffer(url + 'x', { ...LOCAL_QR_OPTIONS, type: 'png' }))).toBe(false)
  })

  it('is for those who manage the lecture: an administrator above yes; a member, another branch, an administrator elsewhere no', async () => {
    await addLecture(cloud, 'ck-po2')
    await ok('posterCode', { lectureId: 'ck-po2' }, ADMIN_ABOVE)
    for (const [who, code] of [
      [members[0], 'FORBIDDEN'],
      [OTHER_SECRETARY, 'FORBIDDEN'],
      [ADMIN_ELSEWHERE, 'FORBIDDEN'],
      ['wx-nobody', 'NOT_A_MEMBER'],
      [undefined, 'NOT_SIGNED_IN'],
    ] as const) {
      expect(await call('posterCode', { lectureId: 'ck-po2' }, who)).toMatchObject({ ok: false, code })
    }
    expect(await call('posterCode', { lectureId: 'ck-none' }, SECRETARY)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  it('refuses a lecture id longer than a scene can hold (32) or with characters a scene cannot carry', async () => {
    const long = 'ck-' + 'x'.repeat(30) // 33 characters
    await addLecture(cloud, long)
    expect(await call('posterCode', { lectureId: long }, SECRETARY)).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    await addLecture(cloud, 'ck-党课')
    expect(await call('posterCode', { lectureId: 'ck-党课' }, SECRETARY)).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    })
    const just = 'ck-' + 'y'.repeat(29) // 32 characters
    await addLecture(cloud, just)
    await ok('posterCode', { lectureId: just }, SECRETARY)
  })

  it('refuses a draft and a cancelled lecture', async () => {
    await addLecture(cloud, 'ck-po3', { status: 'draft' })
    await addLecture(cloud, 'ck-po4', { status: 'cancelled' })
    expect(await call('posterCode', { lectureId: 'ck-po3' }, SECRETARY)).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    })
    expect(await call('posterCode', { lectureId: 'ck-po4' }, SECRETARY)).toMatchObject({
      ok: false,
      code: 'LECTURE_CANCELLED',
    })
  })

  it('without the local app URL asks WeChat; the emulator is not WeChat, so the call fails rather than fakes a code', async () => {
    delete process.env.DANGKE_LOCAL_APP_URL
    await addLecture(cloud, 'ck-po5')
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await call('posterCode', { lectureId: 'ck-po5' }, SECRETARY)).toMatchObject({
        ok: false,
        code: 'INTERNAL',
      })
    } finally {
      errors.mockRestore()
    }
  })

  it('with the AppID and AppSecret set asks over HTTPS; a refused setup answers the secretary what to fix', async () => {
    delete process.env.DANGKE_LOCAL_APP_URL
    process.env.DANGKE_WX_APPID = 'wx0123456789abcdef'
    process.env.DANGKE_WX_APPSECRET = 'not-the-secret'
    await addLecture(cloud, 'ck-po6')
    const refused = JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' })
    const weChat = jest
      .spyOn(global, 'fetch')
      .mockImplementation(async () => new Response(refused, { headers: { 'content-type': 'application/json' } }))
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const reply = await call('posterCode', { lectureId: 'ck-po6' }, SECRETARY)
      expect(reply).toMatchObject({ ok: false, code: 'POSTER_CODE_UNAVAILABLE', message: expect.any(String) })
      expect((reply as { explanation?: string }).explanation).toMatch(/AppSecret 不对（40125）/)
      expect(String(weChat.mock.calls[0][0])).toBe('https://api.weixin.qq.com/cgi-bin/stable_token')
    } finally {
      weChat.mockRestore()
      warn.mockRestore()
      delete process.env.DANGKE_WX_APPID
      delete process.env.DANGKE_WX_APPSECRET
    }
  })
})

function baseVenue() {
  return { address: '泉城广场', lat: 36.6612, lng: 117.0186, radiusM: 200, stops: [] }
}
