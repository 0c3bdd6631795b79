/**
 * GeoJSON on a sphere, as MongoDB's 2dsphere model reads it: positions are [longitude, latitude] in
 * degrees, edges are great-circle arcs, distances are angles (radians) that callers scale by
 * EARTH_RADIUS_M. Positions become unit vectors, so every test below is a few dot and cross products.
 * https://www.mongodb.com/docs/manual/geospatial-queries/#geospatial-models
 */

/** MongoDB's kRadiusOfEarthInMeters: the sphere its 2dsphere distances are measured on. */
export const EARTH_RADIUS_M = 6378100

type Vec = readonly [number, number, number]

/** A geometry reduced to what the tests need: its points, its polylines and its polygons (rings, outer first). */
export interface Shape {
  points: Vec[]
  lines: Vec[][]
  polygons: Vec[][][]
}

const RAD = Math.PI / 180
/** Below this angle (about 6 µm on the earth) two positions are the same: coordinates are decimal degrees. */
const SAME = 1e-12

export function toVec(lng: number, lat: number): Vec {
  const φ = lat * RAD
  const λ = lng * RAD
  return [Math.cos(φ) * Math.cos(λ), Math.cos(φ) * Math.sin(λ), Math.sin(φ)]
}

const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
const norm = (a: Vec) => Math.sqrt(dot(a, a))
const unit = (a: Vec): Vec => {
  const n = norm(a)
  return [a[0] / n, a[1] / n, a[2] / n]
}

/** The great-circle angle between two unit vectors (atan2 form: exact for tiny and near-antipodal angles). */
export function angle(a: Vec, b: Vec): number {
  return Math.atan2(norm(cross(a, b)), dot(a, b))
}

/** A [longitude, latitude] position inside MongoDB's bounds; undefined otherwise. */
export function position(p: unknown): Vec | undefined {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') return undefined
  const [lng, lat] = p as number[]
  return Math.abs(lng) <= 180 && Math.abs(lat) <= 90 ? toVec(lng, lat) : undefined
}

function positions(c: unknown, min: number): Vec[] | undefined {
  if (!Array.isArray(c) || c.length < min) return undefined
  const out = c.map(position)
  return out.every((v) => v !== undefined) ? (out as Vec[]) : undefined
}

/**
 * A closed ring (at least 4 positions, last = first), without its closing repeat. A ring that does not
 * fit in the hemisphere around its mean direction is refused: MongoDB reads such polygons through its
 * custom CRS only, which is not emulated (refused rather than answered differently).
 */
function ring(c: unknown): Vec[] | undefined {
  const ps = positions(c, 4)
  if (!ps) return undefined
  const first = (c as number[][])[0]
  const last = (c as number[][])[ps.length - 1]
  if (first[0] !== last[0] || first[1] !== last[1]) return undefined
  const r = ps.slice(0, -1)
  const mean = sumOf(r)
  return norm(mean) > SAME && r.every((v) => dot(v, mean) > 0) ? r : undefined
}

const sumOf = (vs: Vec[]) => vs.reduce<Vec>((acc, v) => [acc[0] + v[0], acc[1] + v[1], acc[2] + v[2]], [0, 0, 0])

function polygon(c: unknown): Vec[][] | undefined {
  if (!Array.isArray(c) || c.length === 0) return undefined
  const rings = c.map(ring)
  return rings.every((r) => r !== undefined) ? (rings as Vec[][]) : undefined
}

function all<T>(c: unknown, one: (x: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(c) || c.length === 0) return undefined
  const out = c.map(one)
  return out.every((v) => v !== undefined) ? (out as T[]) : undefined
}

const empty = (): Shape => ({ points: [], lines: [], polygons: [] })

/**
 * A GeoJSON geometry (Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon,
 * GeometryCollection) or a legacy coordinate pair (`[lng, lat]`, or an object whose first two values
 * are numbers, which a 2dsphere index reads as a point); undefined when the value is neither.
 */
export function parseShape(v: unknown): Shape | undefined {
  if (Array.isArray(v)) {
    const p = position(v)
    return p && { ...empty(), points: [p] }
  }
  if (v === null || typeof v !== 'object') return undefined
  const o = v as Record<string, unknown>
  if (!('type' in o)) {
    const values = Object.values(o)
    return values.length >= 2 ? parseShape(values.slice(0, 2)) : undefined
  }
  const c = o.coordinates
  const s = empty()
  switch (o.type) {
    case 'Point': {
      const p = position(c)
      return p && { ...s, points: [p] }
    }
    case 'MultiPoint': {
      const ps = positions(c, 1)
      return ps && { ...s, points: ps }
    }
    case 'LineString': {
      const l = positions(c, 2)
      return l && { ...s, lines: [l] }
    }
    case 'MultiLineString': {
      const ls = all(c, (x) => positions(x, 2))
      return ls && { ...s, lines: ls }
    }
    case 'Polygon': {
      const p = polygon(c)
      return p && { ...s, polygons: [p] }
    }
    case 'MultiPolygon': {
      const ps = all(c, polygon)
      return ps && { ...s, polygons: ps }
    }
    case 'GeometryCollection': {
      const parts = all(o.geometries, parseShape)
      if (!parts) return undefined
      return {
        points: parts.flatMap((p) => p.points),
        lines: parts.flatMap((p) => p.lines),
        polygons: parts.flatMap((p) => p.polygons),
      }
    }
    default:
      return undefined
  }
}

/** Every position of a shape: its points, line vertices and ring vertices. */
function vertices(s: Shape): Vec[] {
  return [...s.points, ...s.lines.flat(), ...s.polygons.flat(2)]
}

/** Every edge of a shape: line segments and ring edges (rings closed again). */
function edges(s: Shape): [Vec, Vec][] {
  const out: [Vec, Vec][] = []
  for (const l of s.lines) for (let i = 1; i < l.length; i++) out.push([l[i - 1], l[i]])
  for (const r of s.polygons.flat()) for (let i = 0; i < r.length; i++) out.push([r[i], r[(i + 1) % r.length]])
  return out
}

/**
 * Whether arcs AB and CD cross at a point interior to both: the four triangles ACB, BDA, CBD and DAC
 * turn the same way (the usual orientation test for great-circle edges shorter than half a circle).
 */
function crosses(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  const ab = cross(a, b)
  const acb = -dot(ab, c)
  const bda = dot(ab, d)
  if (acb * bda <= 0) return false
  const cd = cross(c, d)
  return acb * -dot(cd, b) > 0 && acb * dot(cd, a) > 0
}

/** The angle from P to the arc AB (to its nearest point, an end or the foot of the perpendicular). */
function toArc(p: Vec, a: Vec, b: Vec): number {
  const n = cross(a, b)
  const nn = norm(n)
  if (nn < SAME) return angle(p, a)
  const k = dot(p, n) / (nn * nn)
  const foot: Vec = [p[0] - k * n[0], p[1] - k * n[1], p[2] - k * n[2]]
  if (norm(foot) > SAME && dot(cross(a, foot), n) >= 0 && dot(cross(foot, b), n) >= 0) return angle(p, unit(foot))
  return Math.min(angle(p, a), angle(p, b))
}

/**
 * Whether P is inside a ring: the arc from P to a point surely outside crosses the ring an odd number of
 * times. The outside point is opposite the ring's mean direction, which is outside any ring that fits in
 * a hemisphere (MongoDB's GeoJSON polygons must: larger ones need its custom CRS, not emulated).
 */
function inRing(p: Vec, r: Vec[]): boolean {
  const sum = sumOf(r)
  // Nudged off the exact antipode so that P at the ring's centre still has a defined arc to it.
  const out = unit([-sum[0] / norm(sum) + 1e-7, -sum[1] / norm(sum) + 2e-7, -sum[2] / norm(sum) + 3e-7])
  let inside = false
  for (let i = 0; i < r.length; i++) if (crosses(p, out, r[i], r[(i + 1) % r.length])) inside = !inside
  return inside
}

function inPolygon(p: Vec, rings: Vec[][]): boolean {
  return inRing(p, rings[0]) && !rings.slice(1).some((hole) => inRing(p, hole))
}

/** The angle from P to the nearest point of a shape (0 inside one of its polygons). */
export function distanceTo(p: Vec, s: Shape): number {
  if (s.polygons.some((poly) => inPolygon(p, poly))) return 0
  let best = Infinity
  for (const q of s.points) best = Math.min(best, angle(p, q))
  for (const [a, b] of edges(s)) best = Math.min(best, toArc(p, a, b))
  return best
}

/** Whether a position lies on a shape: at one of its points, on one of its edges or inside one of its polygons. */
function covers(s: Shape, p: Vec): boolean {
  return (
    s.points.some((q) => angle(p, q) < SAME) ||
    edges(s).some(([a, b]) => toArc(p, a, b) < SAME) ||
    s.polygons.some((poly) => inPolygon(p, poly))
  )
}

/** $geoIntersects: the shapes share a point (a vertex of one on the other, or two edges crossing). */
export function intersects(a: Shape, b: Shape): boolean {
  if (vertices(a).some((v) => covers(b, v)) || vertices(b).some((v) => covers(a, v))) return true
  const eb = edges(b)
  return edges(a).some(([p, q]) => eb.some(([r, s]) => crosses(p, q, r, s)))
}

/** $geoWithin $centerSphere: every vertex within `radius` radians of the centre (a cap below a hemisphere is convex). */
export function withinCap(s: Shape, centre: Vec, radius: number): boolean {
  return vertices(s).every((v) => angle(v, centre) <= radius)
}

/**
 * $geoWithin $geometry: each part of the shape lies in one polygon of `area`: its vertices inside it,
 * none of its edges crossing the polygon's rings, and (for a polygon) no hole of the area inside it.
 */
export function within(s: Shape, area: Shape): boolean {
  const partWithin = (verts: Vec[], part: Shape) =>
    area.polygons.some((poly) => {
      if (!verts.every((v) => inPolygon(v, poly))) return false
      const ringEdges = edges({ ...empty(), polygons: [poly] })
      if (edges(part).some(([p, q]) => ringEdges.some(([r, t]) => crosses(p, q, r, t)))) return false
      return part.polygons.length === 0 || !poly.slice(1).some((hole) => hole.some((v) => covers(part, v)))
    })
  return (
    s.points.every((p) => partWithin([p], empty())) &&
    s.lines.every((l) => partWithin(l, { ...empty(), lines: [l] })) &&
    s.polygons.every((poly) => partWithin(poly.flat(), { ...empty(), polygons: [poly] }))
  )
}
