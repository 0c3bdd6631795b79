/**
 * The browser tests' helpers over the phones of scripts/local/phone.ts. Screenshots go to
 * __tests__/.artifacts/ (ignored by git) for a person to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join, resolve } from 'path'
import type { Page } from 'playwright-core'
import { openPhone, type Phone, settle, UI_TIMEOUT } from '../../scripts/local/phone'
import { type LocalSystem, startLocalSystem } from '../../scripts/local/system'

export { CHROMIUM, openPhone, type Phone, settle, shown, signInAs, UI_TIMEOUT } from '../../scripts/local/phone'

export const ARTIFACTS = resolve(__dirname, '..', '.artifacts')

/** Saves the viewport as __tests__/.artifacts/<name>.png and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path })
  return path
}

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

export async function shot(page: Page, name: string): Promise<void> {
  await settle(page)
  await screenshot(page, name)
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
