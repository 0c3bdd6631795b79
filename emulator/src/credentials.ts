/**
 * Who may use `/admin` and `/emulator/v1`: whoever holds this instance's key. The key is made once per
 * data folder (`<data>/admin-key`, like `<data>/secret`) and given to the functions and tools as the SDK's
 * own credentials (`TENCENTCLOUD_SECRETKEY`), so the unmodified SDK signs every request with it and the
 * emulator checks the signature as the real service does (TC3-HMAC-SHA256, as @cloudbase/signature-nodejs
 * computes it for node-sdk). A page in the developer's browser cannot sign, so it cannot write.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto'
import { existsSync, readFileSync, writeFileSync } from 'fs'
import type { IncomingHttpHeaders } from 'http'
import { join } from 'path'

/** Any id does (the key is what is checked); one name makes logs readable. */
export const LOCAL_SECRET_ID = 'dangke-local'
/** What node-sdk sends as X-Signature-Expires: a signature older (or newer) than this is refused. */
const SIGNATURE_MAX_AGE_S = 600

/** A random key kept in `<dir>/<name>`, made the first time (owner-only). */
export function loadOrMakeKey(dir: string, name: string): string {
  const file = join(dir, name)
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

/** The instance key of the emulator whose data folder this is (for a tool that starts it in another process). */
export const adminKeyOf = (dataDir: string) => loadOrMakeKey(dataDir, 'admin-key')

/** What the SDK in a function or a tool needs in its environment to reach this emulator. */
export function sdkEnvironment(emulator: { adminUrl: string; adminKey: string }): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: emulator.adminUrl }),
    TENCENTCLOUD_SECRETID: LOCAL_SECRET_ID,
    TENCENTCLOUD_SECRETKEY: emulator.adminKey,
  }
}

export interface SignedRequest {
  method: string
  /** The request target as received: path and query. */
  url: string
  headers: IncomingHttpHeaders
  /** The parsed JSON body. */
  params: Record<string, unknown>
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request, SignedParams=([^,]*), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/

/** True if `req` carries node-sdk's signature made with `key`, recent, over every header it names and every param. */
export function verifySdkSignature(req: SignedRequest, key: string, nowMs = Date.now()): boolean {
  const auth = AUTHORIZATION.exec(String(req.headers.authorization ?? ''))
  const timestamp = Number(req.headers['x-timestamp'])
  if (!auth || !Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_MAX_AGE_S) return false
  const [, , date, signedParamList, signedHeaderList, signature] = auth
  if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) return false
  const signedHeaders = signedHeaderList.split(';')
  if (!signedHeaders.includes('host') || !signedHeaders.includes('content-type')) return false
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${headerValue(req.headers, h)}\n`).join('')
  const payloadHash = paramsHash(req.params, signedParamList ? signedParamList.split(';') : [])
  if (payloadHash === undefined) return false
  const [path, query = ''] = splitOnce(req.url, '?')
  // The SDK signs its method name as it holds it ('post') and the URL without its scheme or query.
  const canonicalRequest = [
    req.method.toLowerCase(),
    `//${req.headers.host ?? ''}${path}`,
    query,
    canonicalHeaders,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n')
  const scope = `${date}/tcb/tc3_request`
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonicalRequest)}`
  const signingKey = signingKeyOf(key, date)
  const want = Buffer.from(hmac(signingKey, stringToSign).toString('hex'))
  const got = Buffer.from(signature)
  return want.length === got.length && timingSafeEqual(want, got)
}

/** The key derived for one day (three HMACs): the same for every request of that day, so kept. */
let derived = { key: '', date: '', signingKey: Buffer.alloc(0) }
function signingKeyOf(key: string, date: string): Buffer {
  if (derived.key !== key || derived.date !== date) {
    const signingKey = ['tcb', 'tc3_request'].reduce((k, part) => hmac(k, part), hmac(`TC3${key}`, date))
    derived = { key, date, signingKey }
  }
  return derived.signingKey
}

/** A header as the signer formats it: lower-cased and trimmed, except content-type (kept as sent). */
function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const raw = headers[name]
  const value = Array.isArray(raw) ? raw.join(', ') : (raw ?? '')
  return name === 'content-type' ? value : value.trim().toLowerCase()
}

/**
 * The signer's hash of the body: `&key=value\r\n` for each signed key in order, values as JSON unless
 * strings. Undefined if a non-empty param is not signed (it could have been added on the way).
 */
function paramsHash(params: Record<string, unknown>, signed: string[]): string | undefined {
  const formatted = new Map<string, string>()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue
    formatted.set(camSafeEncode(k.toLowerCase().trim()), (typeof v === 'string' ? v : JSON.stringify(v)).trim())
  }
  const signedSet = new Set(signed)
  for (const [k, v] of formatted) if (v && !signedSet.has(k)) return undefined
  const hash = createHash('sha256')
  for (const k of signed) {
    const v = formatted.get(k)
    if (v) hash.update(`&${k}=`).update(v).update('\r\n')
  }
  return hash.digest('hex')
}

const camSafeEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

function splitOnce(s: string, sep: string): [string, string?] {
  const i = s.indexOf(sep)
  return i < 0 ? [s] : [s.slice(0, i), s.slice(i + 1)]
}

/** The control namespace takes the same key, as `Authorization: Bearer <key>`. */
export function hasBearerKey(headers: IncomingHttpHeaders, key: string): boolean {
  const got = Buffer.from(String(headers.authorization ?? ''))
  const want = Buffer.from(`Bearer ${key}`)
  return got.length === want.length && timingSafeEqual(got, want)
}
