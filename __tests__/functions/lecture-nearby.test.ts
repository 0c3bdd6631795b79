/**
 * lecture.nearby (附近的党课) in-process, through the real SDK and the emulator's aggregate geoNear, with the
 * demo city seeded and lectures placed round a point far from it (so the demo's lectures, ~1,700 km away,
 * come after them). Distances are great circles on MongoDB's earth radius, 6,378.1 km (kRadiusOfEarthInMeters):
 * along a meridian R·Δφ; along the parallel φ the haversine 2R·asin(cos φ·sin(Δλ/2)).
 */
import { actorOf } from '../../cloudfunctions/_shared/actor'
import { main } from '../../cloudfunctions/lecture/main'
import type { NearbyLecture } from '../../src/shared/contract'
import { lectureInput } from '../../src/shared/contract'
import { lectureFields, newLecture } from '../../src/shared/lectureRules'
import type { LectureDoc } from '../../src/shared/model'
import { canSeeLecture } from '../../src/shared/rights'
import { caller } from '../support/caller'
import { callsOf, seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { lectureToSave } from '../support/lectures'

let cloud: TestCloud
const now = new Date()
const seed = seededCloudForFile(now, (c) => (cloud = c))
const { call, ok } = caller(main)
const HOUR = 3600_000

const MEMBER = 'demo-m-0001'
const binding = seed.bindings.find((b) => `demo-${b.memberId}` === MEMBER)!
const OTHER_BRANCH = seed.orgs.find((o) => o.kind === 'branch' && o._id !== binding.branchId)!
const HERE = { lat: 30, lng: 100 }

/** A published lecture 10 days ahead, hosted at `hostOrgId`, with this venue (as lecture.save stores it). */
function lecture(id: string, hostOrgId: string, venue: object, over: Partial<LectureDoc> = {}): LectureDoc {
  const host = seed.orgs.find((o) => o._id === hostOrgId)!
  const start = new Date(now.getTime() + 10 * 24 * HOUR)
  const values = lectureInput.parse(
    lectureToSave({
      hostOrgId,
      theme: 'stops' in venue ? 'walking' : 'standard',
      venue: { address: '测试地点', ...venue },
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + HOUR).toISOString(),
      signupDeadline: start.toISOString(),
    }),
  )
  return { _id: id, ...newLecture(lectureFields(values, host), 'm-0108', now), status: 'published', ...over }
}

const mine = binding.branchId
const other = OTHER_BRANCH._id
const stop = (name: string, lat: number, lng: number) => ({ name, address: `${name}地址`, lat, lng })
const fixtures = [
  // 0.01° north: R·0.01·π/180 = 1,113.19 m
  lecture('nb-north', other, { lat: 30.01, lng: 100 }, { openToAll: true }),
  // 0.02° east on the 30th parallel: 2R·asin(cos 30°·sin 0.01°) = 1,928.10 m; the member's own branch
  lecture('nb-east', mine, { lat: 30, lng: 100.02 }),
  // a walking lecture: its nearer stop 0.003° north, 333.96 m (the first stop 0.05° north, 5,565.97 m)
  lecture(
    'nb-walk',
    other,
    { stops: [stop('纪念馆', 30.05, 100), stop('烈士陵园', 30.003, 100)] },
    { openToAll: true },
  ),
  // nearest of all (111.32 m) but another branch's, not open to all: never shown to this member
  lecture('nb-hidden', other, { lat: 30.001, lng: 100 }),
  // past, draft, cancelled: never listed
  lecture(
    'nb-past',
    mine,
    { lat: 30.0005, lng: 100 },
    { openToAll: true, startAt: new Date(now.getTime() - 3 * HOUR), endAt: new Date(now.getTime() - HOUR) },
  ),
  lecture('nb-draft', mine, { lat: 30.0005, lng: 100 }, { openToAll: true, status: 'draft' }),
  lecture('nb-cancelled', mine, { lat: 30.0005, lng: 100 }, { openToAll: true, status: 'cancelled' }),
  // no coordinates: not among the nearby ones at all
  lecture('nb-nowhere', mine, {}, { openToAll: true }),
]

beforeAll(async () => {
  await cloud.db.collection('lectures').add(fixtures)
})

const nearby = (openid: string | undefined, limit?: number) =>
  ok<{ items: NearbyLecture[] }>('nearby', { ...HERE, ...(limit ? { limit } : {}) }, openid).then((d) => d.items)

describe('lecture.nearby', () => {
  it('lists the lectures nearest first with the great-circle distance, a walking lecture at its nearest stop', async () => {
    const items = await nearby(MEMBER, 3)
    expect(items.map((i) => [i.id, i.distanceM, i.nearestStop])).toEqual([
      ['nb-walk', 334, '烈士陵园'],
      ['nb-north', 1113, undefined],
      ['nb-east', 1928, undefined],
    ])
    expect(items[1]).toMatchObject({ title: '新时代党员家风建设', address: '测试地点', seatsLeft: 40 })
  })

  it('keeps lecture.list’s visibility, and leaves out past, draft and cancelled lectures and those without a place', async () => {
    const items = await nearby(MEMBER, 50)
    const ids = items.map((i) => i.id)
    for (const id of ['nb-hidden', 'nb-past', 'nb-draft', 'nb-cancelled', 'nb-nowhere']) expect(ids).not.toContain(id)
    // Exactly what lecture.list shows this member, less the lectures without a place; farther each time.
    const list = await ok<{ items: { id: string }[]; next?: unknown }>('list', { pageSize: 50 }, MEMBER)
    expect(list.next).toBeUndefined()
    const stored = cloud.emulator.store.scan('lectures', {}).map((r) => r.doc as unknown as LectureDoc)
    const placed = new Set(stored.filter((l) => l.venue.geo).map((l) => l._id))
    expect([...ids].sort()).toEqual(
      list.items
        .map((i) => i.id)
        .filter((id) => placed.has(id))
        .sort(),
    )
    expect(ids.length).toBeGreaterThan(3)
    for (const [i, item] of items.entries()) {
      expect(
        canSeeLecture(
          actorOf(binding),
          stored.find((l) => l._id === item.id)!,
        ),
      ).toBe(true)
      if (i > 0) expect(item.distanceM).toBeGreaterThanOrEqual(items[i - 1].distanceM)
    }
    // A member of the other branch sees its lecture first.
    const neighbour = seed.bindings.find((b) => b.branchId === other)!
    expect((await nearby(`demo-${neighbour.memberId}`, 1)).map((i) => [i.id, i.distanceM])).toEqual([
      ['nb-hidden', 111],
    ])
  })

  it('shows a visitor only the lectures open to all', async () => {
    expect((await nearby(undefined, 2)).map((i) => i.id)).toEqual(['nb-walk', 'nb-north'])
  })

  it('costs one database call for the lectures (and the binding read for a member), and writes nothing', async () => {
    cloud.emulator.counters.reset()
    await nearby(MEMBER)
    expect(cloud.emulator.counters.snapshot().byAction).toEqual({
      'database.getDocument': 1, // the binding
      'database.aggregateDocuments': 1,
    })
    expect(await callsOf(cloud, () => nearby(undefined))).toBe(1)
  })

  it('refuses a place that is not one, writing nothing', async () => {
    cloud.emulator.counters.reset()
    const reply = await call('nearby', { lat: 91, lng: 100 }, MEMBER)
    expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(cloud.emulator.counters.snapshot().total).toBe(0)
  })
})
