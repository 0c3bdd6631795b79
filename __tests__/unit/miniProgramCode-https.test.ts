/**
 * The HTTPS path of the poster's code, with WeChat's two endpoints stood in for (no network here): a
 * stable access token from the AppID and AppSecret, then getwxacodeunlimit with it; the token kept until
 * shortly before it expires and replaced once when WeChat calls it stale; the function's environment
 * choosing HTTPS over the cloud call; a setup WeChat refuses answering POSTER_CODE_UNAVAILABLE.
 */
import { lecturePageCode } from '../../cloudfunctions/_shared/miniProgramCode'
import { WxHttpsApi, wxCredentialsFrom } from '../../cloudfunctions/_shared/wxHttpsApi'
import { type OpenApiCaller, WxOpenApiError } from '../../cloudfunctions/_shared/wxOpenApi'
import { AppError } from '../../src/shared/errors'

const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex')
const CREDENTIALS = { appId: 'wx0123456789abcdef', secret: 'the-app-secret' }
const TOKEN_URL = 'https://api.weixin.qq.com/cgi-bin/stable_token'
const CODE_URL = 'https://api.weixin.qq.com/wxa/getwxacodeunlimit'

const json = (body: object) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
const image = () => new Response(JPEG, { headers: { 'content-type': 'image/jpeg' } })

/** WeChat stood in for: tokens tok-1, tok-2, …; codes answered by `code(token)`. */
function weChat(
  code: (token: string) => Response = () => image(),
  token: () => Response | undefined = () => undefined,
) {
  let issued = 0
  const calls: { url: string; body: Record<string, unknown> }[] = []
  const http = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input)
    calls.push({ url, body: JSON.parse(String(init?.body)) })
    if (url === TOKEN_URL) return token() ?? json({ access_token: `tok-${++issued}`, expires_in: 7200 })
    const u = new URL(url)
    if (u.origin + u.pathname === CODE_URL) return code(u.searchParams.get('access_token')!)
    return new Response('not found', { status: 404 })
  })
  return { http: http as unknown as typeof fetch, calls }
}

const noCloud = { callCompatibleWxOpenApi: jest.fn() } as unknown as OpenApiCaller
const saved = { ...process.env }
beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  delete process.env.DANGKE_LOCAL_APP_URL
  delete process.env.DANGKE_WX_APPID
  delete process.env.DANGKE_WX_APPSECRET
})
afterEach(() => jest.restoreAllMocks())
afterAll(() => {
  process.env = saved
})

describe('lecturePageCode over HTTPS', () => {
  it('takes a stable token with the AppID and AppSecret, then asks getwxacodeunlimit with it', async () => {
    const { http, calls } = weChat()
    const https = new WxHttpsApi(CREDENTIALS, http)
    const code = await lecturePageCode('lec-p-0123456789abcdef0123456789', { https, cloud: noCloud })
    expect(code).toEqual({ image: JPEG, contentType: 'image/jpeg', kind: 'wxacode' })
    expect(calls).toEqual([
      {
        url: TOKEN_URL,
        body: { grant_type: 'client_credential', appid: CREDENTIALS.appId, secret: CREDENTIALS.secret },
      },
      {
        url: `${CODE_URL}?access_token=tok-1`,
        body: { scene: 'lec-p-0123456789abcdef0123456789', page: 'pages/lecture/index', check_path: false, width: 430 },
      },
    ])
    expect(noCloud.callCompatibleWxOpenApi).not.toHaveBeenCalled()
  })

  it('keeps the token until five minutes before it expires', async () => {
    let now = 0
    const { http, calls } = weChat()
    const https = new WxHttpsApi(CREDENTIALS, http, () => now)
    await lecturePageCode('lec-1', { https })
    now = (7200 - 301) * 1000
    await lecturePageCode('lec-2', { https })
    expect(calls.filter((c) => c.url === TOKEN_URL)).toHaveLength(1)
    now = (7200 - 299) * 1000
    await lecturePageCode('lec-3', { https })
    expect(calls.map((c) => new URL(c.url).searchParams.get('access_token'))).toEqual([
      null,
      'tok-1',
      'tok-1',
      null,
      'tok-2',
    ])
  })

  it('replaces a token WeChat calls stale, once', async () => {
    const { http, calls } = weChat((token) =>
      token === 'tok-1' ? json({ errcode: 40001, errmsg: 'invalid credential' }) : image(),
    )
    const code = await lecturePageCode('lec-1', { https: new WxHttpsApi(CREDENTIALS, http) })
    expect(code.kind).toBe('wxacode')
    expect(calls).toHaveLength(4)
    // Always stale: the second refusal is the answer.
    const never = weChat(() => json({ errcode: 42001, errmsg: 'access_token expired' }))
    const err = await lecturePageCode('lec-1', { https: new WxHttpsApi(CREDENTIALS, never.http) }).catch((e) => e)
    expect(err).toMatchObject({ code: 'POSTER_CODE_UNAVAILABLE' })
    expect(never.calls).toHaveLength(4)
  })

  it('answers POSTER_CODE_UNAVAILABLE, naming what to fix, when WeChat refuses the AppSecret or the IP', async () => {
    for (const [errcode, words] of [
      [40125, /AppSecret 不对（40125）/],
      [40013, /AppID 不对（40013）/],
      [40164, /IP 白名单里（40164）：请在微信公众平台关闭 IP 白名单/],
    ] as const) {
      const { http } = weChat(undefined, () => json({ errcode, errmsg: 'refused' }))
      const err = await lecturePageCode('lec-1', { https: new WxHttpsApi(CREDENTIALS, http) }).catch((e) => e)
      expect(err).toBeInstanceOf(AppError)
      expect(err).toMatchObject({ code: 'POSTER_CODE_UNAVAILABLE' })
      expect((err as AppError).explanation).toMatch(words)
      if (errcode !== 40164) expect((err as AppError).explanation).toContain('DANGKE_WX_APPSECRET')
    }
  })

  it('throws what is not the setup’s fault (a bad page, WeChat busy, an HTTP failure)', async () => {
    for (const reply of [
      () => json({ errcode: 41030, errmsg: 'invalid page' }),
      () => json({ errcode: -1, errmsg: 'system error' }),
      () => new Response('bad gateway', { status: 502, statusText: 'Bad Gateway' }),
    ]) {
      const { http } = weChat(reply)
      const err = await lecturePageCode('lec-1', { https: new WxHttpsApi(CREDENTIALS, http) }).catch((e) => e)
      expect(err).toBeInstanceOf(WxOpenApiError)
    }
  })
})

describe('the function’s environment chooses the way', () => {
  it('reads both credentials, or none', () => {
    expect(wxCredentialsFrom({ DANGKE_WX_APPID: ' wx1 ', DANGKE_WX_APPSECRET: 's' })).toEqual({
      appId: 'wx1',
      secret: 's',
    })
    expect(wxCredentialsFrom({ DANGKE_WX_APPID: 'wx1', DANGKE_WX_APPSECRET: '' })).toBeUndefined()
    expect(wxCredentialsFrom({})).toBeUndefined()
  })

  it('asks over HTTPS when the AppID and AppSecret are set, else by the cloud call', async () => {
    const fetchSpy = jest.spyOn(global, 'fetch').mockImplementation(weChat().http)
    try {
      const cloud = { callCompatibleWxOpenApi: jest.fn(async () => ({ code: 'NOT_HERE', message: 'no' })) }
      await expect(lecturePageCode('lec-1', { cloud: cloud as unknown as OpenApiCaller })).rejects.toThrow(/NOT_HERE/)
      expect(fetchSpy).not.toHaveBeenCalled()
      process.env.DANGKE_WX_APPID = CREDENTIALS.appId
      process.env.DANGKE_WX_APPSECRET = CREDENTIALS.secret
      const code = await lecturePageCode('lec-1', { cloud: cloud as unknown as OpenApiCaller })
      expect(code).toMatchObject({ kind: 'wxacode', contentType: 'image/jpeg' })
      expect(cloud.callCompatibleWxOpenApi).toHaveBeenCalledTimes(1)
      // The instance keeps its token for the next poster.
      await lecturePageCode('lec-2', {})
      expect(fetchSpy.mock.calls.map(([url]) => String(url).split('?')[0])).toEqual([TOKEN_URL, CODE_URL, CODE_URL])
    } finally {
      fetchSpy.mockRestore()
    }
  })
})
