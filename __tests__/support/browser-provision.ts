/**
 * The browser project's jest globalSetup: `npm ci && npm test` on a fresh Debian machine needs no other
 * step. When Debian's chromium or the CJK font is missing and this is root with apt, it installs them once
 * (about 15 s from apt's cache, a minute or more from the mirror); where that cannot be done the run stops
 * with one line saying what to do, instead of every browser test failing with its own stack trace. Then it
 * builds the h5 app if dist/h5 is missing, here where no test's timeout runs (on a busy 2-core machine the
 * build took longer than the first suite's beforeAll allows).
 */
import { spawnSync } from 'child_process'
import { closeSync, existsSync, openSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { buildAppIfMissing } from '../../scripts/local/system'
import { CHROMIUM } from './browser'

/** fonts-wqy-microhei: without a CJK font the screenshots show boxes instead of Chinese. */
export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
export const PACKAGES = ['chromium', 'fonts-wqy-microhei']
const APT_GET = '/usr/bin/apt-get'

export interface Machine {
  chromium: boolean
  font: boolean
  root: boolean
  apt: boolean
}

/** What to do on this machine: nothing, install, or stop with this line. */
export function provisionPlan(m: Machine): 'ready' | 'install' | { stop: string } {
  if (m.chromium && m.font) return 'ready'
  const missing = [!m.chromium && CHROMIUM, !m.font && CJK_FONT].filter(Boolean).join(' and ')
  if (m.root && m.apt) return 'install'
  const how = m.apt
    ? `run \`sudo apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}\` (or npm test as root)`
    : `install chromium at ${CHROMIUM} and the WenQuanYi Micro Hei font`
  return { stop: `browser tests: ${missing} missing; ${how}, or leave them out: npx jest --selectProjects node web` }
}

function stop(line: string): never {
  console.error(`\n${line}\n`)
  process.exit(1)
}

export default function browserSetup(): void {
  provisionBrowser()
  buildAppIfMissing()
}

function provisionBrowser(): void {
  const machine = () => ({
    chromium: existsSync(CHROMIUM),
    font: existsSync(CJK_FONT),
    root: process.getuid?.() === 0,
    apt: existsSync(APT_GET),
  })
  const plan = provisionPlan(machine())
  if (plan === 'ready') return
  if (plan !== 'install') stop(plan.stop)
  const log = join(tmpdir(), 'dangke-browser-apt.log')
  console.error(`\nbrowser tests: installing ${PACKAGES.join(' ')} with apt-get (once; log: ${log})`)
  const started = Date.now()
  const out = openSync(log, 'w')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const apt = (args: string[]) => spawnSync(APT_GET, args, { stdio: ['ignore', out, out], env }).status === 0
  // A failed update (no network, a mirror's hiccup) still leaves the package lists already on the machine.
  const updated = apt(['update'])
  // A config file left by an earlier, half-removed chromium would make dpkg ask, and fail with no terminal.
  const keepConfig = ['-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold']
  const installed = apt(['install', '-y', '--no-install-recommends', ...keepConfig, ...PACKAGES])
  closeSync(out)
  const after = machine()
  if (!installed || !after.chromium || !after.font) {
    stop(`browser tests: apt-get could not install ${PACKAGES.join(' ')} (see ${log}); install them by hand`)
  }
  const took = Math.round((Date.now() - started) / 1000)
  const note = updated ? '' : ' (apt-get update failed: installed from the package lists already here)'
  console.error(`browser tests: ${PACKAGES.join(' ')} installed in ${took} s${note}`)
}
