/**
 * The browser tests' helpers over the phones of scripts/local/phone.ts. Screenshots go to
 * __tests__/.artifacts/ (ignored by git) for a person to look at.
 */
import { mkdirSync } from 'fs'
import { join, resolve } from 'path'
import type { Page } from 'playwright-core'
import { settle, UI_TIMEOUT } from '../../scripts/local/phone'

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
