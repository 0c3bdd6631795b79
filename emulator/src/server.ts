/**
 * The local CloudBase: one HTTP server on 127.0.0.1 with
 *   POST /admin              the SDK's protocol (database.*, functions.invokeFunction, storage.*)
 *   GET/PUT /storage/<path>  file bytes (upload URLs are signed; reads only through temporary URLs)
 *   /app/...                 the function host for the h5 app and its local sign-in
 *   /emulator/v1/...         test control (request counters, reset), apart from the protocol
 *   anything else            the built h5 app, if a folder is given
 */
import { randomBytes } from 'crypto'
import { existsSync, mkdirSync, readFileSync, statSync } from 'fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http'
import type { AddressInfo } from 'net'
import { extname, join, normalize } from 'path'
// The h5 host answers in the functions' reply envelope, so a page shows its refusals like any other.
import { refusal } from '../../src/shared/errors'
import { adminKeyOf, hasBearerKey, loadOrMakeKey, verifySdkSignature } from './credentials'
import { type Declarations, loadDeclarations } from './database/declarations'
import { invalidParam, ServiceError } from './database/errors'
import { DatabaseService } from './database/service'
import { Store } from './database/store'
import { FunctionHost, FunctionNotFound } from './functions'
import {
  type Identity,
  loginPage,
  newWeChatUser,
  readCookie,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  Sessions,
} from './identity'
import { decodeText, isPlainObject, mediaType, parseJsonObject, readBody as readBoundedBody } from './requests'
import { StorageService } from './storage'
import { handleUpload } from './upload'

export interface EmulatorOptions {
  /** Folder for the SQLite file, stored files and the signing secret. */
  dataDir: string
  /** 0 picks a free port. */
  port?: number
  envId?: string
  declarations?: Declarations
  /** Built h5 app to serve at `/`. */
  staticDir?: string
  /** Who can sign in on /app/login (read from this emulator's store when the page is shown). */
  identities?: (store: Store) => Identity[]
  /** Whether one openid may sign in; default: it is among `identities` (which builds the whole list). */
  isIdentity?: (store: Store, openid: string) => boolean
  /** The database's clock (serverDate, transaction lifetimes); tests move it instead of waiting. */
  clock?: () => number
}

export interface Emulator {
  url: string
  adminUrl: string
  /** This instance's key: the SDK's TENCENTCLOUD_SECRETKEY for /admin, `Bearer <key>` for /emulator/v1. */
  adminKey: string
  port: number
  store: Store
  database: DatabaseService
  functions: FunctionHost
  counters: Counters
  stop(): Promise<void>
}

export class Counters {
  private byAction = new Map<string, number>()
  add(action: string): void {
    this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1)
  }
  snapshot(): { total: number; byAction: Record<string, number> } {
    const byAction = Object.fromEntries([...this.byAction].sort())
    return { total: [...this.byAction.values()].reduce((a, b) => a + b, 0), byAction }
  }
  reset(): void {
    this.byAction = new Map()
  }
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const envId = options.envId ?? 'local-dev'
  mkdirSync(options.dataDir, { recursive: true })
  const secret = loadOrMakeKey(options.dataDir, 'secret')
  const adminKey = adminKeyOf(options.dataDir)
  const store = new Store(join(options.dataDir, 'cloudbase.sqlite'), options.declarations ?? loadDeclarations())
  const database = new DatabaseService(store, options.clock)
  const functions = new FunctionHost(envId)
  const counters = new Counters()
  const sessions = new Sessions(secret, join(options.dataDir, 'revoked-sessions'))
  let base = ''
  let port = 0
  const storage = new StorageService(join(options.dataDir, 'storage'), secret, () => base, envId)

  async function admin(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const action = String(body.action ?? '')
    counters.add(action)
    if (action.startsWith('database.')) return database.handle(action, body)
    if (action.startsWith('storage.')) return storage.handle(action, body)
    if (action === 'functions.invokeFunction') return functions.handle(body)
    throw new ServiceError('INVALID_PARAM', `emulator: action ${action} is not emulated`)
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/admin' && req.method === 'POST') {
      const requestId = nextRequestId()
      try {
        const body = parseJsonObject(await readBoundedBody(req))
        if (!body.ok) throw invalidParam(`emulator: ${body.reason}`)
        const signed = { method: req.method, url: req.url ?? '', headers: req.headers, params: body.value }
        if (!verifySdkSignature(signed, adminKey)) {
          // The real service's code for a request not signed with the environment's key.
          throw new ServiceError('SIGN_PARAM_INVALID', "emulator: not signed with this instance's key")
        }
        return json(res, 200, { requestId, ...(await admin(body.value)) })
      } catch (err) {
        if (err instanceof ServiceError) return json(res, 200, { code: err.code, message: err.message, requestId })
        console.error('[emulator] /admin failed', err)
        return json(res, 200, { code: 'SYS_ERR', message: String((err as Error).message), requestId })
      }
    }
    if (path.startsWith('/storage/')) {
      const url = new URL(req.url ?? '/', 'http://local')
      const denied = () => send(res, 403, '<Error><Code>AccessDenied</Code></Error>', 'application/xml')
      // A path that does not decode, or would need cleaning, names no file this server signed for.
      const file = safeDecode(path.slice('/storage/'.length))
      if (file === undefined) return denied()
      try {
        if (req.method === 'PUT') {
          const ok = storage.put(file, url.searchParams.get('sig') ?? '', await readBody(req))
          return ok ? send(res, 200, '', 'text/plain') : denied()
        }
        const bytes = storage.read(file, url.searchParams.get('sign') ?? '', url.searchParams.get('t') ?? '')
        if (bytes === 'denied') return denied()
        return bytes === 'missing'
          ? send(res, 404, 'not found', 'text/plain')
          : send(res, 200, bytes, contentType(file))
      } catch (err) {
        if (err instanceof ServiceError) return denied()
        throw err
      }
    }
    if (path.startsWith('/app/')) return app(req, res, path)
    if (path.startsWith('/emulator/v1/')) return control(req, res, path)
    return serveStatic(res, options.staticDir, path)
  }

  async function app(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const session = sessions.read(readCookie(req.headers.cookie, SESSION_COOKIE))
    const openid = session?.openid
    // A page of another site can post a form or a "simple" request here and the browser adds the person's
    // cookie: writes are taken only from this server's own pages (browsers send Origin with every POST).
    if (req.method === 'POST' && !isOwnOrigin(req.headers.origin)) return json(res, 403, refusal('FORBIDDEN'))
    if (path === '/app/login' && req.method === 'GET') {
      return send(res, 200, loginPage(options.identities?.(store) ?? [], openid), 'text/html; charset=utf-8')
    }
    if (path === '/app/login' && req.method === 'POST') {
      const body = await readBoundedBody(req, 4096)
      const text = body && decodeText(body)
      const form = new URLSearchParams(text?.ok ? text.value : '')
      const fresh = form.get('new') === '1'
      const chosen = fresh ? newWeChatUser() : form.get('openid') || ''
      const known =
        fresh ||
        (options.isIdentity
          ? options.isIdentity(store, chosen)
          : (options.identities?.(store).some((i) => i.openid === chosen) ?? false))
      if (!known) return send(res, 400, '未知的身份', 'text/plain; charset=utf-8')
      const maxAge = SESSION_TTL_MS / 1000
      res.setHeader(
        'set-cookie',
        `${SESSION_COOKIE}=${sessions.issue(chosen)}; ${COOKIE_ATTRIBUTES}; Max-Age=${maxAge}`,
      )
      res.setHeader('location', '/')
      return send(res, 303, '', 'text/plain')
    }
    if (path === '/app/logout' && req.method === 'POST') {
      if (session) sessions.revoke(session)
      res.setHeader('set-cookie', `${SESSION_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`)
      return json(res, 200, { ok: true })
    }
    if (path === '/app/me') return json(res, 200, { openid: openid ?? null })
    if (path === '/app/upload' && req.method === 'POST') return handleUpload(req, res, { storage, openid })
    const call = /^\/app\/call\/([A-Za-z0-9_-]+)$/.exec(path)
    if (call && req.method === 'POST') return callFunction(req, res, call[1], openid)
    return send(res, 404, 'not found', 'text/plain')
  }

  /**
   * /app/call/<function>: `{action, payload}` as JSON, answered with the function's reply envelope. A request
   * that is not one (another content type, not UTF-8 JSON, too deep, no action, a payload that is not an
   * object) is refused here in the same envelope with HTTP 400, so the page shows it like any refusal.
   */
  async function callFunction(req: IncomingMessage, res: ServerResponse, name: string, openid?: string) {
    // Only JSON: a cross-site page cannot send it without a preflight, which this server never allows.
    if (mediaType(req.headers['content-type']) !== 'application/json') return json(res, 400, refusal('INVALID_INPUT'))
    const body = parseJsonObject(await readBoundedBody(req))
    if (!body.ok) return json(res, 400, refusal('INVALID_INPUT'))
    const { action, payload } = body.value
    if (typeof action !== 'string') return json(res, 400, refusal('UNKNOWN_ACTION'))
    if (payload !== undefined && !isPlainObject(payload)) return json(res, 400, refusal('INVALID_INPUT'))
    try {
      const result = await functions.invoke(name, body.value, { openid, source: 'wx_client' })
      return json(res, 200, result ?? null)
    } catch (err) {
      if (err instanceof FunctionNotFound) return json(res, 404, refusal('UNKNOWN_ACTION'))
      console.error(`[emulator] function ${name} threw`, err)
      return json(res, 500, refusal('INTERNAL'))
    }
  }

  /** Absent (not a browser) or one of the names this server answers to on its port. */
  function isOwnOrigin(origin: string | undefined): boolean {
    return origin === undefined || origin === base || origin === `http://localhost:${port}`
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!hasBearerKey(req.headers, adminKey)) return json(res, 401, { error: 'Authorization: Bearer <admin key>' })
    if (path === '/emulator/v1/counters' && req.method === 'GET') return json(res, 200, counters.snapshot())
    if (path === '/emulator/v1/counters/reset' && req.method === 'POST') {
      counters.reset()
      return json(res, 200, { ok: true })
    }
    if (path === '/emulator/v1/info') {
      return json(res, 200, { envId, collections: store.listCollections(), functions: functions.names() })
    }
    return send(res, 404, 'not found', 'text/plain')
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((err) => {
      console.error('[emulator] request failed', err)
      if (!res.headersSent) send(res, 500, 'internal error', 'text/plain')
    })
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
  return {
    url: base,
    adminUrl: `${base}/admin`,
    adminKey,
    port,
    store,
    database,
    functions,
    counters,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      store.close()
    },
  }
}

/** The session cookie: script cannot read it; another site's requests do not carry it (but a top-level link does). */
const COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; SameSite=Lax'

/** Unique per process and cheap (a counter): one is made for every /admin request. */
const REQUEST_ID_PREFIX = randomBytes(4).toString('hex')
let requestCount = 0
const nextRequestId = () => `${REQUEST_ID_PREFIX}${(++requestCount).toString(16).padStart(8, '0')}`

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8')
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}
const contentType = (file: string) => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'

function serveStatic(res: ServerResponse, dir: string | undefined, path: string): void {
  if (!dir) return send(res, 404, 'no app is served here', 'text/plain')
  const decoded = safeDecode(path)
  if (decoded === undefined) return send(res, 400, 'malformed path', 'text/plain') // a stray % (was a 500)
  const rel = normalize(decoded).replace(/^(\.\.[/\\])+/, '')
  const file = join(dir, rel === '/' ? 'index.html' : rel)
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    return send(res, 404, 'not found', 'text/plain')
  }
  send(res, 200, readFileSync(file), contentType(file))
}

/** decodeURIComponent, or undefined for a malformed escape (a stray `%`). */
function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s)
  } catch {
    return undefined
  }
}
