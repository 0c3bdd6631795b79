/**
 * `npm start`: the whole system on this machine, no cloud account. Builds what is missing (function
 * bundles, the h5 app), starts the local CloudBase with the functions, seeds the demo city on first
 * start, and serves the app. Environment:
 *   DANGKE_PORT      port of the app and the emulator (default 8787)
 *   DANGKE_DATA_DIR  where documents (SQLite) and files live (default .data/cloudbase)
 *   DANGKE_REBUILD=1 rebuild the h5 app even if dist/h5 exists
 */
import { spawnSync } from 'child_process'
import { existsSync } from 'fs'
import { join, resolve } from 'path'
import tcb from '@cloudbase/node-sdk'
import { loadFunctionBundles } from '../emulator/src/functions'
import { startEmulator } from '../emulator/src/server'
import { buildFunctions } from './build-functions'
import { localIdentities } from './local/identities'
import { seedDatabase } from './seed/index'

const ROOT = resolve(__dirname, '..')
const ENV_ID = 'local-dev'

// As inside SCF: the SDK needs credentials (any value here) and must not probe Tencent's hosts.
Object.assign(process.env, {
  TENCENTCLOUD: 'true',
  TENCENTCLOUD_SECRETID: process.env.TENCENTCLOUD_SECRETID ?? 'local',
  TENCENTCLOUD_SECRETKEY: process.env.TENCENTCLOUD_SECRETKEY ?? 'local',
  SCF_NAMESPACE: ENV_ID,
  SILENCE: 'true',
})

async function main(): Promise<void> {
  const port = Number(process.env.DANGKE_PORT ?? 8787)
  const dataDir = resolve(process.env.DANGKE_DATA_DIR ?? join(ROOT, '.data', 'cloudbase'))
  const h5 = join(ROOT, 'dist', 'h5')

  await buildFunctions()
  if (process.env.DANGKE_REBUILD === '1' || !existsSync(join(h5, 'index.html'))) {
    console.log('building the h5 app (first start takes about half a minute)…')
    const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit', env: process.env })
    if (r.status !== 0) throw new Error('h5 build failed')
  }

  let store: import('../emulator/src/database/store').Store | undefined
  const emulator = await startEmulator({
    port,
    dataDir,
    envId: ENV_ID,
    staticDir: h5,
    identities: () => (store ? localIdentities(store) : []),
  })
  store = emulator.store
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: emulator.adminUrl })
  const functions = loadFunctionBundles(emulator.functions, join(ROOT, 'cloudfunctions'))

  const db = tcb.init({ env: ENV_ID, keepalive: false }).database()
  const seeded = await seedDatabase(db)
  console.log(
    seeded.seeded
      ? `seeded the demo city: ${Object.entries(seeded.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`
      : `using the data already in ${dataDir}`,
  )
  console.log(`
我来讲党课 is running on this machine.
  app (h5):          ${emulator.url}/
  local sign-in:     ${emulator.url}/app/login
  CloudBase /admin:  ${emulator.adminUrl}
  functions:         ${functions.join(', ')}
  data folder:       ${dataDir}
Stop with Ctrl+C.`)

  const stop = () => emulator.stop().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
