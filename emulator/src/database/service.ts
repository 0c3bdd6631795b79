/**
 * The `database.*` actions of the /admin protocol, with the parameter and reply shapes of
 * @cloudbase/node-sdk 3.x (see ../../README.md for where this differs from the real service).
 */
import { aggregate, find, update as applyUpdate } from 'mingo'
import { type Doc, decode, encode } from './ejson'
import { duplicateWrite, invalidParam, requestFailed } from './errors'
import { geoContext, geoNearStage, nearOrder, refuseNear, sortByDistance } from './geo'
import { compile, newId, type Row, type Store, type Write } from './store'
import { type Transaction, Transactions } from './transactions'

/** Raw SDK parameters, as parsed from the request body; each action casts the fields it reads. */
type Params = Record<string, unknown>
const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000
/** Rows an aggregate answers when its pipeline sets no $limit (the real service's default). */
const AGGREGATE_DEFAULT_LIMIT = 20

export class DatabaseService {
  readonly transactions: Transactions
  constructor(
    readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {
    this.transactions = new Transactions(store)
  }

  /** Runs one action; returns `{data}` or, for startTransaction, top-level fields. */
  handle(action: string, p: Params): Record<string, unknown> {
    switch (action) {
      case 'database.getDocument':
        return { data: this.getDocument(p) }
      case 'database.calculateDocument':
        return { data: { total: this.matching(p).length } }
      case 'database.insertDocument':
        return { data: this.insert(p) }
      case 'database.modifyDocument':
        return { data: this.modify(p) }
      case 'database.modifyAndReturnDoc':
        return { data: this.modifyAndReturn(p) }
      case 'database.removeDocument':
        return { data: this.remove(p) }
      case 'database.aggregateDocuments':
        return { data: { list: this.aggregate(p).map(encode) } }
      case 'database.addCollection':
        return { data: this.addCollection(p) }
      case 'database.startTransaction':
        return { transactionId: this.transactions.start().id }
      case 'database.commitTransaction':
        this.transactions.commit(this.transactions.get(p.transactionId as string))
        return { data: {} }
      case 'database.abortTransaction':
        this.transactions.abort(this.transactions.get(p.transactionId as string))
        return { data: {} }
      default:
        throw invalidParam(`emulator: action ${action} is not emulated`)
    }
  }

  private txn(p: Params): Transaction | undefined {
    return p.transactionId ? this.transactions.get(p.transactionId as string) : undefined
  }

  private query(p: Params): Doc {
    return (decode(p.query as string | undefined, this.clock()) as Doc | undefined) ?? {}
  }

  /** All documents the caller can see that match the query (its own transaction's writes included). */
  private matching(p: Params, stopAfter = Infinity): Doc[] {
    const coll = String(p.collectionName)
    const q = this.query(p)
    const t = this.txn(p)
    if (t && p.queryType === 'DOC' && typeof q._id === 'string') {
      const doc = this.transactions.read(t, coll, q._id)
      return doc ? [doc] : []
    }
    const rows = this.store.scan(coll, q, t ? Infinity : stopAfter)
    return t ? this.transactions.overlay(t, coll, rows, compile(q)) : rows.map((r) => r.doc)
  }

  private getDocument(p: Params) {
    const order = normaliseOrder(decode(p.order as string | undefined, 0))
    const offset = Number(p.offset ?? 0)
    const limit = Math.min(Number(p.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT)
    // $near answers nearest first (an orderBy overrides it, as in MongoDB): every match is read to sort.
    const near = order ? undefined : nearOrder(this.query(p))
    let docs = this.matching(p, order || near ? Infinity : offset + limit)
    if (near) docs = sortByDistance(docs, near)
    const decoded = decode(p.projection as string | undefined, 0) as Doc | undefined
    const projection = decoded && Object.keys(decoded).length ? decoded : undefined
    // mingo only when it has work to do: setting up a cursor costs more than a by-_id read.
    let list = docs.slice(offset, offset + limit)
    if (order || projection) {
      let cursor = find(docs, {}, projection)
      if (order) cursor = cursor.sort(order)
      list = cursor.skip(offset).limit(limit).all()
    }
    return { list: list.map(encode), limit, offset }
  }

  private insert(p: Params) {
    const coll = String(p.collectionName)
    this.store.assertCollection(coll)
    const now = this.clock()
    const docs = (p.data as string[]).map((d) => decode(d, now) as Doc)
    const ids = docs.map((d) => (d._id === undefined ? newId() : String(d._id)))
    const t = this.txn(p)
    if (t) {
      ids.forEach((id, i) => {
        if (this.transactions.read(t, coll, id)) throw duplicateWrite(`_id ${id}`)
        this.transactions.write(t, coll, id, { ...docs[i], _id: id })
      })
    } else {
      this.store.apply(ids.map((id, i) => ({ kind: 'insert', coll, id, doc: docs[i] })))
    }
    return { insertedIds: ids }
  }

  /** set (merge false: replace, upsert) and update (merge true: operators), by doc or by query. */
  private modify(p: Params) {
    const coll = String(p.collectionName)
    refuseExpr(this.query(p))
    const now = this.clock()
    const data = decode(p.data as string, now) as Doc
    const multi = p.multi !== false && p.queryType !== 'DOC'
    const targets = this.matching(p, multi ? Infinity : 1).slice(0, multi ? undefined : 1)
    const changed: { id: string; doc: Doc }[] = []
    for (const doc of targets) {
      const next = p.merge === false ? { ...stripOperators(data), _id: doc._id } : updated(doc, data)
      if (next) changed.push({ id: String(doc._id), doc: next })
    }
    let upsertId: string | undefined
    if (targets.length === 0 && p.upsert) {
      const q = this.query(p)
      upsertId = typeof q._id === 'string' ? q._id : newId()
      changed.push({
        id: upsertId,
        doc: { ...(p.merge === false ? stripOperators(data) : (updated({}, data) ?? {})), _id: upsertId },
      })
    }
    this.write(p, coll, changed, upsertId)
    return { updated: upsertId ? 0 : changed.length, upsert_id: upsertId }
  }

  private modifyAndReturn(p: Params) {
    const coll = String(p.collectionName)
    refuseExpr(this.query(p))
    const data = decode(p.data as string, this.clock()) as Doc
    const [doc] = this.matching(p, 1)
    if (!doc) return { updated: 0, doc: null }
    const next = updated(doc, data)
    if (next) this.write(p, coll, [{ id: String(doc._id), doc: next }])
    return { updated: next ? 1 : 0, doc: encode(next ?? doc) }
  }

  private remove(p: Params) {
    const coll = String(p.collectionName)
    refuseExpr(this.query(p))
    const multi = p.multi !== false && p.queryType !== 'DOC'
    const targets = this.matching(p, multi ? Infinity : 1).slice(0, multi ? undefined : 1)
    const t = this.txn(p)
    if (t) targets.forEach((d) => this.transactions.write(t, coll, String(d._id), null))
    else this.store.apply(targets.map((d) => ({ kind: 'delete', coll, id: String(d._id) })))
    return { deleted: targets.length }
  }

  private write(p: Params, coll: string, changed: { id: string; doc: Doc }[], insertedId?: string): void {
    const t = this.txn(p)
    if (t) changed.forEach((c) => this.transactions.write(t, coll, c.id, c.doc))
    else {
      const writes: Write[] = changed.map((c) => ({
        kind: c.id === insertedId ? 'insert' : 'put',
        coll,
        id: c.id,
        doc: c.doc,
      }))
      this.store.apply(writes)
    }
  }

  private aggregate(p: Params): Doc[] {
    const coll = String(p.collectionName)
    const now = this.clock()
    const pipeline: Doc[] = (p.stages as { stageKey: string; stageValue: string }[]).map((s) => ({
      [s.stageKey]: decode(s.stageValue, now),
    }))
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
    if (pipeline.some((stage, i) => i > 0 && '$geoNear' in stage)) {
      throw requestFailed('$geoNear is only valid as the first stage in a pipeline')
    }
    pipeline.forEach((stage) => refuseNear(stage.$match))
    // A leading $match (or $geoNear's query) is read through the indexes like any query.
    const geoNear = pipeline[0]?.$geoNear as Doc | undefined
    const first = (pipeline[0]?.$match ?? geoNear?.query) as Doc | undefined
    const source: Row[] = this.store.scan(coll, first ?? {})
    const rest = pipeline[0]?.$match || geoNear ? pipeline.slice(1) : pipeline
    // Stages may change their input in place: give them copies, not the store's frozen documents.
    const docs = geoNear
      ? geoNearStage(
          geoNear,
          this.store.geoFields(coll),
          source.map((r) => r.doc),
        )
      : source.map((r) => structuredClone(r.doc))
    return aggregate(docs, rest, {
      collectionResolver: (name: string) => this.store.scan(name, {}).map((r) => structuredClone(r.doc)),
      context: geoContext,
    }) as Doc[]
  }

  private addCollection(p: Params) {
    const name = String(p.collectionName)
    if (this.store.has(name)) throw invalidParam(`collection ${name} already exists`)
    this.store.createCollection(name)
    return {}
  }
}

/**
 * Deliberately stricter than documented: `$expr` (db.command.expr) is documented for queries and aggregate
 * `match` only, nothing says an update's or a remove's filter takes it, so a write that uses it is refused
 * (as an invalid parameter) rather than working here and failing in the cloud.
 */
function refuseExpr(query: unknown): void {
  if (query === null || typeof query !== 'object') return
  for (const [key, value] of Object.entries(query)) {
    if (key === '$expr') throw invalidParam('$expr is not supported in the filter of an update or remove')
    refuseExpr(value)
  }
}

function normaliseOrder(order: unknown): Record<string, 1 | -1> | undefined {
  if (!order) return undefined
  if (Array.isArray(order)) {
    const out: Record<string, 1 | -1> = {}
    for (const o of order as { field: string; direction: string | number }[]) {
      out[o.field] = o.direction === 'desc' || o.direction === -1 ? -1 : 1
    }
    return out
  }
  const entries = Object.entries(order as Record<string, number>)
  return entries.length ? Object.fromEntries(entries.map(([k, v]) => [k, v < 0 ? -1 : 1])) : undefined
}

/** Applies update operators to a copy; undefined when nothing changed. */
function updated(doc: Doc, data: Doc): Doc | undefined {
  const copy = structuredClone(doc)
  const ops = Object.keys(data).some((k) => k.startsWith('$')) ? data : { $set: data }
  const changed = applyUpdate(copy, ops as never)
  return changed.length ? copy : undefined
}

function stripOperators(data: Doc): Doc {
  const { _id, ...rest } = data
  void _id
  return rest
}
