/**
 * Defers chosen packages of a function bundle until their exports are first used. @cloudbase/node-sdk
 * requires its AI, data-model, storage-XML, JWT, HTTP-client and proxy code when it is loaded, though our
 * requests reach little of it; parsing and evaluating all of it was most of a cold start.
 *
 * The SDK is unchanged. In index.js each `require('<package>')` gets a stand-in whose exports are getters; the
 * first access loads the real module from its group's file `lazy/sdk-<group>.js` beside index.js (built by
 * scripts/build-functions.ts, which refuses a module that would be in two files: none may exist twice).
 * What importers read at load time is decided here, at build time, from the real module: whether it is a
 * function (callable, constructible), its `__esModule` flag (tslib's `__importDefault` reads it) and its
 * enumerable keys (`__importStar` copies them); so importing a stand-in evaluates nothing.
 */
import { execFileSync } from 'child_process'
import type { Plugin } from 'esbuild'

/**
 * Deferred packages, in groups that share no module (each group is one file, `lazy/sdk-<group>.js`, so that a
 * first use parses only its own), and what needs each. On our requests' paths only where noted: there the
 * first use pays, once per instance.
 */
export const DEFERRED: Record<string, string[]> = {
  models: ['@cloudbase/wx-cloud-client-sdk'], // tcb.init() sets up app.models with it (our first request)
  ai: ['@cloudbase/ai', '@cloudbase/app', 'web-streams-polyfill'], // app.ai()
  xml: ['xml2js'], // storage: reading COS's XML replies (exports upload, roster import)
  http: [
    'axios', // the Tencent metadata probe outside the cloud; app.requestClient
    'form-data', // multipart requests: WeChat open APIs (mini-program codes)
    'jsonwebtoken', // auth().createTicket
    'agentkeepalive', // keep-alive agents (on outside SCF, so locally on the first request)
    'https-proxy-agent', // init({proxy})
    'http-proxy-agent', // init({proxy})
  ],
}

/** Beside index.js, as `lazy/<package>.js` is for LAZY packages. */
export const deferredFile = (group: string) => `./lazy/sdk-${group}.js`

export interface Shape {
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

/** A real file's name in its lazy file: its path inside node_modules (unique, nested versions too). */
export const keyOf = (file: string) => file.slice(file.indexOf('node_modules/') + 'node_modules/'.length)

/**
 * The stand-in module's source: the real module's shape, every export read through on first access. A real
 * module that throws while it loads is not kept half-built (esbuild's wrapper would hand it back next time):
 * every later use throws the first error again, naming the lazy file.
 */
export function standIn(file: string, group: string, { callable, esModule, keys }: Shape): string {
  const where = `${keyOf(file)} (${deferredFile(group)})`
  return `let real, failed
const load = () => {
  if (real) return real
  if (failed) throw failed
  try {
    return (real = require(${JSON.stringify(deferredFile(group))})[${JSON.stringify(keyOf(file))}]())
  } catch (cause) {
    throw (failed = new Error(${JSON.stringify(`deferred module ${where} failed to load: `)} + (cause && cause.message), { cause }))
  }
}
const standIn = (module.exports = ${
    callable
      ? 'function (...args) { return new.target ? Reflect.construct(load(), args) : load().apply(this, args) }'
      : '{}'
  })
${esModule ? "Object.defineProperty(standIn, '__esModule', { value: true })" : ''}
for (const key of ${JSON.stringify(keys.filter((k) => k !== '__esModule' && k !== 'prototype'))})
  Object.defineProperty(standIn, key, {
    enumerable: true,
    configurable: true,
    get: () => load()[key],
    set: (v) => { load()[key] = v },
  })
`
}

/** The source of a group's lazy file: each real module behind a function, so that one use evaluates one. */
export function deferredBundleSource(files: Iterable<string>): string {
  const entries = [...files].map((f) => `  ${JSON.stringify(keyOf(f))}: () => require(${JSON.stringify(f)}),`)
  return `module.exports = {\n${entries.join('\n')}\n}\n`
}

/** The plugin for one build; `groups` collects, per group, the real files it deferred (for the lazy files). */
export function deferredModules(deferred = DEFERRED): { plugin: Plugin; groups: Map<string, Set<string>> } {
  const groups = new Map<string, Set<string>>()
  const groupOf = new Map(Object.entries(deferred).flatMap(([group, pkgs]) => pkgs.map((p) => [p, group])))
  const escaped = [...groupOf.keys()].map((p) => p.replace(/[/.]/g, '\\$&'))
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
        const group = groupOf.get(args.path)!
        if (!groups.has(group)) groups.set(group, new Set())
        groups.get(group)!.add(real.path)
        return { path: real.path, namespace: NAMESPACE, pluginData: group }
      })
      build.onResolve({ filter: /^\.\/lazy\/sdk-[a-z]+\.js$/, namespace: NAMESPACE }, (args) => ({
        path: args.path,
        external: true,
      }))
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        if (!shapes.has(args.path)) shapes.set(args.path, shapeOf(args.path))
        return { contents: standIn(args.path, args.pluginData, shapes.get(args.path)!), loader: 'js' }
      })
    },
  }
  return { plugin, groups }
}
