/**
 * Document ids keep their BSON type, as in MongoDB: a string, a number or an ObjectId, and `"123"` and `123`
 * are two documents. The id column has no SQLite type affinity, so each is kept as its own SQLite type (TEXT,
 * REAL, a 12-byte BLOB for an ObjectId) and the primary key tells them apart; 123 and 123.0 are one key,
 * as in MongoDB.
 */
import { ObjectId } from 'bson'
import { invalidParam } from './errors'

export type Id = string | number | ObjectId

export function isId(v: unknown): v is Id {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || v instanceof ObjectId
}

/** A document's given `_id`; other types (objects, booleans, dates…) are refused rather than mangled. */
export function givenId(v: unknown): Id {
  if (isId(v)) return v
  throw invalidParam('emulator: _id must be a string, a finite number or an ObjectId (other types are not emulated)')
}

/** The value bound to the id column. */
export function sqlId(id: Id): string | number | Buffer {
  return id instanceof ObjectId ? Buffer.from(id.id) : id
}

export function fromSqlId(v: string | number | Buffer): Id {
  return Buffer.isBuffer(v) ? new ObjectId(v) : v
}

/**
 * A document's key in maps: the collection, a separator naming the id's type, the id's text. Collection
 * names hold no control characters, so the first one found is the separator; a string id keeps the form
 * `coll\0id`, the one it always had.
 */
export function docKey(coll: string, id: Id): string {
  if (typeof id === 'string') return `${coll}\u0000${id}`
  return typeof id === 'number' ? `${coll}\u0001${id}` : `${coll}\u0002${id.toHexString()}`
}

export function parseDocKey(key: string): { coll: string; id: Id } {
  let at = 0
  while (key.charCodeAt(at) > 2) at++
  const text = key.slice(at + 1)
  const kind = key.charCodeAt(at)
  return { coll: key.slice(0, at), id: kind === 0 ? text : kind === 1 ? Number(text) : new ObjectId(text) }
}

/**
 * An id as the service answers it in `insertedIds` and `upsert_id`: an ObjectId as its hex string (the SDK's
 * own test expects `add({_id: db.ObjectId({id})}).id === id`), others as they are.
 */
export function replyId(id: Id): string | number {
  return id instanceof ObjectId ? id.toHexString() : id
}
