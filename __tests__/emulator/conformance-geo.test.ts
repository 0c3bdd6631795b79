/**
 * Conformance of geo queries: the unmodified SDK (db.Geo, db.command.geoNear / geoWithin / geoIntersects,
 * aggregate().geoNear) against the local CloudBase, with distances checked against great-circle values
 * computed apart from the emulator (haversine on MongoDB's sphere, R = 6378100 m).
 */
import type * as GeoClasses from '@cloudbase/database/dist/commonjs/geo'
import { loadDeclarations } from '../../emulator/src/database/declarations'
import { startTestCloud, type TestCloud } from '../support/emulator'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({
    declarations: {
      ...loadDeclarations(),
      places: {
        indexes: [
          { name: 'loc', keys: { loc: '2dsphere' } },
          { name: 'area', keys: { area: '2dsphere' } },
          { name: 'kind', keys: { kind: 1 } },
        ],
      },
      attractions: { indexes: [{ name: 'location', keys: { location: '2dsphere' } }] },
      bare: { indexes: [] },
    },
  })
}, 60_000)
afterAll(() => cloud.stop())
beforeEach(() => cloud.emulator.store.clear())

const _ = () => cloud.db.command
// The SDK's typings declare only Point on db.Geo; the other classes are there at run time.
const Geo = () => cloud.db.Geo as unknown as typeof GeoClasses
const places = () => cloud.db.collection('places')
const point = (lng: number, lat: number) => new (Geo().Point)(lng, lat)
const line = (pts: [number, number][]) => new (Geo().LineString)(pts.map(([x, y]) => point(x, y)))
/** The closed ring of a square, corner (x, y), sides of `size` degrees. */
const squareRing = (x: number, y: number, size: number) =>
  line([
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ])

// Jinan. Distances from 泉城广场 by haversine, R = 6378100 m:
//   d = 2R·asin(√(sin²(Δφ/2) + cos φ1·cos φ2·sin²(Δλ/2)))
const SQUARE = [117.0168, 36.6617] as const // 泉城广场
const SPRING = { _id: 'spring', name: '趵突泉', kind: 'sight', at: [117.0139, 36.6608], metres: 277.668 }
const LAKE = { _id: 'lake', name: '大明湖', kind: 'sight', at: [117.0234, 36.6756], metres: 1655.754 }
const HILL = { _id: 'hill', name: '千佛山', kind: 'sight', at: [117.03, 36.64], metres: 2687.935 }
const STATION = { _id: 'station', name: '济南西站', kind: 'station', at: [116.89, 36.67], metres: 11359.909 }
const JINAN = [SPRING, LAKE, HILL, STATION]

async function addJinan() {
  await places().add(JINAN.map(({ _id, name, kind, at }) => ({ _id, name, kind, loc: point(at[0], at[1]) })))
}

const ids = (res: { data: { _id?: unknown }[] }) => res.data.map((d) => d._id)

describe('db.command.geoNear (sent as $nearSphere)', () => {
  it('answers nearest first, within minDistance and maxDistance (metres)', async () => {
    await addJinan()
    const near = (o: { minDistance?: number; maxDistance?: number } = {}) =>
      places()
        .where({ loc: _().geoNear({ geometry: point(...SQUARE), ...o }) })
        .get()
    expect(ids(await near())).toEqual(['spring', 'lake', 'hill', 'station'])
    expect(ids(await near({ maxDistance: 2000 }))).toEqual(['spring', 'lake'])
    expect(ids(await near({ minDistance: 1000, maxDistance: 3000 }))).toEqual(['lake', 'hill'])
    // The boundary is the great-circle distance to the metre: 大明湖 is 1655.754 m away.
    expect(ids(await near({ minDistance: 1655, maxDistance: 1656 }))).toEqual(['lake'])
    expect(ids(await near({ minDistance: 1656, maxDistance: 2000 }))).toEqual([])
  })

  it('combines with other conditions, skip and limit apply after the distance order, orderBy overrides it', async () => {
    await addJinan()
    const nearSquare = _().geoNear({ geometry: point(...SQUARE) })
    expect(ids(await places().where({ loc: nearSquare, kind: 'sight' }).skip(1).limit(1).get())).toEqual(['lake'])
    expect(ids(await places().where({ loc: nearSquare }).orderBy('name', 'asc').limit(1).get())).toEqual(['hill'])
    expect((await places().where({ loc: nearSquare, kind: 'station' }).count()).total).toBe(1)
    // As the lecture list builds its query: _.and of conditions, one of them an _.or.
    const anded = _().and([
      { kind: _().in(['sight', 'station']) },
      _().or([{ name: /泉|湖/ }, { kind: 'station' }]),
      { loc: nearSquare },
    ])
    expect(ids(await places().where(anded).get())).toEqual(['spring', 'lake', 'station'])
    // Under an _.or the service refuses a $near (MongoDB: not allowed in this context).
    await expect(
      places()
        .where(_().or([{ loc: nearSquare }, { kind: 'x' }]))
        .get(),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    })
  })

  it('puts a document holding several points (MultiPoint, an array of points) at its nearest point', async () => {
    await places().add([
      // A walking lecture: its stops are far, then near.
      {
        _id: 'walk',
        loc: new (Geo().MultiPoint)([point(...(STATION.at as [number, number])), point(117.0139, 36.6608)]),
      },
      { _id: 'pair', loc: [point(...(HILL.at as [number, number])), point(...(LAKE.at as [number, number]))] },
      { _id: 'one', loc: point(...(HILL.at as [number, number])) },
    ])
    const near = (maxDistance: number) =>
      places()
        .where({ loc: _().geoNear({ geometry: point(...SQUARE), maxDistance }) })
        .get()
    expect(ids(await near(20_000))).toEqual(['walk', 'pair', 'one'])
    expect(ids(await near(1000))).toEqual(['walk'])
    expect(ids(await near(2000))).toEqual(['walk', 'pair'])
  })
})

describe('aggregate().geoNear', () => {
  it('adds the great-circle distance in metres, nearest first, within 1 m of the haversine value', async () => {
    await addJinan()
    const res = await places()
      .aggregate()
      .geoNear({ near: point(...SQUARE), spherical: true, distanceField: 'dist.m', key: 'loc' })
      .end()
    expect(ids(res)).toEqual(['spring', 'lake', 'hill', 'station'])
    const metres = (res.data as { dist: { m: number } }[]).map((d) => d.dist.m)
    metres.forEach((m, i) => expect(Math.abs(m - JINAN[i].metres)).toBeLessThan(1))
  })

  it("matches the SDK's own test against the service: query, key, includeLocs and the distance it answered", async () => {
    const date = new Date()
    const place = (_id: string, city: string, lng: number, lat: number, at?: Date) => ({
      _id,
      city,
      ...(at ? { date: at } : {}),
      location: { type: 'Point', coordinates: [lng, lat] },
    })
    await cloud.db
      .collection('attractions')
      .add([
        place('geoNear.0', 'Guangzhou', 113.30593, 23.1361155, date),
        place('geoNear.1', 'Hangzhou', 113.306789, 23.1564721, new Date(date.getTime() - 1000)),
        place('geoNear.2', 'Beijing', 116.3949659, 39.9163447, new Date(date.getTime() + 1000)),
        place('geoNear.3', 'Beijing', 116.2328567, 40.242373),
      ])
    const res = await cloud.db
      .collection('attractions')
      .aggregate()
      .geoNear({
        distanceField: 'distance',
        spherical: true,
        near: point(113.3089506, 23.0968251),
        query: { city: /zhou/, date: _().lt(date) },
        key: 'location',
        includeLocs: 'location',
      })
      .end()
    expect(res.data).toHaveLength(1)
    expect(res.data[0].city).toBe('Hangzhou')
    // The service answered 6643.521654040738 (the SDK's test asserts that exact value).
    expect(Math.abs(res.data[0].distance - 6643.521654040738)).toBeLessThan(1e-6)
  })

  it('takes minDistance, maxDistance, distanceMultiplier, includeLocs (the nearest of several points) and later stages', async () => {
    await addJinan()
    await places().add({
      _id: 'walk',
      kind: 'walk',
      loc: [point(...(STATION.at as [number, number])), point(...(LAKE.at as [number, number]))],
    })
    const res = await places()
      .aggregate()
      .geoNear({
        near: point(...SQUARE),
        key: 'loc',
        distanceField: 'km',
        distanceMultiplier: 0.001,
        minDistance: 1000,
        maxDistance: 3000,
        includeLocs: 'nearest',
      })
      .project({ km: true, nearest: true })
      .end()
    expect(ids(res)).toEqual(['lake', 'walk', 'hill'])
    expect(res.data[1].km).toBeCloseTo(LAKE.metres / 1000, 3)
    expect(res.data[1].nearest).toEqual({ type: 'Point', coordinates: LAKE.at })
  })

  it('refuses what MongoDB refuses: not the first stage, no key among several indexes, no distanceField, $near in $match', async () => {
    await addJinan()
    // The SDK rewrites the options it is given (near becomes GeoJSON): a fresh object for each call.
    const geoNear = () => ({ near: point(...SQUARE), distanceField: 'd', key: 'loc' })
    const refusedWith = async (run: Promise<unknown>, message: string) =>
      expect(run).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining(message) })
    const stage = (o: object) => places().aggregate().geoNear(o).end()
    await refusedWith(places().aggregate().match({}).geoNear(geoNear()).end(), 'only valid as the first stage')
    await refusedWith(stage({ ...geoNear(), key: undefined }), 'more than one 2dsphere index')
    await refusedWith(stage({ ...geoNear(), distanceField: undefined }), 'distanceField')
    // db.command.geoNear belongs to where(); in a $match MongoDB refuses it.
    const nearInMatch = { loc: _().geoNear({ geometry: point(...SQUARE) }) }
    await refusedWith(places().aggregate().match(nearInMatch).end(), 'not allowed in this context')
  })
})

describe('db.command.geoWithin', () => {
  // The SDK test's “回”: a 4°×4° square around (0, 0) with a 2°×2° hole.
  const outer = () => squareRing(-2, -2, 4)
  const hole = () => squareRing(-1, -1, 2)

  it('Polygon (with a hole) and MultiPolygon', async () => {
    await places().add([
      { _id: 'centre', loc: point(0, 0) },
      { _id: 'band', loc: point(1.5, 1.5) },
      { _id: 'outside', loc: point(3, 0) },
      { _id: 'far', loc: point(10, 10) },
    ])
    const within = (geometry: unknown) =>
      places()
        .where({ loc: _().geoWithin({ geometry }) })
        .orderBy('_id', 'asc')
        .get()
    const Polygon = Geo().Polygon
    expect(ids(await within(new Polygon([outer()])))).toEqual(['band', 'centre'])
    expect(ids(await within(new Polygon([outer(), hole()])))).toEqual(['band'])
    const farSquare = squareRing(9, 9, 2)
    expect(ids(await within(new (Geo().MultiPolygon)([new Polygon([hole()]), new Polygon([farSquare])])))).toEqual([
      'centre',
      'far',
    ])
  })

  it('centerSphere: [centre, radius in radians], as the SDK test sends it (a Point or a pair)', async () => {
    await places().add([
      { _id: 'in', loc: point(-88, 30.001) }, // 111 m north of the centre
      { _id: 'out', loc: point(-88, 30.1) }, // 11.1 km
    ])
    const radius = 10 / 6378.1 // 10 km
    const a = await places()
      .where({ loc: _().geoWithin({ centerSphere: [point(-88, 30), radius] }) })
      .get()
    const b = await places()
      .where({ loc: _().geoWithin({ centerSphere: [[-88, 30], radius] }) })
      .get()
    expect(ids(a)).toEqual(['in'])
    expect(ids(b)).toEqual(['in'])
  })
})

describe('db.command.geoIntersects', () => {
  it('Point, LineString and Polygon against stored points, lines and polygons', async () => {
    const square = (x: number, y: number, size: number) => new (Geo().Polygon)([squareRing(x, y, size)])
    await places().add([
      { _id: 'p', area: point(0.5, 0.5) },
      {
        _id: 'road',
        area: line([
          [-1, 0.2],
          [2, 0.2],
        ]),
      },
      { _id: 'park', area: square(5, 5, 1) },
    ])
    const hits = (geometry: unknown) =>
      places()
        .where({ area: _().geoIntersects({ geometry }) })
        .orderBy('_id', 'asc')
        .get()
    expect(ids(await hits(square(0, 0, 1)))).toEqual(['p', 'road'])
    expect(ids(await hits(point(5.5, 5.5)))).toEqual(['park'])
    expect(ids(await hits(point(0.5, 0.5)))).toEqual(['p'])
    expect(
      ids(
        await hits(
          line([
            [0, -1],
            [0, 1],
          ]),
        ),
      ),
    ).toEqual(['road']) // crosses the road at (0, 0.2)
    expect(
      ids(
        await hits(
          line([
            [4, 4],
            [5.5, 5.5],
          ]),
        ),
      ),
    ).toEqual(['park']) // ends inside the park
    expect(ids(await hits(square(20, 20, 1)))).toEqual([])
  })
})

describe('2dsphere indexes', () => {
  it('a geo query on a field without one is refused, as the service refuses it', async () => {
    await cloud.db.collection('bare').add({ _id: 'x', loc: point(...SQUARE) })
    const bare = () => cloud.db.collection('bare')
    await expect(
      bare()
        .where({ loc: _().geoNear({ geometry: point(...SQUARE) }) })
        .get(),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('unable to find index'),
    })
    await expect(
      bare()
        .aggregate()
        .geoNear({ near: point(...SQUARE), distanceField: 'd' })
        .end(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    await expect(
      bare()
        .where({ loc: _().geoWithin({ centerSphere: [point(...SQUARE), 0.1] }) })
        .get(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    // An indexed collection, but the query names another field.
    await expect(
      places()
        .where({ kind: _().geoNear({ geometry: point(...SQUARE) }) })
        .get(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })

  it("a write whose indexed field is not a geometry is refused and writes nothing (MongoDB: can't extract geo keys)", async () => {
    for (const loc of [
      '泉城广场',
      { type: 'Point', coordinates: [200, 36] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
        ],
      },
    ]) {
      await expect(places().add({ _id: 'bad', loc })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    }
    await places().add({ _id: 'ok', kind: 'no location yet' })
    await expect(places().doc('ok').update({ loc: 'here' })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    expect((await places().get()).data).toEqual([{ _id: 'ok', kind: 'no location yet' }])
  })

  it('the lectures collection declares venue.geo as 2dsphere', () => {
    expect(loadDeclarations().lectures.indexes).toContainEqual({ name: 'venue_geo', keys: { 'venue.geo': '2dsphere' } })
  })
})
