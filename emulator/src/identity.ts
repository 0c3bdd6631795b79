/**
 * Local sign-in: stands in for WeChat's login in the browser. A person picks a seeded identity on
 * /app/login and gets an HttpOnly cookie naming a session (its id, the openid, when it ends) with an HMAC
 * of it; the function host trusts only a cookie whose HMAC checks, that has not ended (12 h) and whose
 * session was not signed out, so a page cannot claim someone else's identity and a copied cookie dies.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto'
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'fs'

export interface Identity {
  openid: string
  /** What the sign-in page shows, e.g. "张伟（历下区解放路街道甸柳新村社区党支部，书记）". */
  label: string
  group?: string
}

export const SESSION_COOKIE = 'dangke_session'

/**
 * A WeChat user who opens the app for the first time (in WeChat anyone can, with their own openid): made
 * here, never taken from the form, so the sign-in still refuses an openid it did not make or list.
 */
export const newWeChatUser = () => `o-new-${randomBytes(8).toString('hex')}`
/** A working day; then the person signs in again. */
export const SESSION_TTL_MS = 12 * 3600_000

export interface Session {
  id: string
  openid: string
  /** ms since the epoch */
  expiresAt: number
}

export class Sessions {
  /** Signed-out session ids until they would have ended anyway; kept in the data folder across restarts. */
  private readonly revoked = new Map<string, number>()

  constructor(
    private readonly secret: string,
    private readonly revokedFile: string,
    now = Date.now(),
  ) {
    const lines = existsSync(revokedFile) ? readFileSync(revokedFile, 'utf8').split('\n') : []
    for (const line of lines) {
      const [id, until] = line.split(' ')
      if (id && Number(until) > now) this.revoked.set(id, Number(until))
    }
    writeFileSync(revokedFile, [...this.revoked].map(([id, until]) => `${id} ${until}\n`).join(''), { mode: 0o600 })
  }

  /** A new session for `openid`: the cookie value. */
  issue(openid: string, now = Date.now()): string {
    const session: Session = { id: randomBytes(12).toString('base64url'), openid, expiresAt: now + SESSION_TTL_MS }
    const body = Buffer.from(JSON.stringify(session)).toString('base64url')
    return `${body}.${this.mac(body)}`
  }

  /** The live session a cookie value names; undefined for anything else (forged, malformed, ended, signed out). */
  read(token: string | undefined, now = Date.now()): Session | undefined {
    const [body, mac, extra] = (token ?? '').split('.')
    if (!body || !mac || extra !== undefined) return undefined
    const want = Buffer.from(this.mac(body))
    const got = Buffer.from(mac)
    if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined
    const session = parseSession(body)
    if (!session || !(session.expiresAt > now) || this.revoked.has(session.id)) return undefined
    return session
  }

  /** Sign-out: the session's cookie counts as no identity from now on, wherever it was copied. */
  revoke(session: Session): void {
    this.revoked.set(session.id, session.expiresAt)
    appendFileSync(this.revokedFile, `${session.id} ${session.expiresAt}\n`)
  }

  private mac(body: string): string {
    // Not the `session:<openid>` of the cookies that never ended: those must not verify as sessions.
    return createHmac('sha256', this.secret).update(`session-v2:${body}`).digest('base64url')
  }
}

function parseSession(body: string): Session | undefined {
  try {
    const s = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Session>
    return typeof s.id === 'string' && typeof s.openid === 'string' && typeof s.expiresAt === 'number'
      ? (s as Session)
      : undefined
  } catch {
    return undefined
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The sign-in page: large text and buttons, grouped, with a filter box (no script needed to sign in). */
export function loginPage(identities: Identity[], current: string | undefined): string {
  const groups = new Map<string, Identity[]>()
  for (const id of identities) {
    const g = id.group ?? '身份'
    groups.set(g, [...(groups.get(g) ?? []), id])
  }
  const sections = [...groups]
    .map(
      ([g, ids]) =>
        `<h2>${escapeHtml(g)}</h2>` +
        ids
          .map(
            (i) =>
              `<button name="openid" value="${escapeHtml(i.openid)}" data-openid="${escapeHtml(i.openid)}"${
                i.openid === current ? ' class="current"' : ''
              }>${escapeHtml(i.label)}</button>`,
          )
          .join(''),
    )
    .join('')
  const known = current === undefined || identities.some((i) => i.openid === current)
  const now = known ? '' : `<p class="current">现在是：新的微信用户（${escapeHtml(current)}）</p>`
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>本地登录 · 我来讲党课</title>
<style>
body{font:20px/1.6 system-ui,sans-serif;margin:0;padding:16px;color:#1a1a1a;background:#fff}
h1{font-size:26px;color:#c40000;margin:8px 0}h2{font-size:20px;margin:20px 0 8px}
p{margin:4px 0 12px}input{font-size:20px;padding:10px;width:100%;box-sizing:border-box;margin-bottom:8px}
button{display:block;width:100%;min-height:52px;font-size:20px;text-align:left;padding:10px 14px;margin:6px 0;
border:2px solid #c40000;border-radius:10px;background:#fff;color:#1a1a1a}
button.current,p.current{background:#c40000;color:#fff}p.current{padding:8px 14px;border-radius:10px}
[hidden]{display:none}
</style></head><body>
<h1>本地登录</h1>
<p>这是本地运行时代替微信登录的页面：选择一位演示党员，以他的身份使用小程序。</p>
<input id="filter" placeholder="输入姓名或单位筛选" oninput="for(const b of document.querySelectorAll('button'))b.hidden=!b.textContent.includes(this.value)">
<form method="post" action="/app/login">${now}<h2>新用户</h2>
<button name="new" value="1">新的微信用户（还没有绑定）</button>
<p>像第一次打开小程序的人：可以用邀请码绑定党员，或用启用码成为首位管理员。</p>${sections}</form>
</body></html>`
}
