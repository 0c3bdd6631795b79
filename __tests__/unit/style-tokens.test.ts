/**
 * The look lives in src/styles/_tokens.scss (style.md 15): no other style file writes a colour of its own,
 * so that the brand red or a grey is changed in one place.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '..', '..')
// The tokens themselves, and the sheet that forwards the mixins of src/styles/mixins/.
const SOURCES = ['src/styles/_tokens.scss', 'src/styles/_mixins.scss']

function styleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return styleFiles(p)
    return /\.s?css$/.test(e.name) ? [relative(ROOT, p)] : []
  })
}

const files = styleFiles(join(ROOT, 'src')).filter((f) => !SOURCES.includes(f))

it('finds the style files', () => {
  expect(files.length).toBeGreaterThan(30)
})

it('no style file but the tokens writes a colour literal', () => {
  const literals = files.flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .map((line, i) => ({ line: line.replace(/\/\/.*$/, ''), at: `${file}:${i + 1}` }))
      .filter(({ line }) => /#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/i.test(line))
      .map(({ line, at }) => `${at} ${line.trim()}`),
  )
  expect(literals).toEqual([])
})

it('every style file takes the tokens', () => {
  const without = files.filter(
    (file) => !/^@use '[./]*(styles\/)?(tokens|mixins)' as \*;$/m.test(readFileSync(join(ROOT, file), 'utf8')),
  )
  expect(without).toEqual([])
})
