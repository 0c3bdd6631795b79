/**
 * Reading a request body the way every route needs it: bounded in size, strict UTF-8, JSON of bounded
 * nesting. Anything else is a refusal the route answers in its own protocol's shape, never a thrown error.
 */
import type { IncomingMessage } from 'http'

/** Larger than any payload a function or the SDK sends (the real callFunction takes 6 MB). */
export const MAX_BODY_BYTES = 8 * 2 ** 20
/** Far deeper than any action's payload or EJSON query; deep enough nesting would overflow a recursive reader. */
export const MAX_JSON_DEPTH = 64

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

/** The whole body, or undefined once it passes `limit` (the rest is read and dropped, so an answer can still go out). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= limit) chunks.push(c)
    })
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined))
    req.on('error', reject)
  })
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Bytes that must be UTF-8 text. */
export function decodeText(bytes: Buffer): Parsed<string> {
  try {
    return { ok: true, value: utf8.decode(bytes) }
  } catch {
    return { ok: false, reason: 'body is not valid UTF-8' }
  }
}

/** A JSON object (not an array, not a scalar) of at most MAX_JSON_DEPTH levels. */
export function parseJsonObject(bytes: Buffer | undefined): Parsed<Record<string, unknown>> {
  if (bytes === undefined) return { ok: false, reason: `body is larger than ${MAX_BODY_BYTES} bytes` }
  const text = decodeText(bytes)
  if (!text.ok) return text
  let value: unknown
  try {
    value = JSON.parse(text.value)
  } catch {
    return { ok: false, reason: 'body is not JSON' }
  }
  if (!isPlainObject(value)) return { ok: false, reason: 'body is not a JSON object' }
  if (depthOf(value) > MAX_JSON_DEPTH) return { ok: false, reason: `body is nested deeper than ${MAX_JSON_DEPTH}` }
  return { ok: true, value }
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Nesting depth, without recursion (the value may be deep enough to overflow the stack). */
function depthOf(root: unknown): number {
  let max = 0
  const stack: [unknown, number][] = [[root, 1]]
  while (stack.length) {
    const [v, d] = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (d > max) max = d
    if (max > MAX_JSON_DEPTH) return max
    for (const child of Object.values(v)) stack.push([child, d + 1])
  }
  return max
}

/** The media type of a Content-Type header, without parameters, lower-cased. */
export const mediaType = (header: string | undefined) => (header ?? '').split(';')[0].trim().toLowerCase()
