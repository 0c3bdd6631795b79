/**
 * POST /app/upload?cloudPath=<path>: the h5 app's stand-in for the mini-program's `wx.cloud.uploadFile`
 * (which a browser cannot call). The body is the file's bytes; the answer `{fileId}` is the id the SDK's
 * upload would give, and the file is stored exactly where and how that upload stores it.
 *
 * As strict as the real path, or stricter: only a signed-in person (the session cookie), only from the
 * app's own origin with `Content-Type: application/octet-stream` (which no other page can send without a
 * CORS preflight, and none is answered), never over an existing file (the deployed storage rule lets only
 * a file's creator write it; the emulator keeps no owners, so it lets nobody overwrite), and at most
 * `maxBytes`, refused from Content-Length or as soon as the body passes it, before it is held whole.
 */
import type { IncomingMessage, ServerResponse } from 'http'
import { ServiceError } from './database/errors'
import type { StorageService } from './storage'

/** Larger than any upload the app allows (2 MB); the functions check their own limits. */
export const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 * 1024

export interface UploadOptions {
  storage: StorageService
  /** The caller, from the session cookie; undefined when not signed in. */
  openid: string | undefined
  maxBytes?: number
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, options: UploadOptions): Promise<void> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES
  if (!options.openid) return reply(res, 401, { error: 'NOT_SIGNED_IN' })
  if (!sameOrigin(req)) return reply(res, 403, { error: 'CROSS_ORIGIN' })
  if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
    return reply(res, 415, { error: 'CONTENT_TYPE' })
  }
  const path = new URL(req.url ?? '/', 'http://local').searchParams.get('cloudPath') ?? ''
  // Taken as given or refused: a path that would need cleaning (`..`, `//`, `\`) is not one the app makes.
  if (!path || path.includes('\\') || path.split('/').some((p) => p === '' || p === '.' || p === '..')) {
    return reply(res, 400, { error: 'BAD_PATH' })
  }
  if (Number(req.headers['content-length']) > maxBytes) return tooLarge(req, res)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) return tooLarge(req, res)
    chunks.push(chunk)
  }
  if (size === 0) return reply(res, 400, { error: 'EMPTY' })
  let fileId: string | undefined
  try {
    fileId = options.storage.create(path, Buffer.concat(chunks))
  } catch (err) {
    if (err instanceof ServiceError) return reply(res, 400, { error: 'BAD_PATH' }) // e.g. a stray `%` in it
    throw err
  }
  if (!fileId) return reply(res, 409, { error: 'EXISTS' })
  return reply(res, 200, { fileId })
}

/** A browser names the page's origin on every POST; it must be this server's own. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  return !!origin && !!req.headers.host && origin === `http://${req.headers.host}`
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  reply(res, 413, { error: 'TOO_LARGE' }, true)
  req.destroy() // the rest of the body is not read
}

function reply(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  })
  res.end(text)
}
