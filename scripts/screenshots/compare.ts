/** Compares two folders of screenshots pixel by pixel and draws the differing pixels red over a faded copy. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs'
import { join } from 'path'
import { PNG } from 'pngjs'

export interface Difference {
  name: string
  /** Share of the pixels that differ (1 when the sizes differ or one side is missing). */
  share: number
  diffFile?: string
}

function diffImage(a: PNG, b: PNG): { changed: number; image: PNG } {
  const image = new PNG({ width: a.width, height: a.height })
  let changed = 0
  for (let i = 0; i < a.data.length; i += 4) {
    const same = a.data.readUInt32BE(i) === b.data.readUInt32BE(i)
    if (!same) changed++
    const grey = (a.data[i] + a.data[i + 1] + a.data[i + 2]) / 3
    const faded = 255 - (255 - grey) / 4
    image.data[i] = same ? faded : 255
    image.data[i + 1] = same ? faded : 0
    image.data[i + 2] = same ? faded : 0
    image.data[i + 3] = 255
  }
  return { changed, image }
}

/** Every picture of `before` against the one of the same name in `after`; diffs go to `after`/diff/. */
export function compareFolders(before: string, after: string): Difference[] {
  const names = readdirSync(before).filter((f) => f.endsWith('.png'))
  return names.map((file) => {
    const name = file.replace(/\.png$/, '')
    if (!existsSync(join(after, file))) return { name, share: 1 }
    const a = PNG.sync.read(readFileSync(join(before, file)))
    const b = PNG.sync.read(readFileSync(join(after, file)))
    if (a.width !== b.width || a.height !== b.height) return { name, share: 1 }
    const { changed, image } = diffImage(a, b)
    if (changed === 0) return { name, share: 0 }
    const diffFile = join(after, 'diff', file)
    mkdirSync(join(after, 'diff'), { recursive: true })
    writeFileSync(diffFile, PNG.sync.write(image))
    return { name, share: changed / (a.width * a.height), diffFile }
  })
}
