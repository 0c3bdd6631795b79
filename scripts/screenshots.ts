/**
 * `npm run screenshots -- <outDir>`: the member's and the secretary's pages of the local system (the
 * demo city, seeded as `npm start` does) on a 390×844 phone, saved as <outDir>/<name>.png (and, where the
 * page scrolls, its end as <name>--end.png), to check that a change of styles leaves the looks alone. Every run sees the same data and the same clock: the seed's
 * `now`, this process's clock (functions run in it) and the page's clock all stand at NOW, and check-in
 * codes are signed with a fixed secret. `--rebuild` builds the h5 app first (do so after changing styles).
 *
 * `npm run screenshots -- --compare <before> <after>`: per picture, the share of differing pixels; a
 * picture that differs gets a diff image in <after>/diff/. Exits 1 when any differs.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join, resolve } from 'path'
import type { Page } from 'playwright-core'
import { openPhone, settle, signInAs, UI_TIMEOUT } from './local/phone'
import { startLocalSystem } from './local/system'
import { freezeDate } from './screenshots/clock'
import { compareFolders } from './screenshots/compare'
import { cast } from './screenshots/pages'

/** A Friday morning in China (10:00), within the seed's working hours. */
const NOW = new Date('2026-11-20T02:00:00Z')
const PHONE = { width: 390, height: 844 }

/** Until nothing on screen says it is still loading, every image has arrived and nothing moves. */
async function ready(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('.taro_page_show *')].some(
        (e) => e.childElementCount === 0 && /正在(加载|获取)/.test(e.textContent ?? ''),
      ) && [...document.images].every((i) => i.complete),
    undefined,
    { timeout: UI_TIMEOUT },
  )
  await page.waitForLoadState('networkidle')
  await settle(page)
}

/** Scrolls whatever scrolls on the shown page (Taro h5 scrolls the page, not the window) to its end. */
async function scrollToEnd(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let moved = false
    for (const e of [document.scrollingElement, ...document.querySelectorAll('.taro_page_show, .taro_page_show *')]) {
      if (e && e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'hidden') {
        const before = e.scrollTop
        e.scrollTop = e.scrollHeight
        moved ||= e.scrollTop !== before
      }
    }
    return moved
  })
}

async function take(outDir: string, rebuild: boolean): Promise<void> {
  freezeDate(NOW)
  process.env.DANGKE_CHECKIN_SECRET = 'screenshots-fixed-secret'
  const dataDir = mkdtempSync(join(tmpdir(), 'dangke-screenshots-'))
  mkdirSync(outDir, { recursive: true })
  const system = await startLocalSystem({ port: 0, dataDir, now: NOW, rebuildApp: rebuild, functionWorkers: 0 })
  const base = system.emulator.url
  try {
    for (const person of cast(NOW)) {
      const phone = await openPhone(PHONE)
      try {
        await phone.context.clock.setFixedTime(NOW)
        await signInAs(phone.page, base, person.openid)
        for (const { name, route } of person.shots) {
          // a fresh start of the app on every page: no page below it, no state left from the one before
          await phone.page.goto('about:blank')
          await phone.page.goto(`${base}/#/${route}`)
          await ready(phone.page)
          await phone.page.screenshot({ path: join(outDir, `${name}.png`), animations: 'disabled' })
          if (await scrollToEnd(phone.page)) {
            await ready(phone.page) // a list may load its next page at the end
            await phone.page.screenshot({ path: join(outDir, `${name}--end.png`), animations: 'disabled' })
          }
          console.log(name)
        }
      } finally {
        await phone.close()
      }
    }
  } finally {
    await system.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function compare(before: string, after: string): boolean {
  const differences = compareFolders(before, after)
  for (const d of differences) {
    const share = d.share === 0 ? '0' : `${(d.share * 100).toFixed(4)}%`
    console.log(
      `${d.name.padEnd(28)} ${share}${d.diffFile ? `  ${d.diffFile}` : d.share ? '  (missing or resized)' : ''}`,
    )
  }
  return differences.every((d) => d.share === 0)
}

async function main(args: string[]): Promise<void> {
  if (args[0] === '--compare' && args.length === 3) {
    process.exitCode = compare(resolve(args[1]), resolve(args[2])) ? 0 : 1
    return
  }
  const rebuild = args.includes('--rebuild')
  const dirs = args.filter((a) => a !== '--rebuild')
  if (dirs.length !== 1) throw new Error('usage: npm run screenshots -- [--rebuild] <outDir> | --compare <A> <B>')
  await take(resolve(dirs[0]), rebuild)
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err)
  process.exit(1)
})
