/**
 * `$jsonSchema` (db.command.jsonSchema) as MongoDB takes it: JSON Schema draft 4 with `bsonType`, without
 * `$ref`, `$schema`, `default`, `definitions`, `format`, `id` nor the `integer` type; any other keyword is
 * refused (https://www.mongodb.com/docs/manual/reference/operator/query/jsonSchema/, "Available Keywords"
 * and "Omissions"). As in JSON Schema, a keyword constrains only values of its own kind (`minimum` numbers,
 * `required` objects, …). mingo 7 evaluates `$jsonSchema` only through a validator given in its options.
 */
import { invalidParam } from './errors'

type Schema = Record<string, unknown>
type Check = (value: unknown) => boolean

const TYPES: Record<string, (v: unknown) => boolean> = {
  object: (v) => isObject(v),
  array: Array.isArray,
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
}
// A JS number is stored by the driver as a 32-bit int when it is one, otherwise as a double.
const isInt32 = (v: unknown) => Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31
const BSON_TYPES: Record<string, (v: unknown) => boolean> = {
  object: TYPES.object,
  array: TYPES.array,
  number: TYPES.number,
  string: TYPES.string,
  null: TYPES.null,
  bool: TYPES.boolean,
  double: (v) => typeof v === 'number' && !isInt32(v),
  int: isInt32,
  long: () => false,
  decimal: () => false,
  date: (v) => v instanceof Date,
  regex: (v) => v instanceof RegExp,
  objectId: (v) => (v as { _bsontype?: string } | null)?._bsontype === 'ObjectId',
}

/** Compiles a schema once (refusing what MongoDB refuses) into a test of one document. */
export function jsonSchemaValidator(schema: Record<string, unknown>): (doc: unknown) => boolean {
  if (!isObject(schema)) throw invalidParam('$jsonSchema must be an object')
  return compile(schema)
}

function compile(schema: Schema): Check {
  const checks = Object.entries(schema).map(([keyword, arg]) => keywordCheck(keyword, arg))
  checks.push(withSiblings(schema))
  return (v) => checks.every((check) => check(v))
}

function keywordCheck(keyword: string, arg: unknown): Check {
  switch (keyword) {
    case 'title':
    case 'description':
      return () => true
    case 'type':
    case 'bsonType': {
      const table = keyword === 'type' ? TYPES : BSON_TYPES
      const names = Array.isArray(arg) ? arg : [arg]
      const tests = names.map((n) => table[n as string] ?? refuse(`${keyword} "${String(n)}" is not supported`))
      return (v) => tests.some((t) => t(v))
    }
    case 'enum': {
      const values = arrayArg(keyword, arg)
      return (v) => values.some((e) => sameValue(e, v))
    }
    case 'minimum':
    case 'maximum':
    case 'multipleOf':
      return numberKeyword(keyword, numberArg(keyword, arg))
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      if (typeof arg !== 'boolean') refuse(`${keyword} must be a boolean (draft 4)`)
      return () => true // read together with minimum/maximum, below
    case 'minLength':
      return ofKind('string', (s) => [...s].length >= countArg(keyword, arg))
    case 'maxLength':
      return ofKind('string', (s) => [...s].length <= countArg(keyword, arg))
    case 'pattern': {
      const re = new RegExp(String(arg), 'u')
      return ofKind('string', (s) => re.test(s))
    }
    case 'minItems':
      return ofKind('array', (a) => a.length >= countArg(keyword, arg))
    case 'maxItems':
      return ofKind('array', (a) => a.length <= countArg(keyword, arg))
    case 'uniqueItems':
      return ofKind('array', (a) => !arg || a.every((x, i) => a.findIndex((y) => sameValue(x, y)) === i))
    case 'items': {
      if (Array.isArray(arg)) {
        const each = arg.map((s) => compile(schemaArg(keyword, s)))
        return ofKind('array', (a) => each.every((check, i) => i >= a.length || check(a[i])))
      }
      const each = compile(schemaArg(keyword, arg))
      return ofKind('array', (a) => a.every(each))
    }
    case 'additionalItems':
      return () => true // applied with an `items` list, in itemsWithAdditional
    case 'required': {
      const names = arrayArg(keyword, arg) as string[]
      return ofKind('object', (o) => names.every((n) => o[n] !== undefined))
    }
    case 'minProperties':
      return ofKind('object', (o) => Object.keys(o).length >= countArg(keyword, arg))
    case 'maxProperties':
      return ofKind('object', (o) => Object.keys(o).length <= countArg(keyword, arg))
    case 'properties': {
      const props = Object.entries(schemaArg(keyword, arg)).map(([k, s]) => [k, compile(schemaArg(k, s))] as const)
      return ofKind('object', (o) => props.every(([k, check]) => o[k] === undefined || check(o[k])))
    }
    case 'patternProperties': {
      const pats = Object.entries(schemaArg(keyword, arg)).map(
        ([p, s]) => [new RegExp(p, 'u'), compile(schemaArg(p, s))] as const,
      )
      return ofKind('object', (o) =>
        Object.entries(o).every(([k, v]) => pats.every(([re, check]) => !re.test(k) || check(v))),
      )
    }
    case 'additionalProperties':
      return () => true // needs properties and patternProperties: see withSiblings
    case 'dependencies': {
      const deps = Object.entries(schemaArg(keyword, arg)).map(([k, d]) => {
        const check: Check = Array.isArray(d)
          ? (o) => d.every((n) => (o as Schema)[n as string] !== undefined)
          : compile(schemaArg(k, d))
        return [k, check] as const
      })
      return ofKind('object', (o) => deps.every(([k, check]) => o[k] === undefined || check(o)))
    }
    case 'allOf':
    case 'anyOf':
    case 'oneOf': {
      const subs = arrayArg(keyword, arg).map((s) => compile(schemaArg(keyword, s)))
      if (keyword === 'allOf') return (v) => subs.every((s) => s(v))
      if (keyword === 'anyOf') return (v) => subs.some((s) => s(v))
      return (v) => subs.filter((s) => s(v)).length === 1
    }
    case 'not': {
      const sub = compile(schemaArg(keyword, arg))
      return (v) => !sub(v)
    }
    default:
      return refuse(`Unknown $jsonSchema keyword: ${keyword}`)
  }
}

/** Keywords read with their siblings are bound here: the schema object is passed whole. */
function withSiblings(schema: Schema): Check {
  const checks: Check[] = []
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema
  if (minimum !== undefined && exclusiveMinimum === true) checks.push(ofKind('number', (n) => n !== minimum))
  if (maximum !== undefined && exclusiveMaximum === true) checks.push(ofKind('number', (n) => n !== maximum))
  if (Array.isArray(schema.items) && schema.additionalItems !== undefined) {
    const extra = schema.additionalItems
    const count = schema.items.length
    const check =
      extra === false ? () => false : extra === true ? () => true : compile(schemaArg('additionalItems', extra))
    checks.push(ofKind('array', (a) => a.slice(count).every(check)))
  }
  if (schema.additionalProperties !== undefined) {
    const extra = schema.additionalProperties
    const named = new Set(Object.keys((schema.properties as Schema | undefined) ?? {}))
    const pats = Object.keys((schema.patternProperties as Schema | undefined) ?? {}).map((p) => new RegExp(p, 'u'))
    const check =
      extra === false ? () => false : extra === true ? () => true : compile(schemaArg('additionalProperties', extra))
    checks.push(
      ofKind('object', (o) =>
        Object.entries(o).every(([k, v]) => named.has(k) || pats.some((re) => re.test(k)) || check(v)),
      ),
    )
  }
  return (v) => checks.every((c) => c(v))
}

function numberKeyword(keyword: string, n: number): Check {
  if (keyword === 'minimum') return ofKind('number', (x) => x >= n)
  if (keyword === 'maximum') return ofKind('number', (x) => x <= n)
  if (n <= 0) refuse('multipleOf must be greater than 0')
  return ofKind('number', (x) => Number.isInteger(x / n))
}

function ofKind<K extends 'string' | 'number' | 'array' | 'object'>(
  kind: K,
  test: (
    v: K extends 'string' ? string : K extends 'number' ? number : K extends 'array' ? unknown[] : Schema,
  ) => boolean,
): Check {
  const is = TYPES[kind]
  return (v) => !is(v) || test(v as never)
}

function isObject(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => sameValue(a[k], b[k]))
  }
  return a === b
}

function schemaArg(keyword: string, arg: unknown): Schema {
  return isObject(arg) ? arg : refuse(`$jsonSchema keyword ${keyword} must be an object`)
}
function arrayArg(keyword: string, arg: unknown): unknown[] {
  return Array.isArray(arg) && arg.length > 0 ? arg : refuse(`$jsonSchema keyword ${keyword} must be a non-empty array`)
}
function numberArg(keyword: string, arg: unknown): number {
  return typeof arg === 'number' ? arg : refuse(`$jsonSchema keyword ${keyword} must be a number`)
}
function countArg(keyword: string, arg: unknown): number {
  return Number.isInteger(arg) && (arg as number) >= 0
    ? (arg as number)
    : refuse(`${keyword} must be a non-negative integer`)
}
function refuse(message: string): never {
  throw invalidParam(message)
}
