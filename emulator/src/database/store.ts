/**
 * Documents in SQLite: one table per collection (id, seq, body as relaxed EJSON), declared indexes
 * as expression indexes on json_extract(body), a global write sequence for optimistic checks.
 * Everything here is synchronous (better-sqlite3), so a read-modify-write done in one call cannot
 * interleave with another request: that is what makes single-document updates atomic.
 */
import Database from 'better-sqlite3'
import { randomUUID } from 'crypto'
import { type Declarations, type IndexDeclaration, isGeoIndex } from './declarations'
import { type Doc, fromStored, toStored } from './ejson'
import { collectionNotExist, duplicateWrite, invalidParam } from './errors'
import { assertGeoQuery, assertGeoValue, geoQuery } from './geo'

export interface Row {
  id: string
  seq: number
  doc: Doc
}

export type Write =
  | { kind: 'insert'; coll: string; id: string; doc: Doc }
  | { kind: 'put'; coll: string; id: string; doc: Doc }
  | { kind: 'delete'; coll: string; id: string }

const NAME = /^[A-Za-z0-9_-]{1,64}$/
const FIELD = /^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/
const table = (coll: string) => `"c_${coll}"`
/** Missing and null index alike (as MongoDB does); x'00' is a value no document field can hold. */
const keyExpr = (field: string) => `ifnull(json_extract(body, '$.${field}'), x'00')`

type Scalar = string | number | boolean

export class Store {
  readonly sqlite: Database.Database
  private seq = 0
  private readonly collections = new Set<string>()
  private readonly indexes = new Map<string, IndexDeclaration[]>()
  private readonly statements = new Map<string, Database.Statement>()
  private readonly parsed = new ParsedCache(50_000)
  /** Non-unique indexes some document holds an array in (MongoDB's multikey indexes): never used to narrow. */
  private readonly multikey = new Set<string>()

  constructor(file: string, declarations: Declarations) {
    this.sqlite = new Database(file)
    // WAL + NORMAL: a committed write survives the process being killed (not a power loss).
    this.sqlite.pragma('journal_mode = WAL')
    this.sqlite.pragma('synchronous = NORMAL')
    // 64 MiB of page cache (SQLite's default is 2): with a million rows the indexes no longer fit in
    // 2 MiB, and every insert into a random-id primary key would read pages back from the file.
    this.sqlite.pragma('cache_size = -65536')
    this.sqlite.exec('CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY)')
    for (const { name } of this.sqlite.prepare('SELECT name FROM collections').all() as { name: string }[]) {
      this.collections.add(name)
    }
    for (const [name, decl] of Object.entries(declarations)) {
      this.indexes.set(name, decl.indexes)
      if (!this.collections.has(name)) this.createCollection(name)
      this.ensureIndexes(name)
      this.findMultikey(name)
    }
    for (const name of this.collections) {
      const row = this.sqlite.prepare(`SELECT max(seq) AS s FROM ${table(name)}`).get() as { s: number | null }
      this.seq = Math.max(this.seq, row.s ?? 0)
    }
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) this.statements.set(sql, (s = this.sqlite.prepare(sql)))
    return s
  }

  close(): void {
    this.sqlite.close()
  }

  get currentSeq(): number {
    return this.seq
  }

  has(coll: string): boolean {
    return this.collections.has(coll)
  }

  assertCollection(coll: string): void {
    if (!this.collections.has(coll)) throw collectionNotExist(coll)
  }

  listCollections(): string[] {
    return [...this.collections].sort()
  }

  createCollection(coll: string): void {
    if (!NAME.test(coll)) throw invalidParam(`invalid collection name: ${coll}`)
    this.sqlite.exec(
      `CREATE TABLE IF NOT EXISTS ${table(coll)} (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, body TEXT NOT NULL)`,
    )
    this.sqlite.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)').run(coll)
    this.collections.add(coll)
  }

  private ensureIndexes(coll: string): void {
    for (const ix of this.indexes.get(coll) ?? []) {
      const fields = Object.keys(ix.keys)
      if (!NAME.test(ix.name) || !fields.every((f) => FIELD.test(f))) throw invalidParam(`bad index ${ix.name}`)
      if (isGeoIndex(ix) && (ix.unique || fields.length > 1)) {
        throw invalidParam(`emulator: index ${ix.name}: a 2dsphere index is one field, not unique`)
      }
      // A 2dsphere index has no SQLite counterpart: it only marks the field as geo-indexed for queries.
      if (isGeoIndex(ix)) continue
      this.sqlite.exec(
        `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "ix_${coll}_${ix.name}" ON ${table(coll)} (${fields
          .map(keyExpr)
          .join(', ')})`,
      )
    }
  }

  /** After a restart: which indexes of a stored collection already hold an array somewhere. */
  private findMultikey(coll: string): void {
    for (const ix of this.btreeIndexes(coll)) {
      for (const f of Object.keys(ix.keys)) {
        const sql = `SELECT 1 FROM ${table(coll)} WHERE json_type(body, '$.${f}') = 'array' LIMIT 1`
        if (this.sqlite.prepare(sql).get()) this.multikey.add(`${coll}\u0000${ix.name}`)
      }
    }
  }

  private btreeIndexes(coll: string): IndexDeclaration[] {
    return (this.indexes.get(coll) ?? []).filter((ix) => !isGeoIndex(ix))
  }

  /** The fields of a collection's 2dsphere indexes: the only fields geo queries may use. */
  geoFields(coll: string): string[] {
    return (this.indexes.get(coll) ?? []).filter(isGeoIndex).map((ix) => Object.keys(ix.keys)[0])
  }

  getById(coll: string, id: string): Row | undefined {
    this.assertCollection(coll)
    const row = this.stmt(`SELECT id, seq, body FROM ${table(coll)} WHERE id = ?`).get(id) as
      { id: string; seq: number; body: string } | undefined
    return row && { id: row.id, seq: row.seq, doc: this.parse(coll, row) }
  }

  /**
   * Committed documents matching `query` (mingo semantics). An equality on `_id` or on the leading
   * fields of a declared index narrows the rows read; mingo then decides exactly.
   * `stopAfter` ends the scan early when the caller needs no more (no sort, a limit).
   */
  scan(coll: string, query: Doc, stopAfter = Infinity): Row[] {
    this.assertCollection(coll)
    // `{_id: 'x'}` alone is exact in SQL: no mingo (its per-query setup costs more than the read).
    const id = onlyId(query)
    if (id !== undefined) {
      const row = stopAfter > 0 ? this.getById(coll, id) : undefined
      return row ? [row] : []
    }
    assertGeoQuery(query, this.geoFields(coll))
    const { where, params } = this.plan(coll, query)
    const test = isEmpty(query) ? () => true : compile(query)
    const out: Row[] = []
    if (stopAfter <= 0) return out
    const stmt = this.stmt(`SELECT id, seq, body FROM ${table(coll)}${where}`)
    for (const r of stmt.iterate(...params) as IterableIterator<{ id: string; seq: number; body: string }>) {
      const doc = this.parse(coll, r)
      if (!test(doc)) continue
      out.push({ id: r.id, seq: r.seq, doc })
      if (out.length >= stopAfter) break
    }
    return out
  }

  /** A row's document, parsed once per version: parsing dominates reads, and most reads repeat. */
  private parse(coll: string, row: { id: string; seq: number; body: string }): Doc {
    const key = `${coll}\u0000${row.id}`
    const hit = this.parsed.get(key, row.seq)
    if (hit) return hit
    const doc = deepFreeze(fromStored(row.body))
    this.parsed.set(key, row.seq, doc)
    return doc
  }

  /** How a query will be read: exposed so tests can check that an indexed equality does not scan. */
  plan(coll: string, query: Doc): { where: string; params: unknown[]; index?: string } {
    const eq = equalities(query)
    const id = eq.get('_id')
    if (id !== undefined) return { where: ' WHERE id = ?', params: [sqlValue(id)], index: '_id' }
    // `_id` in a list (e.g. which of these ledger entries exist): the primary key, one statement for any length.
    const ids = idList(query)
    if (ids)
      return { where: ' WHERE id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)], index: '_id' }
    let best: { fields: string[]; values: Scalar[]; name: string } | undefined
    for (const ix of this.btreeIndexes(coll)) {
      if (this.multikey.has(`${coll}\u0000${ix.name}`)) continue
      const fields: string[] = []
      const values: Scalar[] = []
      for (const f of Object.keys(ix.keys)) {
        const v = eq.get(f)
        if (v === undefined) break
        fields.push(f)
        values.push(v)
      }
      if (fields.length > (best?.fields.length ?? 0)) best = { fields, values, name: ix.name }
    }
    if (!best) return { where: '', params: [] }
    return {
      where: ` WHERE ${best.fields.map((f) => `${keyExpr(f)} = ?`).join(' AND ')}`,
      params: best.values.map(sqlValue),
      index: best.name,
    }
  }

  /** Applies writes atomically (all or none) and returns the sequence number of each. */
  apply(writes: Write[]): number[] {
    const seqs: number[] = []
    const startSeq = this.seq
    const run = this.sqlite.transaction(() => {
      for (const w of writes) {
        this.assertCollection(w.coll)
        const seq = ++this.seq
        seqs.push(seq)
        if (w.kind === 'delete') {
          this.stmt(`DELETE FROM ${table(w.coll)} WHERE id = ?`).run(w.id)
          continue
        }
        this.assertScalarKeys(w.coll, w.doc)
        const body = toStored({ ...w.doc, _id: w.id })
        const sql =
          w.kind === 'insert'
            ? `INSERT INTO ${table(w.coll)} (id, seq, body) VALUES (?, ?, ?)`
            : `INSERT INTO ${table(w.coll)} (id, seq, body) VALUES (?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, body = excluded.body`
        this.stmt(sql).run(w.id, seq, body)
      }
    })
    try {
      run()
    } catch (err) {
      this.seq = startSeq
      const e = err as { code?: string; message?: string }
      if (e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw duplicateWrite(e.message ?? '')
      }
      throw err
    }
    return seqs
  }

  /**
   * Bulk seeding for benchmarks and tests: inserts `docs` as `add()` would (a missing `_id` is made),
   * in SQLite transactions of `chunk` documents, each all-or-nothing. Returns the ids in order.
   */
  insertMany(coll: string, docs: Doc[], chunk = 10_000): string[] {
    const ids = docs.map((d) => (d._id === undefined ? newId() : String(d._id)))
    for (let i = 0; i < docs.length; i += chunk) {
      this.apply(docs.slice(i, i + chunk).map((doc, k) => ({ kind: 'insert', coll, id: ids[i + k], doc })))
    }
    return ids
  }

  /**
   * An index here is one value per document. An array in a non-unique index's field (MongoDB makes the
   * index multikey: `{path: id}` matches an element) marks the index so that it no longer narrows reads:
   * mingo then matches elements over a full scan, slower but never missing rows. A unique index may not
   * hold an array (MongoDB would require each element unique): refused rather than emulated wrongly.
   */
  private assertScalarKeys(coll: string, doc: Doc): void {
    for (const f of this.geoFields(coll)) assertGeoValue(coll, f, doc)
    for (const ix of this.btreeIndexes(coll)) {
      for (const f of Object.keys(ix.keys)) {
        if (!Array.isArray(valueAt(doc, f))) continue
        if (ix.unique) {
          throw invalidParam(`emulator: unique index field ${coll}.${f} holds an array (not emulated)`)
        }
        this.multikey.add(`${coll}\u0000${ix.name}`)
      }
    }
  }

  /** Drops every document (test control); collections and indexes stay. */
  clear(): void {
    for (const c of this.collections) this.sqlite.exec(`DELETE FROM ${table(c)}`)
  }
}

/** CloudBase ids: 32 hex characters (a random UUID's: Node buffers its entropy, randomBytes does not). */
export function newId(): string {
  return randomUUID().replace(/-/g, '')
}

/**
 * Parsed documents by version, least recently used out first. Entries are frozen: a caller that
 * changed one would change every later reader's copy, so mutation must fail loudly instead.
 */
class ParsedCache {
  private readonly map = new Map<string, { seq: number; doc: Doc }>()
  constructor(private readonly capacity: number) {}

  get(key: string, seq: number): Doc | undefined {
    const e = this.map.get(key)
    if (!e || e.seq !== seq) return undefined
    this.map.delete(key) // re-insert: Map order is the recency order
    this.map.set(key, e)
    return e.doc
  }

  set(key: string, seq: number, doc: Doc): void {
    this.map.delete(key)
    this.map.set(key, { seq, doc })
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string)
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

function valueAt(doc: Doc, path: string): unknown {
  let v: unknown = doc
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined
  return v
}

/** The id of a query that is exactly `{_id: string}` or `{_id: {$eq: string}}`. */
function onlyId(query: Doc): string | undefined {
  let id: unknown
  for (const k in query) {
    if (k !== '_id') return undefined
    id = query._id
  }
  if (isEqOp(id)) id = (id as { $eq: unknown }).$eq
  return typeof id === 'string' ? id : undefined
}

function isEmpty(q: Doc): boolean {
  return Object.keys(q).length === 0
}

export function compile(query: Doc): (doc: Doc) => boolean {
  const q = geoQuery(query)
  return (doc) => q.test(doc)
}

/** Top-level `field: scalar` and `field: {$eq: scalar}` conditions, also inside a top-level $and. */
function equalities(query: Doc, out = new Map<string, Scalar>()): Map<string, Scalar> {
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) if (sub && typeof sub === 'object') equalities(sub as Doc, out)
    } else if (!k.startsWith('$')) {
      const val = isScalar(v) ? v : isEqOp(v) ? (v as { $eq: Scalar }).$eq : undefined
      if (val !== undefined && isScalar(val)) out.set(k, val)
    }
  }
  return out
}

/** The ids of a top-level (or top-level `$and`) `_id: {$in: [...]}` of strings. */
function idList(query: Doc): string[] | undefined {
  const v = query._id as { $in?: unknown } | undefined
  if (v && typeof v === 'object' && Object.keys(v).length === 1 && Array.isArray(v.$in)) {
    if (v.$in.every((x) => typeof x === 'string')) return v.$in as string[]
  }
  if (!Array.isArray(query.$and)) return undefined
  for (const sub of query.$and) {
    const found = sub && typeof sub === 'object' ? idList(sub as Doc) : undefined
    if (found) return found
  }
  return undefined
}

function isEqOp(v: unknown): boolean {
  return !!v && typeof v === 'object' && Object.keys(v).length === 1 && '$eq' in (v as object)
}

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
}

function sqlValue(v: Scalar): string | number {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v
}
