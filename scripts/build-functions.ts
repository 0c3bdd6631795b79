/**
 * Bundles each cloud function `cloudfunctions/<name>/main.ts` into the deployable
 * `cloudfunctions/<name>/index.js` (one CommonJS file with the SDK inside, no node_modules needed).
 * A heavy package that handlers load with a dynamic `import()` (LAZY) is left out of index.js and bundled
 * alone beside it as `lazy/<package>.js`, inside the function's folder, which CloudBase deploys whole. The
 * SDK's packages that a request rarely reaches (DEFERRED in scripts/deferred-modules.ts) go to
 * `lazy/sdk-<group>.js`, evaluated on first use.
 * Usage: tsx scripts/build-functions.ts [--out DIR]   (default: in place)
 */
import { build, type BuildOptions, type Plugin } from 'esbuild'
import { existsSync, readdirSync, rmSync } from 'fs'
import { join, resolve } from 'path'
import { deferredBundleSource, deferredFile, deferredModules } from './deferred-modules'

/** Packages a cold start should not parse: only the handlers that use them load them (_shared/lazy.ts). */
const LAZY = ['exceljs', 'qrcode']
const LAZY_DIR = 'lazy'

const COMMON: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node18', // cloudbaserc.json: Nodejs18.15
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
}

/** A dynamic import of a LAZY package becomes a require of ./lazy/<package>.js; a static one stays bundled. */
const lazyImports: Plugin = {
  name: 'lazy-imports',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY.join('|')})$`) }, (args) =>
      args.kind === 'dynamic-import' ? { path: `./${LAZY_DIR}/${args.path}.js`, external: true } : undefined,
    )
  },
}

export const FUNCTIONS_ROOT = resolve(__dirname, '..', 'cloudfunctions')

export function functionNames(root = FUNCTIONS_ROOT): string[] {
  return readdirSync(root)
    .filter((n) => !n.startsWith('_') && existsSync(join(root, n, 'main.ts')))
    .sort()
}

/**
 * Each group's lazy/sdk-<group>.js (scripts/deferred-modules.ts). No module may be in two of these files or
 * in one and index.js: it would exist twice, with its own state.
 */
export async function buildDeferred(folder: string, groups: Map<string, Set<string>>, mainInputs: string[]) {
  const seen = new Set(mainInputs)
  for (const [group, files] of groups) {
    const result = await build({
      ...COMMON,
      stdin: { contents: deferredBundleSource(files), resolveDir: FUNCTIONS_ROOT },
      outfile: join(folder, deferredFile(group)),
      metafile: true,
    })
    const inputs = Object.keys(result.metafile.inputs).filter((i) => i !== '<stdin>')
    const twice = inputs.filter((i) => seen.has(i))
    if (twice.length) throw new Error(`${deferredFile(group)} holds modules bundled elsewhere too: ${twice.join(', ')}`)
    inputs.forEach((i) => seen.add(i))
  }
}

export async function buildFunctions(outRoot = FUNCTIONS_ROOT): Promise<{ name: string; bytes: number }[]> {
  const built: { name: string; bytes: number }[] = []
  for (const name of functionNames()) {
    const outfile = join(outRoot, name, 'index.js')
    const deferred = deferredModules()
    const result = await build({
      ...COMMON,
      entryPoints: [join(FUNCTIONS_ROOT, name, 'main.ts')],
      outfile,
      metafile: true,
      plugins: [lazyImports, deferred.plugin],
    })
    const output = Object.values(result.metafile.outputs)[0]
    rmSync(join(outRoot, name, LAZY_DIR), { recursive: true, force: true })
    for (const pkg of LAZY) {
      if (!output.imports.some((i) => i.external && i.path === `./${LAZY_DIR}/${pkg}.js`)) continue
      await build({
        ...COMMON,
        stdin: { contents: `module.exports = require('${pkg}')`, resolveDir: FUNCTIONS_ROOT },
        outfile: join(outRoot, name, LAZY_DIR, `${pkg}.js`),
      })
    }
    await buildDeferred(join(outRoot, name), deferred.groups, Object.keys(output.inputs))
    built.push({ name, bytes: output.bytes })
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
