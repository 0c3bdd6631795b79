/** The local CloudBase's spherical geometry (emulator/src/database/geo-shapes.ts) where a flat-map shortcut would be wrong. */
import {
  angle,
  distanceTo,
  EARTH_RADIUS_M,
  intersects,
  parseShape,
  type Shape,
  toVec,
  within,
  withinCap,
} from '../../emulator/src/database/geo-shapes'

const RAD = Math.PI / 180
const shape = (geometry: object): Shape => parseShape(geometry)!
const ring = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
]
const square = (x0: number, y0: number, x1: number, y1: number) =>
  shape({ type: 'Polygon', coordinates: [ring(x0, y0, x1, y1)] })

it('measures across the antimeridian: 179.9° E and 179.9° W are 0.2° apart', () => {
  expect(angle(toVec(179.9, 0), toVec(-179.9, 0))).toBeCloseTo(0.2 * RAD, 12)
  expect(angle(toVec(0, 0), toVec(180, 0))).toBeCloseTo(Math.PI, 12)
})

it('measures to a line along the great circle, or to its nearer end past it', () => {
  const equator = shape({
    type: 'LineString',
    coordinates: [
      [-1, 0],
      [1, 0],
    ],
  })
  expect(distanceTo(toVec(0, 1), equator)).toBeCloseTo(1 * RAD, 12)
  expect(distanceTo(toVec(2, 0), equator)).toBeCloseTo(1 * RAD, 12)
  // A great-circle edge between two points on the 60th parallel bulges north of it: its midpoint is
  // nearer the pole than the parallel is (a flat lng/lat segment would say 30°).
  const chord = shape({
    type: 'LineString',
    coordinates: [
      [-90, 60],
      [90, 60],
    ],
  })
  expect(distanceTo(toVec(0, 90), chord)).toBeCloseTo(0, 9)
})

it('puts a point inside a polygon, on a polygon across the antimeridian too, and not in its hole', () => {
  const pacific = square(179, -1, -179, 1)
  expect(distanceTo(toVec(180, 0), pacific)).toBe(0)
  expect(distanceTo(toVec(-179.5, 0.5), pacific)).toBe(0)
  expect(distanceTo(toVec(0, 0), pacific)).toBeGreaterThan(3)
  const withHole = shape({
    type: 'Polygon',
    coordinates: [ring(-2, -2, 2, 2), ring(-1, -1, 1, 1)],
  })
  expect(distanceTo(toVec(0, 0), withHole) * EARTH_RADIUS_M).toBeCloseTo(1 * RAD * EARTH_RADIUS_M, 0)
  expect(distanceTo(toVec(1.5, 0), withHole)).toBe(0)
})

it('within: every vertex inside is not enough when an edge leaves the area (a concave U)', () => {
  const u = shape({
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [3, 0],
        [3, 3],
        [2, 3],
        [2, 1],
        [1, 1],
        [1, 3],
        [0, 3],
        [0, 0],
      ],
    ],
  })
  const acrossTheGap = shape({
    type: 'LineString',
    coordinates: [
      [0.5, 2],
      [2.5, 2],
    ],
  })
  const alongTheBottom = shape({
    type: 'LineString',
    coordinates: [
      [0.5, 0.5],
      [2.5, 0.5],
    ],
  })
  expect(within(acrossTheGap, u)).toBe(false)
  expect(within(alongTheBottom, u)).toBe(true)
  expect(intersects(acrossTheGap, u)).toBe(true)
})

it('intersects: crossing lines do, parallel ones do not; a cap holds what its radius reaches', () => {
  const a = shape({
    type: 'LineString',
    coordinates: [
      [0, -1],
      [0, 1],
    ],
  })
  const b = shape({
    type: 'LineString',
    coordinates: [
      [-1, 0],
      [1, 0],
    ],
  })
  const c = shape({
    type: 'LineString',
    coordinates: [
      [-1, 2],
      [1, 2],
    ],
  })
  expect(intersects(a, b)).toBe(true)
  expect(intersects(b, c)).toBe(false)
  const points = (...coordinates: number[][]) => shape({ type: 'MultiPoint', coordinates })
  expect(withinCap(points([0, 0.9], [0.9, 0]), toVec(0, 0), 1 * RAD)).toBe(true)
  expect(withinCap(points([0, 0.9], [1.1, 0]), toVec(0, 0), 1 * RAD)).toBe(false)
})

it('reads GeoJSON and legacy pairs, and nothing else, as MongoDB bounds them', () => {
  expect(parseShape({ type: 'Point', coordinates: [117, 36] })).toBeDefined()
  expect(parseShape([117, 36])).toBeDefined()
  expect(parseShape({ lng: 117, lat: 36 })).toBeDefined()
  expect(parseShape({ type: 'Point', coordinates: [181, 0] })).toBeUndefined()
  expect(parseShape({ type: 'Point', coordinates: [0, 91] })).toBeUndefined()
  expect(
    parseShape({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    }),
  ).toBeUndefined() // not closed
  expect(parseShape({ type: 'MultiPoint', coordinates: [] })).toBeUndefined()
  expect(parseShape('泉城广场')).toBeUndefined()
  // A ring round the equator has no inside smaller than a hemisphere: MongoDB's custom CRS only.
  expect(
    parseShape({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [120, 0],
          [-120, 0],
          [0, 0],
        ],
      ],
    }),
  ).toBeUndefined()
})
