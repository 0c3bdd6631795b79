/**
 * Guards the elderly-readability rule in every style file under src/: font sizes and tap-target
 * sizes are written in `PX`, which Taro's pxtransform leaves alone (a lowercase `px` becomes rpx/rem
 * and shrinks on narrow old phones), and no font is smaller than 18PX.
 *
 * Why a test: Prettier 3 lowercases CSS units (`18PX` -> `18px`), so formatting the styles would
 * silently undo the rule. Keep *.scss out of Prettier, and this test fails if it happens anyway.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '..', '..')
const SRC = join(ROOT, 'src')

function styleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return styleFiles(p)
    return /\.(s?css)$/.test(e.name) ? [p] : []
  })
}

/** Properties whose pixel values must not scale with the screen width. */
const FIXED = ['font-size', 'line-height', 'min-height', 'min-width']

interface Decl {
  file: string
  line: number
  prop: string
  value: string
}

function declarations(file: string): Decl[] {
  const out: Decl[] = []
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const m = /^\s*([a-z-]+)\s*:\s*([^;]+);/.exec(text)
      if (m && FIXED.includes(m[1]))
        out.push({ file: relative(ROOT, file), line: i + 1, prop: m[1], value: m[2].trim() })
    })
  return out
}

const files = styleFiles(SRC)
const decls = files.flatMap(declarations)

describe('style files', () => {
  it('exist (the scan finds the pages and components)', () => {
    expect(files.length).toBeGreaterThan(0)
    expect(decls.some((d) => d.prop === 'font-size')).toBe(true)
  })

  it('write fixed sizes in PX, never in a px that pxtransform would shrink', () => {
    const shrinking = decls.filter((d) => /\d(px|Px|pX|rpx)\b/.test(d.value))
    expect(shrinking.map((d) => `${d.file}:${d.line} ${d.prop}: ${d.value}`)).toEqual([])
  })

  it('use no font smaller than 18PX', () => {
    const small = decls.filter((d) => {
      const m = /^([\d.]+)PX$/.exec(d.value)
      return d.prop === 'font-size' && m !== null && Number(m[1]) < 18
    })
    expect(small.map((d) => `${d.file}:${d.line} ${d.value}`)).toEqual([])
  })
})
