/**
 * `npm start`: the whole system on this machine, no cloud account (scripts/local/system.ts).
 *   DANGKE_PORT      port of the app and the local CloudBase (default 8787)
 *   DANGKE_DATA_DIR  where documents (SQLite) and files live (default .data/cloudbase)
 *   DANGKE_REBUILD=1 rebuild the h5 app even if dist/h5 exists
 */
import { join, resolve } from 'path'
import { serveUntilStopped } from '../emulator/src/serve'
import { ROOT, startLocalSystem } from './local/system'

async function main() {
  const dataDir = resolve(process.env.DANGKE_DATA_DIR ?? join(ROOT, '.data', 'cloudbase'))
  const system = await startLocalSystem({
    port: Number(process.env.DANGKE_PORT ?? 8787),
    dataDir,
    rebuildApp: process.env.DANGKE_REBUILD === '1',
  })
  const { emulator, seeded } = system
  const counts = Object.entries(seeded.counts).map(([k, v]) => `${v} ${k}`)
  console.log(seeded.seeded ? `seeded the demo city: ${counts.join(', ')}` : `using the data already in ${dataDir}`)
  if (!seeded.seeded && seeded.counts.lectures) console.log("added today's demo lecture (for check-in) to it")
  console.log(`
我来讲党课 is running on this machine.
  app (h5):          ${emulator.url}/
  local sign-in:     ${emulator.url}/app/login
  CloudBase /admin:  ${emulator.adminUrl}  (SDK key: TENCENTCLOUD_SECRETKEY=$(cat ${join(dataDir, 'admin-key')}))
  functions:         ${system.functions.join(', ')}
  data folder:       ${dataDir}
Stop with Ctrl+C.`)
  return system
}

serveUntilStopped(main)
