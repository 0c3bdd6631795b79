/**
 * A document without a geometry at the indexed path is not in the 2dsphere index (MongoDB's 2dsphere index is
 * sparse), so geo queries that walk the index never answer it: neither db.command.geoNear nor aggregate geoNear,
 * even without a maxDistance (the local CloudBase once answered it last, at an infinite distance).
 */
import { loadDeclarations } from '../../emulator/src/database/declarations'
import { startTestCloud, type TestCloud } from '../support/emulator'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({
    declarations: { ...loadDeclarations(), spots: { indexes: [{ name: 'loc', keys: { loc: '2dsphere' } }] } },
  })
  const Point = cloud.db.Geo.Point
  await cloud.db.collection('spots').add([
    { _id: 'here', loc: new Point(117.02, 36.66) },
    { _id: 'nowhere', name: '没有位置' },
  ])
}, 60_000)
afterAll(() => cloud.stop())

describe('geo queries and documents without a geometry', () => {
  it('db.command.geoNear leaves them out', async () => {
    const _ = cloud.db.command
    const res = await cloud.db
      .collection('spots')
      .where({ loc: _.geoNear({ geometry: new cloud.db.Geo.Point(117, 36.6) }) })
      .get()
    expect(res.data.map((d: { _id?: unknown }) => d._id)).toEqual(['here'])
  })

  it('aggregate geoNear leaves them out', async () => {
    const res = await cloud.db
      .collection('spots')
      .aggregate()
      .geoNear({ near: new cloud.db.Geo.Point(117, 36.6), spherical: true, distanceField: 'd' })
      .limit(10)
      .end()
    expect((res.data as { _id: string }[]).map((d) => d._id)).toEqual(['here'])
  })
})
