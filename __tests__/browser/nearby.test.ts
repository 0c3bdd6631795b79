/**
 * 附近的党课 in the built h5 app against the whole local system: a member at a fixed place (playwright's
 * geolocation) taps 附近, agrees on the consent sheet, and sees the lectures they may see nearest first with
 * the distance; a visitor whose browser refuses the location sees why and what to do instead. The expected
 * order comes from buildSeed with the same `now`, measured apart from the emulator (haversine on R = 6378.1 km).
 */
import type { Page } from 'playwright-core'
import { actorOf } from '../../cloudfunctions/_shared/actor'
import { buildSeed } from '../../scripts/seed/data'
import { distanceM, venuePoints } from '../../src/shared/checkinRules'
import { formatDistance } from '../../src/shared/distance'
import { canSeeLecture } from '../../src/shared/rights'
import { localSystemForFile, shot, shown, signInAs, UI_TIMEOUT } from '../support/browser'

const now = new Date()
const seed = buildSeed(now)
const SQUARE = { lat: 36.6617, lng: 117.0168 } // 泉城广场
/** checkinRules.distanceM is a haversine on 6,371 km; the database's sphere is 6,378.1 km (MongoDB). */
const metres = (p: { lat: number; lng: number }) => (distanceM(p, SQUARE) * 6_378_100) / 6_371_000

const member = seed.members.find((m) => m.roles.every((r) => r === 'member'))!
const binding = seed.bindings.find((b) => b.memberId === member._id)!
const expected = seed.lectures
  .filter((l) => l.status === 'published' && l.endAt > now && l.venue.geo && canSeeLecture(actorOf(binding), l))
  .map((l) => ({ l, m: Math.min(...venuePoints(l.venue).map(metres)) }))
  .sort((a, b) => a.m - b.m)
  .slice(0, 20) // the page asks for lecture.nearby's default

const file = localSystemForFile('nearby', now, 2, 180_000)

/** Taps 附近 on the lecture list and agrees on the consent sheet (h5 asks it before the browser's location). */
async function openNearby(page: Page): Promise<void> {
  await shown(page, '.filter-bar__chip', '附近').tap()
  await shown(page, '.privacy-sheet__agree').tap({ timeout: UI_TIMEOUT })
}

it('lists the lectures the member may see nearest first, with the distance', async () => {
  const { page, context } = file.phones[0]
  await context.grantPermissions(['geolocation'], { origin: file.base() })
  await context.setGeolocation({ latitude: SQUARE.lat, longitude: SQUARE.lng, accuracy: 20 })
  await signInAs(page, file.base(), binding._id)
  await openNearby(page)

  const cards = shown(page, '.nearby .lecture-card')
  await cards.first().waitFor({ timeout: UI_TIMEOUT })
  const titles = await shown(page, '.nearby .lecture-card__title').allInnerTexts()
  expect([...titles].sort()).toEqual(expected.map((e) => e.l.title).sort())
  // Place i holds a lecture at the i-th distance (two walks of one route are equally far, in either order).
  const atDistance = (title: string, i: number) =>
    expected.some((e) => e.l.title === title && Math.abs(e.m - expected[i].m) < 0.5)
  expect(titles.filter((t, i) => !atDistance(t, i))).toEqual([])
  const first = await cards.first().innerText()
  expect(first).toContain(`约 ${formatDistance(expected[0].m)}`)
  const walking = expected.findIndex((e) => e.l.theme === 'walking')
  if (walking >= 0) expect(await cards.nth(walking).innerText()).toMatch(/最近的站点：/)
  await shot(page, 'nearby')
  expect(file.pageErrors).toEqual([])
}, 90_000)

it('says the location is off, how to turn it on and that the list works without it', async () => {
  const { page, context } = file.phones[1]
  await context.clearPermissions() // the browser refuses the place
  await page.goto(`${file.base()}/`)
  await shown(page, '.lecture-card').first().waitFor({ timeout: UI_TIMEOUT })
  await openNearby(page)

  const box = shown(page, '.nearby__refusal')
  await box.waitFor({ timeout: UI_TIMEOUT })
  const text = await box.innerText()
  expect(text).toContain('浏览器没有允许使用位置')
  expect(text).toContain('允许本网站使用位置')
  expect(text).toContain('不用位置也能找党课')
  expect(await shown(page, '.nearby .lecture-card').count()).toBe(0)
  await shot(page, 'nearby-denied')

  await shown(page, '.nearby__button', '回到党课列表').tap()
  await shown(page, '.filter-bar__chip', '附近').waitFor({ timeout: UI_TIMEOUT })
  expect(file.pageErrors).toEqual([])
}, 90_000)
