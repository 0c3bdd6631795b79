/**
 * The local CloudBase: one HTTP server on 127.0.0.1 with
 *   POST /admin              the SDK's protocol (database.*, functions.invokeFunction, storage.*)
 *   GET/PUT /storage/<path>  file bytes (upload URLs are signed; reads only through temporary URLs)
 *   /app/...                 the function host for the h5 app and its local sign-in
 *   /emulator/v1/...         test control (request counters, reset), apart from the protocol
 *   anything else            the built h5 app, if a folder is given
 */
import { randomBytes } from 'crypto'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http'
import type { AddressInfo } from 'net'
import { extname, join, normalize } from 'path'
import { type Declarations, loadDeclarations } from './database/declarations'
import { ServiceError } from './database/errors'
import { DatabaseService } from './database/service'
import { Store } from './database/store'
import { FunctionHost, FunctionNotFound } from './functions'
import { type Identity, IdentitySigner, loginPage, readCookie, SESSION_COOKIE } from './identity'
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
}

export interface Emulator {
  url: string
  adminUrl: string
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
  const secret = loadSecret(options.dataDir)
  const store = new Store(join(options.dataDir, 'cloudbase.sqlite'), options.declarations ?? loadDeclarations())
  const database = new DatabaseService(store)
  const functions = new FunctionHost(envId)
  const counters = new Counters()
  const signer = new IdentitySigner(secret)
  let base = ''
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
        const body = JSON.parse((await readBody(req)).toString('utf8') || '{}')
        return json(res, 200, { requestId, ...(await admin(body)) })
      } catch (err) {
        if (err instanceof ServiceError) return json(res, 200, { code: err.code, message: err.message, requestId })
        console.error('[emulator] /admin failed', err)
        return json(res, 200, { code: 'SYS_ERR', message: String((err as Error).message), requestId })
      }
    }
    if (path.startsWith('/storage/')) {
      const url = new URL(req.url ?? '/', 'http://local')
      const file = decodeURIComponent(path.slice('/storage/'.length))
      if (req.method === 'PUT') {
        const ok = storage.put(file, url.searchParams.get('sig') ?? '', await readBody(req))
        return ok
          ? send(res, 200, '', 'text/plain')
          : send(res, 403, '<Error><Code>AccessDenied</Code></Error>', 'application/xml')
      }
      const bytes = storage.read(file, url.searchParams.get('sign') ?? '', url.searchParams.get('t') ?? '')
      if (bytes === 'denied') return send(res, 403, '<Error><Code>AccessDenied</Code></Error>', 'application/xml')
      return bytes === 'missing' ? send(res, 404, 'not found', 'text/plain') : send(res, 200, bytes, contentType(file))
    }
    if (path.startsWith('/app/')) return app(req, res, path)
    if (path.startsWith('/emulator/v1/')) return control(req, res, path)
    return serveStatic(res, options.staticDir, path)
  }

  async function app(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const openid = signer.verify(readCookie(req.headers.cookie, SESSION_COOKIE))
    if (path === '/app/login' && req.method === 'GET') {
      return send(res, 200, loginPage(options.identities?.(store) ?? [], openid), 'text/html; charset=utf-8')
    }
    if (path === '/app/login' && req.method === 'POST') {
      const chosen = new URLSearchParams((await readBody(req)).toString('utf8')).get('openid') ?? ''
      const known = options.isIdentity
        ? options.isIdentity(store, chosen)
        : (options.identities?.(store).some((i) => i.openid === chosen) ?? false)
      if (!known) return send(res, 400, '未知的身份', 'text/plain; charset=utf-8')
      res.setHeader('set-cookie', `${SESSION_COOKIE}=${signer.issue(chosen)}; Path=/; HttpOnly; SameSite=Lax`)
      res.setHeader('location', '/')
      return send(res, 303, '', 'text/plain')
    }
    if (path === '/app/logout' && req.method === 'POST') {
      res.setHeader('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`)
      return json(res, 200, { ok: true })
    }
    if (path === '/app/me') return json(res, 200, { openid: openid ?? null })
    if (path === '/app/upload' && req.method === 'POST') return handleUpload(req, res, { storage, openid })
    const call = /^\/app\/call\/([A-Za-z0-9_-]+)$/.exec(path)
    if (call && req.method === 'POST') {
      try {
        const event = JSON.parse((await readBody(req)).toString('utf8') || '{}')
        const result = await functions.invoke(call[1], event, { openid, source: 'wx_client' })
        return json(res, 200, result ?? null)
      } catch (err) {
        if (err instanceof FunctionNotFound) return json(res, 404, { error: err.message })
        console.error(`[emulator] function ${call[1]} threw`, err)
        return json(res, 500, { error: 'function failed' })
      }
    }
    return send(res, 404, 'not found', 'text/plain')
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
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
  const port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
  return {
    url: base,
    adminUrl: `${base}/admin`,
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

/** Unique per process and cheap (a counter): one is made for every /admin request. */
const REQUEST_ID_PREFIX = randomBytes(4).toString('hex')
let requestCount = 0
const nextRequestId = () => `${REQUEST_ID_PREFIX}${(++requestCount).toString(16).padStart(8, '0')}`

function loadSecret(dir: string): string {
  const file = join(dir, 'secret')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

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
  const rel = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '')
  const file = join(dir, rel === '/' ? 'index.html' : rel)
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    return send(res, 404, 'not found', 'text/plain')
  }
  send(res, 200, readFileSync(file), contentType(file))
}
