/**
 * Debian's chromium driven by playwright-core (no browser download), with a fresh profile per launch and
 * an old phone's viewport. Screenshots go to __tests__/.artifacts/ (ignored by git) for a person to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join, resolve } from 'path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { type LocalSystem, startLocalSystem } from '../../scripts/local/system'

export const CHROMIUM = '/usr/bin/chromium'
export const ARTIFACTS = resolve(__dirname, '..', '.artifacts')

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

export interface Phone {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

export async function openPhone(): Promise<Phone> {
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
    viewport: { width: 375, height: 667 },
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

/** Saves the viewport as __tests__/.artifacts/<name>.png and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path })
  return path
}

/** Waits for what a page shows after a tap or a call (the local functions answer in well under this). */
export const UI_TIMEOUT = 15_000

/**
 * Reads until `check` passes (jest has no expect.poll): what a page shows after a tap or a call arrives a
 * moment later. After the timeout the last failure is thrown, with its diff.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  timeout = UI_TIMEOUT,
): Promise<void> {
  const end = Date.now() + timeout
  for (;;) {
    const value = await read()
    try {
      check(value)
      return
    } catch (err) {
      if (Date.now() > end) throw err
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
/** Taro h5 keeps the pages below the top one in the DOM, hidden: only what is on screen counts. */
export const shown = (page: Page, selector: string, hasText?: string | RegExp) =>
  page.locator(selector, hasText === undefined ? {} : { hasText }).filter({ visible: true })

/**
 * Waits until the pages stop sliding (Taro h5 moves a page in over 0.3 s and marks it stationed) and
 * nothing else is animating, for a few checks in a row, so that a screenshot shows what a person sees.
 */
export async function settle(page: Page): Promise<void> {
  const end = Date.now() + UI_TIMEOUT
  for (let calm = 0; calm < 3 && Date.now() < end;) {
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

export async function shot(page: Page, name: string): Promise<void> {
  await settle(page)
  await screenshot(page, name)
}

/** Signs in on the local sign-in page as a person would (the identity's button), landing on the lecture list. */
export async function signInAs(page: Page, base: string, openid: string): Promise<void> {
  await page.goto(`${base}/app/login`)
  const button = page.locator(`button[data-openid="${openid}"]`)
  await button.scrollIntoViewIfNeeded()
  await Promise.all([page.waitForURL((u) => u.origin === base && u.pathname === '/'), button.tap()])
  await shown(page, '.lecture-card').first().waitFor({ timeout: UI_TIMEOUT })
}

/**
 * For a test file: the whole local system (seeded as of `now`) in a fresh data folder and `phones` phones,
 * ready before the file's tests and closed after them; every page error of a phone is kept in `pageErrors`.
 */
export function localSystemForFile(name: string, now: Date, phones: number, timeout: number) {
  const file = {
    system: undefined as LocalSystem | undefined,
    phones: [] as Phone[],
    pageErrors: [] as string[],
    base: () => file.system!.emulator.url,
  }
  let dataDir: string | undefined
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `dangke-${name}-`))
    // May build the h5 app first (~45 s cold).
    file.system = await startLocalSystem({ port: 0, dataDir, now })
    for (let i = 0; i < phones; i++) {
      const phone = await openPhone()
      phone.page.on('pageerror', (err) => file.pageErrors.push(String(err)))
      file.phones.push(phone)
    }
  }, timeout)
  afterAll(async () => {
    for (const phone of file.phones) await phone.close()
    await file.system?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }, 30_000)
  return file
}
