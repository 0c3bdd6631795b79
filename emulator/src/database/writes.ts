/**
 * What the service refuses to store: a field name starting with `$` (MongoDB: "not valid for storage").
 * The SDK's own test: `add({$_key: 1})` answers DATABASE_REQUEST_FAILED. Checked on the data of add, set and
 * update before anything is read or written, so a refused write writes nothing.
 */
import type { Doc } from './ejson'
import { requestFailed } from './errors'

/** MongoDB's update operators (those the SDK's db.command makes, and the rest of the list). */
const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$setOnInsert',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$currentDate',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$bit',
])
/** Operators whose values become stored values ($push and $addToSet may wrap them in `{$each, …}`). */
const STORING = new Set(['$set', '$setOnInsert', '$push', '$addToSet'])
/** A path segment that is not a field name: the positional `$`, `$[]` and `$[name]`. */
const POSITIONAL = /^\$(\[[A-Za-z0-9_]*\])?$/

/** A document (or value) to be stored: no field name at any depth may start with `$`. */
export function assertStorable(value: unknown, path = ''): void {
  if (value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertStorable(v, `${path}.${i}`))
    return
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return // a Date, RegExp, ObjectId: a value, not a document
  for (const k in value) {
    if (k[0] === '$') throw dollarField(k, path ? `${path}.${k}` : k)
    const v = (value as Record<string, unknown>)[k]
    if (v !== null && typeof v === 'object') assertStorable(v, path ? `${path}.${k}` : k)
  }
}

/** Update data: known operators only, field paths without `$` names, stored values storable. */
export function assertUpdate(data: Doc): void {
  for (const [op, arg] of Object.entries(data)) {
    if (!op.startsWith('$')) {
      assertStorable({ [op]: arg }) // a plain field beside operators: set as it is
      continue
    }
    if (!UPDATE_OPERATORS.has(op)) throw requestFailed(`Unknown modifier: ${op}`)
    if (!arg || typeof arg !== 'object') continue
    for (const [path, value] of Object.entries(arg as Doc)) {
      const bad = path.split('.').find((part) => part.startsWith('$') && !POSITIONAL.test(part))
      if (bad) throw dollarField(bad, path)
      if (STORING.has(op)) assertStorable(eachOf(value), path)
    }
  }
}

/** `{$each: [...], $sort, $slice, $position}` of $push/$addToSet: the values are the $each list. */
function eachOf(value: unknown): unknown {
  return value && typeof value === 'object' && '$each' in value ? (value as { $each: unknown }).$each : value
}

function dollarField(name: string, path: string) {
  return requestFailed(`The dollar ($) prefixed field '${name}' in '${path}' is not valid for storage.`)
}
