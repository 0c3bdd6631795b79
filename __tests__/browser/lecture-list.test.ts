/**
 * The built h5 app in chromium against the whole local system: the lecture list, a theme tab and the
 * local sign-in. Expectations come from buildSeed with the same `now` the system seeds with.
 */
import type { Page } from 'playwright-core'
import { buildSeed } from '../../scripts/seed/data'
import type { LectureDoc } from '../../src/shared/model'
import { THEMES } from '../../src/shared/themes'
import { screenshot, localSystemForFile } from '../support/browser'

const now = new Date()
const seed = buildSeed(now)
const PAGE_SIZE = 20 // the index page's first page
// Before signing in, a visitor sees the lectures open to all (a member also sees their own branch's).
const upcoming = seed.lectures
  .filter((l) => l.status === 'published' && l.endAt > now && l.openToAll)
  .sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a._id.localeCompare(b._id))
const theme = THEMES.find((t) => upcoming.some((l) => l.theme === t.code))!
const ofTheme = upcoming.filter((l) => l.theme === theme.code)
// a plain member (no office), so the sign-in page lists them among 党员
const member = seed.members.find((m) => m.roles.every((r) => r === 'member'))!
const openid = seed.bindings.find((b) => b.memberId === member._id)!._id

const file = localSystemForFile('browser', now, 1, 180_000)
const phone = () => file.phones[0]

const cardTitles = (page: Page) => page.locator('.lecture-card__title').allInnerTexts()

/** Waits until the cards show these titles in this order, then compares (so a failure shows a diff). */
async function expectTitles(page: Page, want: string[]): Promise<void> {
  await page
    .waitForFunction(
      (titles) => {
        const got = [...document.querySelectorAll('.lecture-card__title')].map((e) => e.textContent)
        return got.length === titles.length && got.every((t, i) => t === titles[i])
      },
      want,
      { timeout: 15_000 },
    )
    .catch(() => undefined)
  expect(await cardTitles(page)).toEqual(want)
}

const seatsText = (l: LectureDoc) => (l.capacity - l.signedUp > 0 ? `余 ${l.capacity - l.signedUp} 席` : '已满')

it('lists the soonest upcoming published lectures with lecturer and seats left', async () => {
  const { page } = phone()
  await page.goto(`${file.system!.emulator.url}/`)
  const first = upcoming.slice(0, PAGE_SIZE)
  await expectTitles(
    page,
    first.map((l) => l.title),
  )
  for (const [i, l] of first.slice(0, 5).entries()) {
    const card = await page.locator('.lecture-card').nth(i).innerText()
    expect(card).toContain(l.lecturer.name)
    expect(card).toContain(seatsText(l))
  }
  await screenshot(page, 'lecture-list')
}, 60_000)

it('shows only the lectures of a theme under its tab', async () => {
  const { page } = phone()
  await page.locator('.theme-tabs__tab', { hasText: theme.name }).tap()
  await expectTitles(
    page,
    ofTheme.slice(0, PAGE_SIZE).map((l) => l.title),
  )
  expect(await page.locator('.theme-tabs__tab--active').innerText()).toBe(theme.name)
  // a list of one theme hides the theme tag
  expect(await page.locator('.lecture-card__theme').count()).toBe(0)
  await screenshot(page, 'lecture-list-theme')
}, 60_000)

it('signs in as a listed member on /app/login and comes back to the app', async () => {
  const { page } = phone()
  const base = file.system!.emulator.url
  await page.goto(`${base}/app/login`)
  const button = page.locator(`button[data-openid="${openid}"]`)
  expect(await button.innerText()).toContain(member.name)
  // plain members are far down the page: show the one we choose
  await button.scrollIntoViewIfNeeded()
  await screenshot(page, 'login')

  await Promise.all([page.waitForURL((u) => u.origin === base && u.pathname === '/'), button.click()])
  await page.locator('.lecture-card').first().waitFor({ timeout: 15_000 })
  const me = await page.evaluate(() => fetch('/app/me', { credentials: 'include' }).then((r) => r.json()))
  expect(me).toEqual({ openid })
  expect(file.pageErrors).toEqual([])
}, 60_000)
