/** The lecture function in-process, through the real SDK and the emulator, with seeded data. */
import { buildSeed } from '../../scripts/seed/data'
import { seedDatabase } from '../../scripts/seed/index'
import { main } from '../../cloudfunctions/lecture/main'
import { startTestCloud, type TestCloud } from '../support/emulator'

let cloud: TestCloud
const now = new Date()
const asMember = { environment: JSON.stringify({ WX_OPENID: 'demo-m-0001' }) }

beforeAll(async () => {
  cloud = await startTestCloud()
  await seedDatabase(cloud.db, now)
})
afterAll(() => cloud.stop())

const upcoming = buildSeed(now)
  .lectures.filter((l) => l.status === 'published' && l.endAt > now)
  .sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a._id.localeCompare(b._id))

it('lists upcoming published lectures, soonest first', async () => {
  const res = await main({ action: 'list', payload: { pageSize: 5 } }, asMember)
  expect(res.ok).toBe(true)
  if (!res.ok) return
  const data = res.data as { items: { id: string; startAt: string }[]; next?: unknown }
  expect(data.items.map((i) => i.id)).toEqual(upcoming.slice(0, 5).map((l) => l._id))
  expect(data.next).toEqual({ startAt: upcoming[4].startAt.toISOString(), id: upcoming[4]._id })
})

it('pages through every upcoming lecture exactly once', async () => {
  const seen: string[] = []
  let after: unknown
  for (let guard = 0; guard < 50; guard++) {
    const res = await main({ action: 'list', payload: { pageSize: 7, after } }, asMember)
    if (!res.ok) throw new Error(res.code)
    const data = res.data as { items: { id: string }[]; next?: unknown }
    seen.push(...data.items.map((i) => i.id))
    if (!data.next) break
    after = data.next
  }
  expect(seen).toEqual(upcoming.map((l) => l._id))
})

it('filters by theme', async () => {
  const res = await main({ action: 'list', payload: { theme: 'village', pageSize: 50 } }, asMember)
  if (!res.ok) throw new Error(res.code)
  const ids = (res.data as { items: { id: string; theme: string }[] }).items
  expect(ids.length).toBeGreaterThan(0)
  expect(ids.every((i) => i.theme === 'village')).toBe(true)
  expect(ids.map((i) => i.id)).toEqual(upcoming.filter((l) => l.theme === 'village').map((l) => l._id))
})

it('reads the first page in one database call', async () => {
  cloud.emulator.counters.reset()
  await main({ action: 'list', payload: {} }, asMember)
  expect(cloud.emulator.counters.snapshot().total).toBe(1)
})

it('refuses a bad payload with a Chinese message and an unknown action with its code', async () => {
  const bad = await main({ action: 'list', payload: { pageSize: 500, theme: 'disco' } }, asMember)
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '填写的内容有误，请检查后再试' })
  if (!bad.ok) expect(bad.explanation).toMatch(/pageSize|theme/)
  expect(await main({ action: 'drop', payload: {} }, asMember)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  expect(await main(undefined, asMember)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
})
