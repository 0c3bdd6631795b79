/**
 * The wire format: canonical EJSON strings (bson's EJSON), as the SDK sends and expects them.
 * Decoding turns BSON wrapper types into plain JS values that mingo understands, and resolves
 * CloudBase's `db.serverDate()` marker against the server clock.
 */
import { BSONRegExp, EJSON, ObjectId } from 'bson'

export type Doc = Record<string, unknown> & { _id?: unknown }

const SERVER_DATE = '$tcb_server_date'

export function decode(text: string | undefined, now: number): unknown {
  if (text === undefined || text === '') return undefined
  // No `"$` means no EJSON wrapper and no server date: plain JSON reads the same, several times faster.
  if (!text.includes('"$')) return JSON.parse(text)
  return revive(EJSON.parse(text, { relaxed: true }), now)
}

/** Decodes a value that may already be an object (aggregate stages are JSON or EJSON strings). */
export function revive(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(v, now))
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, jsFlags(value.options))
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value
  if (value instanceof ObjectId) return value
  const obj = value as Record<string, unknown>
  if (SERVER_DATE in obj) {
    const offset = Number((obj[SERVER_DATE] as { offset?: number } | undefined)?.offset ?? 0)
    return new Date(now + offset)
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) out[k] = revive(v, now)
  return out
}

function jsFlags(options: string): string {
  return [...options].filter((f) => 'imsu'.includes(f)).join('')
}

/**
 * The reply form of a document: canonical EJSON, as the real service sends it, but an ObjectId as its hex
 * string: the SDK's own test reads `where({a: db.ObjectId({id})}).get()` back as `data[0].a === id`, and the
 * SDK turns a `{"$oid"}` into `{}`. Inside a JSON string every `"` is escaped and no field is named `$oid`
 * (names starting with `$` are refused), so the text `{"$oid":"…"}` is only ever an ObjectId.
 */
export function encode(doc: unknown): string {
  const text = EJSON.stringify(doc, { relaxed: false })
  return text.includes('{"$oid":') ? text.replace(OID, '"$1"') : text
}

const OID = /\{"\$oid":"([0-9a-f]{24})"\}/g

/** A deep copy for stages and updates that change their input; an ObjectId (immutable) is shared. */
export function copyDoc<T>(v: T): T {
  if (v === null || typeof v !== 'object' || v instanceof ObjectId || v instanceof RegExp) return v
  if (v instanceof Date) return new Date(v.getTime()) as T
  if (Array.isArray(v)) return v.map(copyDoc) as T
  const proto = Object.getPrototypeOf(v)
  if (proto !== Object.prototype && proto !== null) return structuredClone(v)
  const out: Record<string, unknown> = {}
  for (const k in v) out[k] = copyDoc((v as Record<string, unknown>)[k])
  return out as T
}

/**
 * The stored form: relaxed EJSON (plain numbers, `{"$date": "ISO"}`), so SQLite's json_extract can
 * index it. Read with JSON.parse and a small reviver: bson's EJSON.parse is several times slower, and
 * every query parses each candidate row.
 */
export function toStored(doc: Doc): string {
  // Documents of JSON values and Dates (nearly all) are written here as bson writes them, several
  // times faster; anything else (BSON types, RegExps, NaN, undefined, far dates) goes through bson.
  return plainStored(doc) ?? EJSON.stringify(doc, { relaxed: true })
}

const LAST_ISO_DATE = 253402300799999 // 9999-12-31T23:59:59.999Z: bson writes later ones as $numberLong

/** Relaxed EJSON of a tree of JSON values and Dates; undefined for anything else. */
function plainStored(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v)
    case 'boolean':
      return v ? 'true' : 'false'
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : undefined
    case 'object': {
      if (v === null) return 'null'
      if (Array.isArray(v)) {
        const parts: string[] = []
        for (const item of v) {
          const s = plainStored(item)
          if (s === undefined) return undefined
          parts.push(s)
        }
        return `[${parts.join(',')}]`
      }
      if (v instanceof Date) {
        const t = v.getTime()
        if (!(t >= 0 && t <= LAST_ISO_DATE)) return undefined
        const iso = v.toISOString()
        return `{"$date":"${v.getUTCMilliseconds() === 0 ? `${iso.slice(0, -5)}Z` : iso}"}`
      }
      const proto = Object.getPrototypeOf(v)
      if (proto !== Object.prototype && proto !== null) return undefined
      let out = ''
      for (const k in v) {
        const s = plainStored((v as Record<string, unknown>)[k])
        if (s === undefined) return undefined
        out += `${out ? ',' : ''}${JSON.stringify(k)}:${s}`
      }
      return `{${out}}`
    }
    default:
      return undefined
  }
}

export function fromStored(text: string): Doc {
  return JSON.parse(text, storedReviver) as Doc
}

interface Wrapper {
  $date?: string | number | { $numberLong: string }
  $regularExpression?: { pattern: string; options: string }
  $numberDouble?: string
  $numberLong?: string
  $oid?: string
}

function storedReviver(_key: string, v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
  const keys = Object.keys(v)
  if (keys.length !== 1 || keys[0][0] !== '$') return v
  const o = v as Wrapper
  // A date before 1970 or after 9999 is stored as {$date: {$numberLong}}, whose inner wrapper this reviver
  // has already turned into a number (JSON.parse revives inside out).
  if (o.$date !== undefined) return new Date(typeof o.$date === 'object' ? Number(o.$date.$numberLong) : o.$date)
  if (o.$regularExpression) return new RegExp(o.$regularExpression.pattern, jsFlags(o.$regularExpression.options))
  if (o.$numberDouble !== undefined) return Number(o.$numberDouble)
  if (o.$numberLong !== undefined) return Number(o.$numberLong)
  if (o.$oid !== undefined) return new ObjectId(o.$oid)
  return revive(EJSON.parse(JSON.stringify(v), { relaxed: true }), 0) // any other BSON wrapper
}
