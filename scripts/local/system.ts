/**
 * The whole system on one machine: function bundles built, the local CloudBase hosting them and
 * serving the h5 app, the demo city seeded on first start. Used by `npm start`, the browser tests
 * and the benchmarks alike.
 */
import tcb from '@cloudbase/node-sdk'
import { spawnSync } from 'child_process'
import { existsSync } from 'fs'
import { join, resolve } from 'path'
import { sdkEnvironment } from '../../emulator/src/credentials'
import { FUNCTION_POOL_SIZE, loadFunctionBundlesInWorkers } from '../../emulator/src/function-workers'
import { loadFunctionBundles } from '../../emulator/src/functions'
import { type Emulator, startEmulator } from '../../emulator/src/server'
import { buildFunctions } from '../build-functions'
import { seedDatabase } from '../seed/index'
import { describeSetup, SetupRefused, setupCity } from '../setup-city'
import { isIdentity, localIdentities } from './identities'
import { useCheckinSecret } from './secret'

export const ROOT = resolve(__dirname, '..', '..')
export const H5_DIR = join(ROOT, 'dist', 'h5')
const ENV_ID = 'local-dev'

export interface LocalSystemOptions {
  port: number
  dataDir: string
  /** Rebuild the h5 app even if dist/h5 exists. */
  rebuildApp?: boolean
  /** Where the demo data's "today" is (tests pin it). */
  now?: Date
  /** Serve (and build if missing) the h5 app; benchmarks need only the functions. Default true. */
  app?: boolean
  /**
   * Worker threads that run the functions (and their SDK calls), so that they use other cores than the
   * emulator's database service on the main thread and one slow call does not hold up the rest. 0 runs
   * them in this thread. Default: one per core, at least two (FUNCTION_POOL_SIZE).
   */
  functionWorkers?: number
  /** More function bundles to host (folders of `<name>/index.js`), e.g. a benchmark's own. */
  extraFunctionRoots?: string[]
  /**
   * No demo: the first start of a real city (setup-city.ts's step) instead of the seed. Until someone takes
   * it, every start issues a new setup code (the last one printed is the one that works).
   */
  empty?: { cityName: string }
}

export interface LocalSystem {
  emulator: Emulator
  functions: string[]
  seeded: Awaited<ReturnType<typeof seedDatabase>>
  /** With `empty`: what the setup step says (the code and its expiry, or why there is none). */
  setup?: string[]
  stop(): Promise<void>
}

/** As inside SCF: the SDK must not probe Tencent's hosts (its credentials are the emulator's key, set at start). */
export function useLocalCloudEnv(): void {
  Object.assign(process.env, { TENCENTCLOUD: 'true', SCF_NAMESPACE: ENV_ID, SILENCE: 'true' })
}

export function buildAppIfMissing(force = false): void {
  if (!force && existsSync(join(H5_DIR, 'index.html'))) return
  console.log('building the h5 app (the first time takes about a minute)…')
  // A production build whatever the caller's NODE_ENV: under jest (NODE_ENV=test) babel-preset-taro
  // would ask for react-refresh, which a build does not need.
  const env = { ...process.env, NODE_ENV: 'production' }
  // Progress bars only on a terminal; in CI logs, the output only if the build fails.
  const stdio = process.stdout.isTTY ? 'inherit' : 'pipe'
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio, env, maxBuffer: 64 * 2 ** 20 })
  if (r.status !== 0) throw new Error(`h5 build failed\n${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-8000))
}

export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  useLocalCloudEnv()
  useCheckinSecret(options.dataDir)
  await buildFunctions()
  const app = options.app !== false
  if (app) buildAppIfMissing(options.rebuildApp)
  const emulator = await startEmulator({
    port: options.port,
    dataDir: options.dataDir,
    envId: ENV_ID,
    staticDir: app ? H5_DIR : undefined,
    identities: localIdentities,
    isIdentity,
  })
  // Before the function workers start: each takes a copy of the environment.
  Object.assign(process.env, sdkEnvironment(emulator))
  process.env.DANGKE_LOCAL_APP_URL ??= emulator.url // the poster's code opens the h5 page (functions read it)
  const roots = [join(ROOT, 'cloudfunctions'), ...(options.extraFunctionRoots ?? [])]
  const workerCount = options.functionWorkers ?? FUNCTION_POOL_SIZE
  const workers = workerCount > 0 ? loadFunctionBundlesInWorkers(emulator.functions, roots, workerCount) : undefined
  const functions = workers?.names ?? roots.flatMap((root) => loadFunctionBundles(emulator.functions, root)).sort()
  const db = tcb.init({ env: ENV_ID, serviceUrl: emulator.adminUrl, keepalive: false }).database()
  const seeded = options.empty ? { seeded: false, counts: {} } : await seedDatabase(db, options.now)
  const setup = options.empty && (await firstStart(db, options.empty.cityName, options.now))
  return {
    emulator,
    functions,
    seeded,
    setup: setup || undefined,
    async stop() {
      await workers?.stop()
      await emulator.stop()
    },
  }
}

async function firstStart(db: Parameters<typeof setupCity>[0], name: string, now?: Date): Promise<string[]> {
  try {
    return describeSetup(await setupCity(db, { name, renew: true, now }))
  } catch (err) {
    if (err instanceof SetupRefused) return err.message.split('\n')
    throw err
  }
}
