/**
 * A deferred package's stand-in (scripts/deferred-modules.ts) behaves as the real module for the SDK's ways
 * of importing it (tslib's __importDefault and __importStar, a plain require), and evaluates it on first use.
 */
import { build } from 'esbuild'
import { execFileSync } from 'child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { dirname, join } from 'path'
import { buildDeferred } from '../../scripts/build-functions'
import { deferredModules, standIn } from '../../scripts/deferred-modules'

const SDK_DIR = join(dirname(require.resolve('@cloudbase/node-sdk')), 'utils')

/** What the SDK does with them, as its compiled files do it (helpers copied from node-sdk's dist). */
const IMPORTER = `
var __importDefault = function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod } }
var __createBinding = function (o, m, k) {
  Object.defineProperty(o, k, { enumerable: true, get: function () { return m[k] } })
}
var __importStar = function (mod) {
  if (mod && mod.__esModule) return mod
  var result = {}
  if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k))
    __createBinding(result, mod, k)
  Object.defineProperty(result, "default", { enumerable: true, value: mod })
  return result
}
const wx = __importDefault(require('@cloudbase/wx-cloud-client-sdk'))
const xml2js = require('xml2js')
const keepalive = __importStar(require('agentkeepalive'))
const axios = __importDefault(require('axios'))
const methodsOf = (o) => Object.getOwnPropertyNames(Object.getPrototypeOf(o)).sort()
const lazyLoaded = () => Object.keys(require.cache).some((f) => f.includes('lazy'))
module.exports = async () => ({
  atLoad: lazyLoaded(),
  wx: Object.keys(wx.default).sort(),
  xml: await new Promise((resolve) => xml2js.parseString('<a><b>1</b></a>', (err, x) => resolve(x))),
  agent: [new keepalive.default({}), new keepalive.HttpsAgent({})].map(methodsOf),
  axios: [typeof axios.default, typeof axios.default.get, typeof axios.default.create({}).request],
  afterUse: lazyLoaded(),
})`

const REAL = `
const real = (p) => require(require.resolve(p, { paths: [${JSON.stringify(SDK_DIR)}] }))
module.exports = {
  wx: Object.keys(real('@cloudbase/wx-cloud-client-sdk').default).sort(),
  agent: [new (real('agentkeepalive'))({}), new (real('agentkeepalive').HttpsAgent)({})].map((o) =>
    Object.getOwnPropertyNames(Object.getPrototypeOf(o)).sort()),
}`

let out: string
beforeAll(() => (out = mkdtempSync(join(tmpdir(), 'dangke-deferred-'))))
afterAll(() => rmSync(out, { recursive: true, force: true }))

it('gives the real exports on first use, and evaluates nothing before', async () => {
  const deferred = deferredModules()
  const result = await build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
    stdin: { contents: IMPORTER, resolveDir: SDK_DIR },
    outfile: join(out, 'index.js'),
    metafile: true,
    plugins: [deferred.plugin],
  })
  await buildDeferred(out, deferred.groups, Object.keys(result.metafile.inputs))
  const run = (script: string) =>
    JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: out, encoding: 'utf8' }).trim())
  const seen = run(`require('./index.js')().then((r) => console.log(JSON.stringify(r)))`)
  const real = run(`${REAL}; console.log(JSON.stringify(module.exports))`)
  expect(seen).toEqual({
    atLoad: false,
    wx: real.wx,
    xml: { a: { b: ['1'] } },
    agent: real.agent,
    axios: ['function', 'function', 'function'],
    afterUse: true,
  })
  expect(seen.wx).toContain('generateHTTPClient')
}, 60_000)

it('throws the first load error again on every later use, instead of handing back a half-built module', () => {
  const dir = mkdtempSync(join(out, 'boom-'))
  mkdirSync(join(dir, 'lazy'))
  // What esbuild's wrapper does with a module that throws while it loads: the second call answers the exports
  // as far as they got.
  writeFileSync(
    join(dir, 'lazy', 'sdk-t.js'),
    `let started = false
module.exports = { 'boom/index.js': () => {
  if (started) return { half: true }
  started = true
  throw new Error('init failed')
} }`,
  )
  const file = '/x/node_modules/boom/index.js'
  writeFileSync(join(dir, 'index.js'), standIn(file, 't', { callable: false, esModule: false, keys: ['sign'] }))
  const probe = `const m = require(process.argv[1])
const tries = [0, 1].map(() => { try { return typeof m.sign } catch (e) { return e.message } })
console.log(JSON.stringify(tries))`
  const tries = JSON.parse(execFileSync(process.execPath, ['-e', probe, join(dir, 'index.js')], { encoding: 'utf8' }))
  expect(tries).toEqual([
    'deferred module boom/index.js (./lazy/sdk-t.js) failed to load: init failed',
    'deferred module boom/index.js (./lazy/sdk-t.js) failed to load: init failed',
  ])
})
