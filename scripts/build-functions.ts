/**
 * Bundles each cloud function `cloudfunctions/<name>/main.ts` into the deployable
 * `cloudfunctions/<name>/index.js` (one CommonJS file with the SDK inside, no node_modules needed).
 * Usage: tsx scripts/build-functions.ts [--out DIR]   (default: in place)
 */
import { build } from 'esbuild'
import { existsSync, readdirSync } from 'fs'
import { join, resolve } from 'path'

export const FUNCTIONS_ROOT = resolve(__dirname, '..', 'cloudfunctions')

export function functionNames(root = FUNCTIONS_ROOT): string[] {
  return readdirSync(root)
    .filter((n) => !n.startsWith('_') && existsSync(join(root, n, 'main.ts')))
    .sort()
}

export async function buildFunctions(outRoot = FUNCTIONS_ROOT): Promise<{ name: string; bytes: number }[]> {
  const built: { name: string; bytes: number }[] = []
  for (const name of functionNames()) {
    const outfile = join(outRoot, name, 'index.js')
    const result = await build({
      entryPoints: [join(FUNCTIONS_ROOT, name, 'main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18', // cloudbaserc.json: Nodejs18.15
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    })
    built.push({ name, bytes: result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].bytes })
  }
  return built
}

if (require.main === module) {
  const out = process.argv.includes('--out') ? resolve(process.argv[process.argv.indexOf('--out') + 1]) : undefined
  buildFunctions(out)
    .then((built) => {
      for (const b of built) console.log(`cloudfunctions/${b.name}/index.js  ${(b.bytes / 1024).toFixed(0)} KB`)
    })
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
