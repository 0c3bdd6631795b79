/**
 * The query library (mingo 7.2.7) held to the real service, which answers with MongoDB's semantics: the
 * operators mingo lacks or gets wrong are registered here through its documented extension API (a
 * `Context` passed in the options), and every query, update and aggregate of the emulator runs through
 * `find`, `compile`, `aggregate` and `update` below.
 *
 * mingo's default entry ('mingo') merges a caller's context under its own, where an operator it already
 * has wins; so this module builds the whole context itself from mingo's operator modules.
 */
import { Aggregator } from 'mingo/aggregator'
import { Context, computeValue, evalExpr } from 'mingo/core'
import * as accumulatorOps from 'mingo/operators/accumulator'
import * as expressionOps from 'mingo/operators/expression'
import * as pipelineOps from 'mingo/operators/pipeline'
import * as projectionOps from 'mingo/operators/projection'
import * as queryOps from 'mingo/operators/query'
import * as windowOps from 'mingo/operators/window'
import { Query } from 'mingo/query'
import type { Options } from 'mingo/types/types'
import { update as mingoUpdate } from 'mingo/updater'
import { isObject } from 'mingo/util'
import type { Doc } from './ejson'
import { invalidParam } from './errors'
import { geoQueryOps } from './geo'
import { jsonSchemaValidator } from './json-schema'

type Predicate = (doc: Doc) => boolean
const LOGICAL = new Set(['$and', '$or', '$nor'])

/**
 * `{field: {$elemMatch: criteria}}`: some element of the array at `field` matches all of the criteria
 * (https://www.mongodb.com/docs/manual/reference/operator/query/elemMatch/). Criteria made only of
 * operators (`{$gt: 2}`) test each element itself; criteria naming fields (`{value: {$exists: true}}`)
 * are a query on each element as a document, so an element that is not one (a number, a string) never
 * matches them. mingo resolves any field of a scalar to the scalar itself, so it matched those.
 */
function $elemMatch(selector: string, criteria: Doc, options: Options): Predicate {
  const keys = Object.keys(criteria)
  const onValues = keys.length > 0 && keys.every((k) => k.startsWith('$') && !LOGICAL.has(k))
  const query = new Query(onValues ? { value: criteria } : criteria, options)
  const matches = onValues
    ? (e: unknown) => query.test({ value: e })
    : (e: unknown) => (isObject(e) || Array.isArray(e)) && query.test(asDocument(e))
  const path = selector.split('.')
  return (doc) => arraysAt(doc, path).some((array) => array.some(matches))
}

/** `$all` whose items are `$elemMatch` ones goes through the `$elemMatch` above; others stay mingo's. */
function $all(selector: string, items: unknown[], options: Options): Predicate {
  const isElemMatch = (i: unknown): i is { $elemMatch: Doc } => isObject(i) && Object.keys(i)[0] === '$elemMatch'
  if (!Array.isArray(items) || !items.some(isElemMatch)) return queryOps.$all(selector, items, options)
  const tests = items.map((i) =>
    isElemMatch(i) ? $elemMatch(selector, i.$elemMatch, options) : queryOps.$all(selector, [i], options),
  )
  return (doc) => tests.every((test) => test(doc))
}

/** A nested array is matched as the document MongoDB sees in it: its indexes as field names. */
function asDocument(e: object): Doc {
  return Array.isArray(e) ? Object.fromEntries(e.map((v, i) => [String(i), v])) : (e as Doc)
}

/** The arrays at a dotted path, crossing arrays of documents on the way (`a.b` of `a: [{b: […]}, …]`). */
function arraysAt(value: unknown, path: string[]): unknown[][] {
  if (path.length === 0) return Array.isArray(value) ? [value] : []
  const [head, ...rest] = path
  if (Array.isArray(value)) {
    const byIndex = /^\d+$/.test(head) ? arraysAt(value[Number(head)], rest) : []
    return byIndex.concat(value.flatMap((e) => (isObject(e) ? arraysAt(e, path) : [])))
  }
  return isObject(value) ? arraysAt((value as Doc)[head], rest) : []
}

/**
 * Weeks from Sunday, as strftime's %U: the year's first Sunday starts week 1, the days before it are
 * week 0 (https://www.mongodb.com/docs/manual/reference/operator/aggregation/week/; CloudBase's
 * `aggregate.week` doc gives 19 for 2019-05-14). mingo 7 answers the ISO week (20).
 */
function $week(obj: Doc, expr: unknown, options: Options): number | null {
  const arg = evalExpr(obj, expr, options) // a date, or {date, timezone}
  if ((isObject(arg) ? arg.date : arg) == null) return null // MongoDB: null for a null or missing date
  const dayOfYear = computeValue(obj, expr, '$dayOfYear', options) as number // 1 = 1 January
  const dayOfWeek = computeValue(obj, expr, '$dayOfWeek', options) as number // 1 = Sunday
  return Math.floor((dayOfYear - dayOfWeek + 7) / 7)
}

/**
 * `[string, substring, start?, end?]`: the first index of the substring in `units` (code points for
 * $indexOfCP, UTF-8 bytes for $indexOfBytes), -1 if absent, null for a null or missing string
 * (https://www.mongodb.com/docs/manual/reference/operator/aggregation/indexOfCP/). mingo 7 has no
 * $indexOfCP and counts $indexOfBytes in UTF-16 units, which differs for Chinese text.
 */
function indexOf(name: string, units: (s: string) => unknown[]) {
  return (obj: Doc, expr: unknown, options: Options): number | null => {
    if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw invalidParam(`${name} takes 2 to 4 arguments`)
    const [str, sub, start = 0, end] = evalExpr(obj, expr, options) as unknown[]
    if (str === null || str === undefined) return null
    if (typeof str !== 'string' || typeof sub !== 'string') throw invalidParam(`${name} needs strings`)
    const s = units(str)
    const needle = units(sub)
    const from = count(name, start)
    const to = end === undefined ? s.length : Math.min(count(name, end), s.length)
    for (let i = from; i + needle.length <= to; i++) if (needle.every((u, j) => s[i + j] === u)) return i
    return -1
  }
}

/**
 * `[string, start, length]` in UTF-8 bytes (`$substr` is its alias): a negative start answers "", a
 * negative length means to the end of the string, a length past the end stops there, a null or missing
 * string is "" (https://www.mongodb.com/docs/manual/reference/operator/aggregation/substr/, and
 * CloudBase's `aggregate.substr`). mingo 7 refuses negative and overlong lengths.
 */
function $substrBytes(obj: Doc, expr: unknown, options: Options): string {
  if (!Array.isArray(expr) || expr.length !== 3) throw invalidParam('$substrBytes takes 3 arguments')
  const [str, start, length] = evalExpr(obj, expr, options) as unknown[]
  if (!Number.isInteger(start) || !Number.isInteger(length)) throw invalidParam('$substrBytes needs integers')
  if (str === null || str === undefined) return ''
  if (typeof str !== 'string') throw invalidParam('$substrBytes needs a string')
  const bytes = Buffer.from(str, 'utf8')
  const from = start as number
  if (from < 0 || from >= bytes.length) return ''
  const to = (length as number) < 0 ? bytes.length : Math.min(bytes.length, from + (length as number))
  const continuation = (i: number) => i < bytes.length && (bytes[i] & 0xc0) === 0x80
  if (continuation(from) || continuation(to)) throw invalidParam('$substrBytes: a byte index inside a UTF-8 character')
  return bytes.subarray(from, to).toString('utf8')
}

function count(name: string, v: unknown): number {
  if (!Number.isInteger(v) || (v as number) < 0) throw invalidParam(`${name}: positions are non-negative integers`)
  return v as number
}

const codePoints = (s: string) => Array.from(s)
const utf8Bytes = (s: string) => Array.from(Buffer.from(s, 'utf8'))

const context = Context.init({
  accumulator: accumulatorOps,
  expression: {
    ...expressionOps,
    $week,
    $indexOfCP: indexOf('$indexOfCP', codePoints),
    $indexOfBytes: indexOf('$indexOfBytes', utf8Bytes),
    $substr: $substrBytes,
    $substrBytes,
  },
  pipeline: pipelineOps,
  projection: projectionOps,
  query: { ...queryOps, $elemMatch, $all, ...geoQueryOps },
  window: windowOps,
} as Parameters<typeof Context.init>[0])

/** The options every mingo call of the emulator takes. */
export const mingoOptions: Partial<Options> = { context, jsonSchemaValidator }

/** A compiled query: the same test for the store's scans, the transactions' overlays and the service. */
export function compile(query: Doc): (doc: Doc) => boolean {
  const q = new Query(query, mingoOptions)
  return (doc) => q.test(doc)
}

/** Documents matching `query`, with a projection, as a cursor to sort, skip and limit. */
export function find(docs: Doc[], query: Doc, projection?: Doc) {
  return new Query(query, mingoOptions).find<Doc>(docs, projection)
}

export function aggregate(docs: Doc[], pipeline: Doc[], options: Partial<Options> = {}): Doc[] {
  return new Aggregator(pipeline, { ...mingoOptions, ...options }).run(docs) as Doc[]
}

/** Applies update operators to `doc` in place; answers the fields changed. */
export function update(doc: Doc, modifier: Doc): string[] {
  return mingoUpdate(doc, modifier as never, undefined, undefined, { queryOptions: mingoOptions })
}
