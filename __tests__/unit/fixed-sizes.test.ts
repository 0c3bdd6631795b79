/**
 * Guards the elderly-readability rule in every style file under src/: font sizes and tap-target
 * sizes are written in `PX`, which Taro's pxtransform leaves alone (a lowercase `px` becomes rpx/rem
 * and shrinks on narrow old phones), and no font is smaller than the tokens' $font-min. A value may be
 * a token of src/styles/_tokens.scss (`font-size: $font-body`): it is read there.
 *
 * Why a test: Prettier 3 lowercases CSS units (`18PX` -> `18px`), so formatting the styles would
 * silently undo the rule. Keep *.scss out of Prettier, and this test fails if it happens anyway.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '..', '..')
const SRC = join(ROOT, 'src')
const TOKENS = join(SRC, 'styles', '_tokens.scss')

/** `$name: value;` lines of the token file. */
function readTokens(): Map<string, string> {
  const tokens = new Map<string, string>()
  for (const m of readFileSync(TOKENS, 'utf8').matchAll(/^\$([a-z0-9-]+)\s*:\s*([^;]+);/gm))
    tokens.set(m[1], m[2].trim())
  return tokens
}

const tokens = readTokens()
/** A value with its tokens written out (`$font-body` → `18PX`); an unknown token stays as it is. */
const resolve = (value: string) => value.replace(/\$([a-z0-9-]+)/g, (t, name: string) => tokens.get(name) ?? t)
/** A size in PX as a number, or NaN. */
const pxOf = (value: string) => Number(/^([\d.]+)PX$/.exec(value)?.[1] ?? NaN)
const FONT_MIN = pxOf(tokens.get('font-min') ?? '')
const TAP_MIN = pxOf(tokens.get('tap-min') ?? '')

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
        out.push({ file: relative(ROOT, file), line: i + 1, prop: m[1], value: resolve(m[2].trim()) })
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

  it('take the elderly minimums from the tokens: 18PX text, 44PX tap targets', () => {
    expect(FONT_MIN).toBeGreaterThanOrEqual(18)
    expect(TAP_MIN).toBeGreaterThanOrEqual(44)
  })

  it('use only tokens that the token file defines', () => {
    const unknown = decls.filter((d) => d.value.includes('$'))
    expect(unknown.map((d) => `${d.file}:${d.line} ${d.prop}: ${d.value}`)).toEqual([])
  })

  it('use no font smaller than $font-min', () => {
    const small = decls.filter((d) => d.prop === 'font-size' && pxOf(d.value) < FONT_MIN)
    expect(small.map((d) => `${d.file}:${d.line} ${d.value}`)).toEqual([])
  })

  it('have no tap token (tap-*) below $tap-min', () => {
    const low = [...tokens].filter(([name, value]) => name.startsWith('tap-') && pxOf(value) < TAP_MIN)
    expect(low).toEqual([])
  })
})
