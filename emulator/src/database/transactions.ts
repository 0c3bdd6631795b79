/**
 * Optimistic transactions over the Store. A transaction reads committed documents (plus its own
 * buffered writes) and remembers the sequence number of each document it saw; its writes stay in a
 * buffer, invisible to everyone else, until commit. A document written by another transaction
 * that is still open, or changed since this transaction began, is a conflict: the transaction is
 * aborted and the SDK's runTransaction retries it, as with the real service. Commit re-checks every
 * document it read or wrote and applies the buffer in one SQLite transaction, so of two
 * transactions that write the same document at most one commits.
 */
import { randomBytes } from 'crypto'
import type { Doc } from './ejson'
import { transactionConflict, transactionFail } from './errors'
import { docKey as key, type Id, parseDocKey } from './ids'
import type { Row, Store, Write } from './store'

const IDLE_LIMIT_MS = 60_000 // MongoDB's default transactionLifetimeLimitSeconds

interface Buffered {
  coll: string
  id: Id
  /** null: deleted in this transaction. */
  doc: Doc | null
  /** true when the document did not exist before (commit inserts rather than overwrites). */
  created: boolean
}

export class Transaction {
  readonly seen = new Map<string, number>() // key -> seq observed (0: observed absent)
  readonly writes = new Map<string, Buffered>()
  lastUsed = Date.now()
  constructor(
    readonly id: string,
    readonly startSeq: number,
  ) {}
}

export class Transactions {
  private readonly open = new Map<string, Transaction>()
  /** document key -> id of the open transaction that has written it */
  private readonly locks = new Map<string, string>()

  constructor(private readonly store: Store) {}

  start(): Transaction {
    this.expireIdle()
    const t = new Transaction(randomBytes(16).toString('hex'), this.store.currentSeq)
    this.open.set(t.id, t)
    return t
  }

  get(id: string): Transaction {
    const t = this.open.get(id)
    if (!t) throw transactionFail(`transaction ${id} is not open (committed, aborted or expired)`)
    t.lastUsed = Date.now()
    return t
  }

  /** The document as this transaction sees it. */
  read(t: Transaction, coll: string, id: Id): Doc | undefined {
    const own = t.writes.get(key(coll, id))
    if (own) return own.doc ?? undefined
    const row = this.store.getById(coll, id)
    this.observe(t, coll, id, row?.seq ?? 0)
    return row?.doc
  }

  /** Committed rows matching a query, overlaid with this transaction's own writes. */
  overlay(t: Transaction, coll: string, rows: Row[], matches: (d: Doc) => boolean): Doc[] {
    const out: Doc[] = []
    for (const r of rows) {
      if (t.writes.has(key(coll, r.id))) continue
      this.observe(t, coll, r.id, r.seq)
      out.push(r.doc)
    }
    for (const w of t.writes.values()) if (w.coll === coll && w.doc && matches(w.doc)) out.push(w.doc)
    return out
  }

  write(t: Transaction, coll: string, id: Id, doc: Doc | null): void {
    const k = key(coll, id)
    const holder = this.locks.get(k)
    if (holder && holder !== t.id) this.fail(t, `${coll}/${id} is being written by another transaction`)
    const prior = t.writes.get(k)
    let created = prior?.created ?? false
    if (!prior) {
      const row = this.store.getById(coll, id)
      this.observe(t, coll, id, row?.seq ?? 0)
      created = !row
    }
    this.locks.set(k, t.id)
    t.writes.set(k, { coll, id, doc, created })
  }

  commit(t: Transaction): void {
    try {
      this.validate(t)
      const writes: Write[] = []
      for (const w of t.writes.values()) {
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

  /** A document this transaction saw must not have changed since; one it never saw must predate it. */
  private observe(t: Transaction, coll: string, id: Id, seq: number): void {
    const k = key(coll, id)
    if (seq > t.startSeq) this.fail(t, `${coll}/${id} changed after the transaction began`)
    if (!t.seen.has(k)) t.seen.set(k, seq)
  }

  private validate(t: Transaction): void {
    for (const [k, seq] of t.seen) {
      const { coll, id } = parseDocKey(k)
      if ((this.store.getById(coll, id)?.seq ?? 0) !== seq) this.fail(t, `${coll}/${id} changed before commit`)
    }
  }

  private fail(t: Transaction, detail: string): never {
    this.end(t)
    throw transactionConflict(detail)
  }

  private end(t: Transaction): void {
    this.open.delete(t.id)
    for (const k of t.writes.keys()) if (this.locks.get(k) === t.id) this.locks.delete(k)
  }

  private expireIdle(): void {
    const limit = Date.now() - IDLE_LIMIT_MS
    for (const t of this.open.values()) if (t.lastUsed < limit) this.end(t)
  }

  get openCount(): number {
    return this.open.size
  }
}
