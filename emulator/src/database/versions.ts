/**
 * What writes replaced, kept for transactions reading a snapshot. SQLite holds only the latest version of
 * each document; a transaction whose snapshot is sequence number S reads each document as it was at S.
 * While such a transaction is open, every applied write leaves here the version it replaced (the row
 * before it, or none) tagged with the write's own sequence number. The version of a document at S is
 * then what its first write after S replaced or, with no write after S, the stored row; and "written
 * after S" is exactly what makes a transactional write of it a conflict.
 */
import { docKey, type Id } from './ids'
import type { Row } from './store'

export interface Replaced {
  coll: string
  id: Id
  /** The sequence number of the write that replaced it. */
  at: number
  /** The row before that write; undefined: the document did not exist. */
  before: Row | undefined
}

export class Versions {
  /** collection -> docKey -> replaced versions, oldest first */
  private readonly byDoc = new Map<string, Map<string, Replaced[]>>()
  /** every entry, oldest first (writes are applied in sequence order): pruning takes from the front */
  private queue: Replaced[] = []
  private head = 0

  add(replaced: Replaced[]): void {
    for (const r of replaced) {
      let docs = this.byDoc.get(r.coll)
      if (!docs) this.byDoc.set(r.coll, (docs = new Map()))
      const k = docKey(r.coll, r.id)
      const list = docs.get(k)
      if (list) list.push(r)
      else docs.set(k, [r])
      this.queue.push(r)
    }
  }

  /** The first write to a document after `snapshot`, or undefined when it is unchanged since. */
  firstAfter(coll: string, id: Id, snapshot: number): Replaced | undefined {
    return this.byDoc
      .get(coll)
      ?.get(docKey(coll, id))
      ?.find((r) => r.at > snapshot)
  }

  /** For each document of `coll` written after `snapshot`, its first such write. */
  *changedAfter(coll: string, snapshot: number): Iterable<Replaced> {
    for (const list of this.byDoc.get(coll)?.values() ?? []) {
      const first = list.find((r) => r.at > snapshot)
      if (first) yield first
    }
  }

  /** Drops what no snapshot at or after `oldest` can need (all of it when no snapshot is open). */
  prune(oldest = Infinity): void {
    while (this.head < this.queue.length && this.queue[this.head].at <= oldest) {
      const r = this.queue[this.head++]
      const docs = this.byDoc.get(r.coll)!
      const k = docKey(r.coll, r.id)
      const list = docs.get(k)!
      list.shift() // the oldest of its document, as it is the oldest of all
      if (!list.length) docs.delete(k)
      if (!docs.size) this.byDoc.delete(r.coll)
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head)
      this.head = 0
    }
  }

  get size(): number {
    return this.queue.length - this.head
  }
}
