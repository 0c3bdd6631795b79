/**
 * Debian's chromium driven by playwright-core (no browser download), with a fresh profile per launch and
 * a phone's viewport: the browser tests and `npm run screenshots` open their phones here.
 */
import { existsSync, mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'

// Without the background-networking flags chromium keeps trying to reach outside hosts.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** An old phone's screen (the browser tests' default). */
export const OLD_PHONE = { width: 375, height: 667 }

export interface Phone {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

export async function openPhone(viewport = OLD_PHONE): Promise<Phone> {
  if (!existsSync(CHROMIUM)) {
    // The browser project's globalSetup (browser-provision.ts) installs it; this is for a run without it.
    throw new Error(
      `${CHROMIUM} is missing: run \`apt-get install -y --no-install-recommends chromium fonts-wqy-microhei\``,
    )
  }
  const profile = mkdtempSync(join(tmpdir(), 'dangke-chromium-'))
  // launchPersistentContext passes the profile as --user-data-dir
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Waits for what a page shows after a tap or a call (the local functions answer in well under this). */
export const UI_TIMEOUT = 15_000

/** Taro h5 keeps the pages below the top one in the DOM, hidden: only what is on screen counts. */
export const shown = (page: Page, selector: string, hasText?: string | RegExp) =>
  page.locator(selector, hasText === undefined ? {} : { hasText }).filter({ visible: true })

/**
 * Waits until the pages stop sliding (Taro h5 moves a page in over 0.3 s and marks it stationed) and
 * nothing else is animating, for a few checks in a row, so that a screenshot shows what a person sees.
 */
export async function settle(page: Page): Promise<void> {
  const end = performance.now() + UI_TIMEOUT // not Date: `npm run screenshots` freezes it
  for (let calm = 0; calm < 3 && performance.now() < end;) {
    const moving = await page.evaluate(
      () =>
        [...document.querySelectorAll('.taro_page')].some(
          (p) => p.classList.contains('taro_page_show') && !p.classList.contains('taro_page_stationed'),
        ) ||
        document
          .getAnimations()
          .some((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity),
    )
    calm = moving ? 0 : calm + 1
    await page.waitForTimeout(100)
  }
}

/** Signs in on the local sign-in page as a person would (the identity's button), landing on the lecture list. */
export async function signInAs(page: Page, base: string, openid: string): Promise<void> {
  await page.goto(`${base}/app/login`)
  const button = page.locator(`button[data-openid="${openid}"]`)
  await button.scrollIntoViewIfNeeded()
  await Promise.all([page.waitForURL((u) => u.origin === base && u.pathname === '/'), button.tap()])
  await shown(page, '.lecture-card').first().waitFor({ timeout: UI_TIMEOUT })
}
