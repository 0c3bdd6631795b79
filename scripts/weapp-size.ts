/**
 * The size of the built mini program (dist/weapp): the main package (every file outside the sub-package
 * roots, what a member downloads on first open) and each sub-package. WeChat allows 2 MB per package.
 * Usage: tsx scripts/weapp-size.ts   (after `taro build --type weapp`; `npm run build:weapp` runs it)
 */
import { readdirSync, readFileSync, statSync } from 'fs'
import { join, resolve } from 'path'

export const WEAPP_DIST = resolve(__dirname, '..', 'dist', 'weapp')
/** Issue 13: the main package stays within 400 KB; `npm test` fails past 420 KB (__tests__/build). */
export const MAIN_TARGET = 400 * 1024
export const MAIN_LIMIT = 420 * 1024

function bytesUnder(dir: string): number {
  let sum = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    sum += entry.isDirectory() ? bytesUnder(path) : statSync(path).size
  }
  return sum
}

/** Bytes of the main package and of each sub-package (by its root), as app.json declares them. */
export function weappSizes(dist = WEAPP_DIST): { main: number; subPackages: Record<string, number> } {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] }
  const subPackages: Record<string, number> = {}
  for (const { root } of app.subPackages ?? []) subPackages[root] = bytesUnder(join(dist, root))
  const all = bytesUnder(dist)
  return { main: all - Object.values(subPackages).reduce((a, b) => a + b, 0), subPackages }
}

if (require.main === module) {
  const { main, subPackages } = weappSizes()
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB (${bytes.toLocaleString('en')} bytes)`
  console.log(`weapp main package  ${kb(main)}  target ≤ ${MAIN_TARGET / 1024} KB`)
  for (const [root, bytes] of Object.entries(subPackages)) console.log(`weapp ${root}/  ${kb(bytes)}`)
}
