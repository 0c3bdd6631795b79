/**
 * WeChat's server API over HTTPS with the mini program's own AppID and AppSecret, taken from the
 * function's environment (DANGKE_WX_APPID, DANGKE_WX_APPSECRET; cloudbaserc.json reads them from .env).
 * It works however the function was deployed, whereas the cloud call (wxOpenApi.ts) needs the function's
 * permissions.openapi, which only WeChat DevTools registers (`tcb fn deploy` does not).
 * - Token: getStableAccessToken, POST https://api.weixin.qq.com/cgi-bin/stable_token with
 *   {grant_type: 'client_credential', appid, secret} → {access_token, expires_in} (7200 s; the same token
 *   while it is valid, so every instance may ask). developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getStableAccessToken.html
 * - Then e.g. getUnlimitedQRCode, POST https://api.weixin.qq.com/wxa/getwxacodeunlimit?access_token=…
 *   with a JSON body → the image's bytes, or JSON {errcode, errmsg}.
 *   developers.weixin.qq.com/miniprogram/dev/server/API/qrcode-link/qr-code/api_getunlimitedqrcode.html
 */
import { type OpenApiAnswer, WxOpenApiError } from './wxOpenApi'

export interface WxCredentials {
  appId: string
  secret: string
}

/** The mini program's credentials in the function's environment, if both are set. */
export function wxCredentialsFrom(env: NodeJS.ProcessEnv): WxCredentials | undefined {
  const appId = env.DANGKE_WX_APPID?.trim()
  const secret = env.DANGKE_WX_APPSECRET?.trim()
  return appId && secret ? { appId, secret } : undefined
}

const HOST = 'https://api.weixin.qq.com'
/** Below the function's 10 s timeout, so that a slow WeChat ends in an answer rather than a killed call. */
const REQUEST_TIMEOUT_MS = 8000
/** A token is used until this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000
/** WeChat's answers for a token it does not take: invalid credential, invalid token, expired token. */
const STALE_TOKEN = new Set([40001, 40014, 42001])

type Fetch = typeof fetch

export class WxHttpsApi {
  private token?: { value: string; until: number }

  constructor(
    readonly credentials: WxCredentials,
    private readonly http: Fetch = fetch,
    private readonly clock: () => number = Date.now,
  ) {}

  /** POSTs `params` as JSON to `path` with the access token; a stale token is replaced once. */
  async post(api: string, path: string, params: Record<string, unknown>): Promise<OpenApiAnswer> {
    try {
      return await this.postWith(await this.accessToken(), api, path, params)
    } catch (err) {
      if (!(err instanceof WxOpenApiError && STALE_TOKEN.has(Number(err.errCode)))) throw err
      this.token = undefined
      return this.postWith(await this.accessToken(), api, path, params)
    }
  }

  private async postWith(token: string, api: string, path: string, params: object): Promise<OpenApiAnswer> {
    const url = `${HOST}${path}?access_token=${encodeURIComponent(token)}`
    const answer = await this.send(api, url, params)
    const json = jsonOf(answer)
    if (json?.errcode) throw new WxOpenApiError(api, json.errcode, json.errmsg ?? '')
    return answer
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.clock() < this.token.until) return this.token.value
    const api = 'getStableAccessToken'
    const answer = await this.send(api, `${HOST}/cgi-bin/stable_token`, {
      grant_type: 'client_credential',
      appid: this.credentials.appId,
      secret: this.credentials.secret,
    })
    const json = jsonOf(answer) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }
    if (!json?.access_token) throw new WxOpenApiError(api, json?.errcode ?? 'NO_TOKEN', json?.errmsg ?? '')
    const lifetime = (json.expires_in ?? 7200) * 1000
    this.token = { value: json.access_token, until: this.clock() + Math.max(0, lifetime - TOKEN_MARGIN_MS) }
    return this.token.value
  }

  private async send(api: string, url: string, body: object): Promise<OpenApiAnswer> {
    const res = await this.http(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    if (!res.ok) throw new WxOpenApiError(api, `HTTP_${res.status}`, res.statusText)
    return { contentType: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) }
  }
}

/** WeChat's JSON answer (an error, or a token), or undefined for anything else (an image). */
function jsonOf(answer: OpenApiAnswer): { errcode?: number; errmsg?: string } | undefined {
  if (!/json|text\/plain/.test(answer.contentType)) return undefined
  try {
    return JSON.parse(answer.body.toString('utf8')) as { errcode?: number; errmsg?: string }
  } catch {
    return undefined
  }
}
