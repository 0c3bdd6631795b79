/**
 * Geo queries as the service runs them (MongoDB's 2dsphere model over GeoJSON, distances in metres on
 * a sphere of 6378100 m): the query operators $near / $nearSphere (what the SDK sends for
 * `db.command.geoNear`), $geoWithin ($geometry, $centerSphere) and $geoIntersects, registered with
 * mingo with the other operators (operators.ts: a `Context` passed in the query options), and the
 * aggregate $geoNear stage. CloudBase requires a 2dsphere index for geo queries ("要使用地理位置查询
 * 功能时，必须建立地理位置索引", https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/geo.html);
 * MongoDB answers $near / $geoNear without one "unable to find index for $geoNear query".
 * https://www.mongodb.com/docs/manual/reference/operator/query-geospatial/
 */
import { cloneDeep } from 'mingo/util'
import {
  distanceTo,
  EARTH_RADIUS_M,
  intersects,
  parseShape,
  position,
  type Shape,
  within,
  withinCap,
} from './geo-shapes'
import type { Doc } from './ejson'
import { requestFailed } from './errors'

const NEAR = ['$near', '$nearSphere'] as const
const GEO = [...NEAR, '$geoWithin', '$geoIntersects']

/**
 * The values a path reaches: an array along the path fans out (MongoDB's multikey paths), and an array
 * at the end is several values unless it is itself a coordinate pair.
 */
export function valuesAt(doc: unknown, path: string): unknown[] {
  let values: unknown[] = [doc]
  for (const part of path.split('.')) {
    const next: unknown[] = []
    for (const v of values) {
      if (Array.isArray(v) && !/^\d+$/.test(part)) next.push(...v.map((x) => field(x, part)))
      else next.push(field(v, part))
    }
    values = next
  }
  return values.flatMap((v) => (Array.isArray(v) && !position(v) ? v : [v])).filter((v) => v != null)
}

const field = (v: unknown, key: string) =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined

/**
 * Parsed geometries by value: stored documents are frozen and cached by the store, so a value object
 * stands for the same geometry in every later query (parsing is most of a distance's cost).
 */
const parsed = new WeakMap<object, Shape | null>()

function shapeOf(value: unknown): Shape | undefined {
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) return parseShape(value)
  let shape = parsed.get(value)
  if (shape === undefined) parsed.set(value, (shape = parseShape(value) ?? null))
  return shape ?? undefined
}

/** Each geometry a document holds at a path (values that are not geometries are skipped). */
function shapesAt(doc: unknown, path: string): { shape: Shape; value: unknown }[] {
  return valuesAt(doc, path).flatMap((value) => {
    const shape = shapeOf(value)
    return shape ? [{ shape, value }] : []
  })
}

/**
 * What a 2dsphere index refuses on write, as MongoDB does ("Can't extract geo keys"): a value at the
 * path that is not a geometry (missing, null and empty arrays are fine: the index is sparse).
 */
export function assertGeoValue(coll: string, path: string, doc: Doc): void {
  for (const v of valuesAt(doc, path)) {
    if (!parseShape(v)) {
      throw requestFailed(`Can't extract geo keys: ${coll}.${path} = ${JSON.stringify(v)} is not a GeoJSON geometry`)
    }
  }
}

interface Near {
  point: readonly [number, number, number]
  min: number
  max: number
}

/** `{$geometry: Point, $minDistance?, $maxDistance?}` in metres (the GeoJSON form; the legacy form is not taken). */
function nearSpec(op: string, value: unknown): Near {
  const v = (value ?? {}) as {
    $geometry?: { type?: string; coordinates?: unknown }
    $minDistance?: unknown
    $maxDistance?: unknown
  }
  const point = v.$geometry?.type === 'Point' ? position(v.$geometry.coordinates) : undefined
  if (!point)
    throw requestFailed(`${op} needs {$geometry: a GeoJSON Point} (emulator: the legacy form is not emulated)`)
  const min = distance(op, '$minDistance', v.$minDistance, 0)
  const max = distance(op, '$maxDistance', v.$maxDistance, Infinity)
  return { point, min, max }
}

function distance(op: string, name: string, v: unknown, missing: number): number {
  if (v === undefined || v === null) return missing
  if (typeof v !== 'number' || !(v >= 0)) throw requestFailed(`${op}: ${name} must be a non-negative number`)
  return v
}

/** Metres from a point to the nearest geometry a document holds at `path` (Infinity when none). */
function metresTo(doc: unknown, path: string, point: Near['point']): { metres: number; value?: unknown } {
  let best: { metres: number; value?: unknown } = { metres: Infinity }
  for (const { shape, value } of shapesAt(doc, path)) {
    const metres = distanceTo(point, shape) * EARTH_RADIUS_M
    if (metres < best.metres) best = { metres, value }
  }
  return best
}

type Test = (doc: Record<string, unknown>) => boolean
/** mingo's query operator signature (the options, third, are not needed here). */
type GeoOperator = (selector: string, value: unknown, _options?: unknown) => Test

function near(op: string) {
  return (selector: string, value: unknown): Test => {
    const n = nearSpec(op, value)
    return (doc) => {
      const { metres } = metresTo(doc, selector, n.point)
      // No geometry at the path: not in the (sparse) 2dsphere index, so never near anything.
      return Number.isFinite(metres) && metres >= n.min && metres <= n.max
    }
  }
}

function geoWithin(selector: string, value: unknown): Test {
  const v = (value ?? {}) as { $geometry?: unknown; $centerSphere?: unknown }
  if (v.$centerSphere !== undefined) {
    const [centre, radius] = Array.isArray(v.$centerSphere) ? v.$centerSphere : []
    const c = position(centre)
    if (!c || typeof radius !== 'number' || !(radius >= 0)) {
      throw requestFailed('$centerSphere needs [[longitude, latitude], radius in radians]')
    }
    return (doc) => shapesAt(doc, selector).some(({ shape }) => withinCap(shape, c, radius))
  }
  const area = parseShape(v.$geometry)
  const type = (v.$geometry as { type?: unknown } | undefined)?.type
  if (!area || (type !== 'Polygon' && type !== 'MultiPolygon')) {
    throw requestFailed('$geoWithin needs {$geometry: a GeoJSON Polygon or MultiPolygon} or {$centerSphere}')
  }
  return (doc) => shapesAt(doc, selector).some(({ shape }) => within(shape, area))
}

function geoIntersects(selector: string, value: unknown): Test {
  const geometry = (value as { $geometry?: unknown } | undefined)?.$geometry
  const g = geometry && typeof geometry === 'object' && 'type' in geometry ? parseShape(geometry) : undefined
  if (!g) {
    throw requestFailed('$geoIntersects needs {$geometry: a GeoJSON geometry}')
  }
  return (doc) => shapesAt(doc, selector).some(({ shape }) => intersects(shape, g))
}

/** The geo query operators, registered with the others in operators.ts' mingo context. */
export const geoQueryOps: Record<string, GeoOperator> = {
  $near: near('$near'),
  $nearSphere: near('$nearSphere'),
  $geoWithin: geoWithin,
  $geoIntersects: geoIntersects,
}

/** The fields a query puts geo operators on, with whether the operator is a $near. */
function geoConditions(query: unknown, out: { path: string; near: boolean; top: boolean }[] = [], top = true) {
  if (query === null || typeof query !== 'object') return out
  if (Array.isArray(query)) {
    query.forEach((q) => geoConditions(q, out, top))
    return out
  }
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) v.forEach((q) => geoConditions(q, out, top))
    else if (k.startsWith('$')) geoConditions(v, out, false)
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const op of Object.keys(v)) {
        if (GEO.includes(op)) out.push({ path: k, near: (NEAR as readonly string[]).includes(op), top })
      }
      if ('$elemMatch' in v || '$not' in v) geoConditions(v, out, false)
    }
  }
  return out
}

/**
 * Refuses what the service refuses before reading: a geo operator on a field without a 2dsphere index,
 * a $near that is not a top-level condition (MongoDB: "not allowed in this context"), or two of them.
 */
export function assertGeoQuery(query: unknown, geoIndexed: string[]): void {
  const conditions = geoConditions(query)
  for (const c of conditions) {
    if (!geoIndexed.includes(c.path)) {
      throw requestFailed(
        c.near
          ? `error processing query: planner returned error: unable to find index for $geoNear query (${c.path} has no 2dsphere index)`
          : `geo query on ${c.path}: a 2dsphere index is required (必须建立地理位置索引)`,
      )
    }
  }
  const nears = conditions.filter((c) => c.near)
  if (nears.some((c) => !c.top)) throw requestFailed('$geoNear, $near, and $nearSphere are not allowed in this context')
  if (nears.length > 1) throw requestFailed('Too many geoNear expressions')
}

/** A $near inside an aggregate's $match or $geoNear's query: MongoDB refuses it there. */
export function refuseNear(query: unknown): void {
  if (geoConditions(query).some((c) => c.near)) {
    throw requestFailed('$geoNear, $near, and $nearSphere are not allowed in this context')
  }
}

/** For a $near query: each document's distance in metres from the point, to order them nearest first. */
export function nearOrder(query: unknown): ((doc: Doc) => number) | undefined {
  const c = geoConditions(query).find((x) => x.near && x.top)
  if (!c) return undefined
  const cond = findCondition(query as Doc, c.path) as Record<string, unknown>
  const op = NEAR.find((o) => o in cond) as string
  const { point } = nearSpec(op, cond[op])
  return (doc) => metresTo(doc, c.path, point).metres
}

function findCondition(query: Doc, path: string): unknown {
  if (path in query) return query[path]
  for (const sub of (query.$and as Doc[] | undefined) ?? []) {
    const found = findCondition(sub, path)
    if (found) return found
  }
  return undefined
}

export function sortByDistance<T extends Doc>(docs: T[], distanceOf: (doc: Doc) => number): T[] {
  return docs
    .map((doc) => ({ doc, d: distanceOf(doc) }))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.doc)
}

/**
 * The aggregate $geoNear stage (MongoDB's options: near, distanceField, spherical, maxDistance,
 * minDistance, query, key, includeLocs, distanceMultiplier) over the documents its `query` matched
 * (copies: it writes the distance into them).
 * A GeoJSON `near` measures in metres; a legacy [lng, lat] pair in radians, as MongoDB does.
 * https://www.mongodb.com/docs/manual/reference/operator/aggregation/geoNear/
 */
export function geoNearStage(spec: unknown, geoIndexed: string[], docs: Doc[]): Doc[] {
  const s = (spec ?? {}) as Record<string, unknown>
  if (typeof s.distanceField !== 'string' || !s.distanceField) {
    throw requestFailed("$geoNear requires a 'distanceField' option as a String")
  }
  const geojson = s.near && !Array.isArray(s.near) && (s.near as { type?: unknown }).type === 'Point'
  const point = position(geojson ? (s.near as { coordinates?: unknown }).coordinates : s.near)
  if (!point) throw requestFailed("$geoNear requires a 'near' option: a GeoJSON Point or [longitude, latitude]")
  const key = geoNearKey(s.key, geoIndexed)
  refuseNear(s.query)
  const scale = geojson ? EARTH_RADIUS_M : 1
  const min = distance('$geoNear', 'minDistance', s.minDistance, 0)
  const max = distance('$geoNear', 'maxDistance', s.maxDistance, Infinity)
  const multiplier = s.distanceMultiplier === undefined ? 1 : Number(s.distanceMultiplier)
  const out: { doc: Doc; d: number }[] = []
  for (const doc of docs) {
    const { metres, value } = metresTo(doc, key, point)
    if (!Number.isFinite(metres)) continue // no geometry at the key: not in the index $geoNear walks
    const d = (metres / EARTH_RADIUS_M) * scale
    if (!(d >= min && d <= max)) continue
    setPath(doc, s.distanceField, d * multiplier)
    if (typeof s.includeLocs === 'string' && s.includeLocs) setPath(doc, s.includeLocs, cloneDeep(value))
    out.push({ doc, d })
  }
  return out.sort((a, b) => a.d - b.d).map((x) => x.doc)
}

/** `key`, or the collection's only 2dsphere field (MongoDB: with several indexes the key must be given). */
function geoNearKey(key: unknown, geoIndexed: string[]): string {
  if (typeof key === 'string' && key) {
    if (!geoIndexed.includes(key)) throw requestFailed(`$geoNear: no 2dsphere index on ${key}`)
    return key
  }
  if (geoIndexed.length === 0) throw requestFailed('$geoNear requires a 2d or 2dsphere index, but none were found')
  if (geoIndexed.length > 1)
    throw requestFailed('There is more than one 2dsphere index; unsure which to use for $geoNear')
  return geoIndexed[0]
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.')
  let o = doc as Record<string, unknown>
  for (const p of parts.slice(0, -1)) {
    if (o[p] === null || typeof o[p] !== 'object') o[p] = {}
    o = o[p] as Record<string, unknown>
  }
  o[parts[parts.length - 1]] = value
}
