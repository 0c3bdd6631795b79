/**
 * Transactions over the Store with MongoDB's snapshot isolation, as the real service runs them. A
 * transaction's first operation fixes its snapshot (the store's sequence number then); every read of it
 * answers the documents as they were at the snapshot (versions.ts keeps what later writes replaced),
 * overlaid with its own writes, and never conflicts. Its writes stay in a buffer, invisible to everyone
 * else, until commit. Writing a document that was written after the snapshot, or that another open
 * transaction has written, is a write conflict: the transaction is aborted (as MongoDB aborts it) and the
 * SDK's runTransaction retries. Commit re-checks the written documents (a write outside any transaction
 * does not wait for the buffer) and applies the buffer in one SQLite transaction, so of two transactions
 * that write the same document at most one commits.
 */
import { randomBytes } from 'crypto'
import type { Doc } from './ejson'
import { transactionConflict, transactionNotExist } from './errors'
import { docKey as key, type Id } from './ids'
import { compile } from './operators'
import type { Row, Store, Write } from './store'
import { Versions } from './versions'

/**
 * A transaction must be committed or aborted within 30 s of its start, then the service no longer knows it:
 * https://docs.cloudbase.net/en/error-code/DATABASE_TRANSACTION_FAIL
 */
const LIFETIME_MS = 30_000

interface Buffered {
  coll: string
  id: Id
  /** null: deleted in this transaction. */
  doc: Doc | null
  /** true when the document did not exist in the snapshot (commit inserts rather than overwrites). */
  created: boolean
}

export class Transaction {
  /** The store's sequence number at the first operation: what it reads (undefined before that). */
  snapshot?: number
  readonly writes = new Map<string, Buffered>()
  constructor(
    readonly id: string,
    readonly startedAt: number,
  ) {}
}

export class Transactions {
  private readonly open = new Map<string, Transaction>()
  /** document key -> id of the open transaction that has written it */
  private readonly locks = new Map<string, string>()
  private readonly versions = new Versions()

  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  start(): Transaction {
    this.expire()
    const t = new Transaction(randomBytes(16).toString('hex'), this.clock())
    this.open.set(t.id, t)
    return t
  }

  /** An open transaction; committed, aborted, expired or unknown ones answer the service's TransactionNotExist. */
  get(id: string): Transaction {
    this.expire()
    const t = this.open.get(id)
    if (!t) throw transactionNotExist()
    return t
  }

  /** The document as this transaction sees it. */
  read(t: Transaction, coll: string, id: Id): Doc | undefined {
    const own = t.writes.get(key(coll, id))
    if (own) return own.doc ?? undefined
    return this.atSnapshot(t, coll, id)?.doc
  }

  /** The documents matching `query` as this transaction sees them. */
  query(t: Transaction, coll: string, query: Doc): Doc[] {
    const snapshot = this.snapshotOf(t)
    const matches = compile(query)
    const out: Doc[] = []
    // Stored rows unchanged since the snapshot are as it saw them ...
    for (const r of this.store.scan(coll, query)) {
      if (!t.writes.has(key(coll, r.id)) && !this.versions.firstAfter(coll, r.id, snapshot)) out.push(r.doc)
    }
    // ... the changed ones (updated, removed, or added since) are read as they were at the snapshot ...
    for (const { id, before } of this.versions.changedAfter(coll, snapshot)) {
      if (before && !t.writes.has(key(coll, id)) && matches(before.doc)) out.push(before.doc)
    }
    // ... and its own writes stand in for both.
    for (const w of t.writes.values()) if (w.coll === coll && w.doc && matches(w.doc)) out.push(w.doc)
    return out
  }

  write(t: Transaction, coll: string, id: Id, doc: Doc | null): void {
    const k = key(coll, id)
    const holder = this.locks.get(k)
    if (holder && holder !== t.id) this.fail(t)
    const prior = t.writes.get(k)
    let created = prior?.created ?? false
    if (!prior) {
      if (this.versions.firstAfter(coll, id, this.snapshotOf(t))) this.fail(t)
      created = !this.store.getById(coll, id) // unchanged since the snapshot: the stored row is its version
    }
    this.locks.set(k, t.id)
    t.writes.set(k, { coll, id, doc, created })
  }

  commit(t: Transaction): void {
    try {
      const writes: Write[] = []
      for (const w of t.writes.values()) {
        if (this.versions.firstAfter(w.coll, w.id, t.snapshot!)) this.fail(t)
        if (w.doc === null) {
          if (!w.created) writes.push({ kind: 'delete', coll: w.coll, id: w.id })
        } else writes.push({ kind: w.created ? 'insert' : 'put', coll: w.coll, id: w.id, doc: w.doc })
      }
      this.store.apply(writes)
    } finally {
      this.end(t)
    }
  }

  abort(t: Transaction): void {
    this.end(t)
  }

  private atSnapshot(t: Transaction, coll: string, id: Id): Row | undefined {
    const changed = this.versions.firstAfter(coll, id, this.snapshotOf(t))
    return changed ? changed.before : this.store.getById(coll, id)
  }

  /** Fixed by the first operation; from then on the store keeps what writes replace. */
  private snapshotOf(t: Transaction): number {
    if (t.snapshot === undefined) {
      t.snapshot = this.store.currentSeq
      this.store.retain ??= (replaced) => this.versions.add(replaced)
    }
    return t.snapshot
  }

  private fail(t: Transaction): never {
    this.end(t)
    throw transactionConflict()
  }

  private end(t: Transaction): void {
    this.open.delete(t.id)
    for (const k of t.writes.keys()) if (this.locks.get(k) === t.id) this.locks.delete(k)
    let oldest = Infinity
    for (const o of this.open.values()) if (o.snapshot !== undefined) oldest = Math.min(oldest, o.snapshot)
    this.versions.prune(oldest)
    if (oldest === Infinity) this.store.retain = undefined
  }

  private expire(): void {
    const limit = this.clock() - LIFETIME_MS
    for (const t of this.open.values()) if (t.startedAt < limit) this.end(t)
  }

  get openCount(): number {
    return this.open.size
  }

  /** Replaced versions kept for open snapshots (a test checks they are dropped). */
  get retainedVersions(): number {
    return this.versions.size
  }
}
