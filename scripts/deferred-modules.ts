/**
 * Defers chosen packages of a function bundle until their exports are first used. @cloudbase/node-sdk
 * requires its AI, data-model, storage-XML, JWT, HTTP-client and proxy code when it is loaded, though our
 * requests reach little of it; parsing and evaluating all of it was most of a cold start.
 *
 * The SDK is unchanged. In index.js each `require('<package>')` gets a stand-in whose exports are getters; the
 * first access loads the real module from `lazy/deferred.js`, one bundle of all deferred packages beside
 * index.js (built by scripts/build-functions.ts; the build refuses a module that would be in both files).
 * What importers read at load time is decided here, at build time, from the real module: whether it is a
 * function (callable, constructible), its `__esModule` flag (tslib's `__importDefault` reads it) and its
 * enumerable keys (`__importStar` copies them); so importing a stand-in evaluates nothing.
 */
import { execFileSync } from 'child_process'
import type { Plugin } from 'esbuild'

/** Deferred packages, and what needs each. On our requests' paths only where noted: the first use pays. */
export const DEFERRED = [
  '@cloudbase/wx-cloud-client-sdk', // tcb.init() sets up app.models with it (our first request)
  '@cloudbase/ai', // app.ai()
  '@cloudbase/app', // app.ai()
  'web-streams-polyfill', // app.ai() streams
  'xml2js', // storage: reading COS's XML replies (exports upload, roster import)
  'jsonwebtoken', // auth().createTicket
  'axios', // the Tencent metadata probe outside the cloud; app.requestClient
  'form-data', // multipart requests: WeChat open APIs (mini-program codes)
  'agentkeepalive', // keep-alive agents (init({keepalive}); off in SCF)
  'https-proxy-agent', // init({proxy})
  'http-proxy-agent', // init({proxy})
]

/** Beside index.js, as `./lazy/<package>.js` is for LAZY packages. */
export const DEFERRED_FILE = './lazy/deferred.js'

interface Shape {
  callable: boolean
  esModule: boolean
  keys: string[]
}

const NAMESPACE = 'deferred'
/** Per real file, for every build in this process (seven functions share the SDK). */
const shapes = new Map<string, Shape>()

/** The shape of the real module, read by a plain node (not the caller's module system: jest runs builds). */
function shapeOf(file: string): Shape {
  const probe = `const m = require(process.argv[1])
    console.log(JSON.stringify({ callable: typeof m === 'function', esModule: !!(m && m.__esModule), keys: Object.keys(m) }))`
  return JSON.parse(execFileSync(process.execPath, ['-e', probe, file], { encoding: 'utf8' }))
}

/** A real file's name in lazy/deferred.js: its path inside node_modules (unique, nested versions too). */
export const keyOf = (file: string) => file.slice(file.indexOf('node_modules/') + 'node_modules/'.length)

/** The stand-in module's source: the real module's shape, every export read through on first access. */
function standIn(file: string, { callable, esModule, keys }: Shape): string {
  return `let real
const load = () => (real ??= require(${JSON.stringify(DEFERRED_FILE)})[${JSON.stringify(keyOf(file))}]())
const standIn = (module.exports = ${
    callable
      ? 'function (...args) { return new.target ? Reflect.construct(load(), args) : load().apply(this, args) }'
      : '{}'
  })
${esModule ? "Object.defineProperty(standIn, '__esModule', { value: true })" : ''}
for (const key of ${JSON.stringify(keys)})
  Object.defineProperty(standIn, key, { enumerable: true, get: () => load()[key], set: (v) => { load()[key] = v } })
`
}

/** The source of lazy/deferred.js: each real module behind a function, so that one use evaluates one. */
export function deferredBundleSource(files: Iterable<string>): string {
  const entries = [...files].map((f) => `  ${JSON.stringify(keyOf(f))}: () => require(${JSON.stringify(f)}),`)
  return `module.exports = {\n${entries.join('\n')}\n}\n`
}

/** The plugin for one build; `files` collects the real files it deferred (for lazy/deferred.js). */
export function deferredModules(packages: string[] = DEFERRED): { plugin: Plugin; files: Set<string> } {
  const files = new Set<string>()
  const escaped = packages.map((p) => p.replace(/[/.]/g, '\\$&'))
  const plugin: Plugin = {
    name: 'deferred-modules',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${escaped.join('|')})$`) }, async (args) => {
        // Our own resolve below, and a static import (esbuild links those at load): the real module.
        if (args.kind !== 'require-call' || args.pluginData === NAMESPACE) return undefined
        const real = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: NAMESPACE,
        })
        if (real.errors.length) return { errors: real.errors }
        files.add(real.path)
        return { path: real.path, namespace: NAMESPACE }
      })
      build.onResolve({ filter: /^\.\/lazy\/deferred\.js$/, namespace: NAMESPACE }, (args) => ({
        path: args.path,
        external: true,
      }))
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        if (!shapes.has(args.path)) shapes.set(args.path, shapeOf(args.path))
        return { contents: standIn(args.path, shapes.get(args.path)!), loader: 'js' }
      })
    },
  }
  return { plugin, files }
}
