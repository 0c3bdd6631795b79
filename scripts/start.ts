/**
 * `npm start`: the whole system on this machine, no cloud account (scripts/local/system.ts).
 *   DANGKE_PORT      port of the app and the local CloudBase (default 8787)
 *   DANGKE_DATA_DIR  where documents (SQLite) and files live (default .data/cloudbase)
 *   DANGKE_REBUILD=1 rebuild the h5 app even if dist/h5 exists
 *   DANGKE_EMPTY=1   no demo: a real city's first start in an empty data folder (as `npm run setup:city`
 *                    does in the cloud): the city DANGKE_CITY_NAME (default 济南市) and a setup code for its
 *                    first administrator, printed below; sign in on /app/login as 新的微信用户 and type it in
 *                    绑定 → 首次启用. A later start issues a new code until someone has taken it.
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
    empty: process.env.DANGKE_EMPTY === '1' ? { cityName: process.env.DANGKE_CITY_NAME || '济南市' } : undefined,
  })
  const { emulator, seeded, setup } = system
  const counts = Object.entries(seeded.counts).map(([k, v]) => `${v} ${k}`)
  if (setup) console.log(`no demo data (DANGKE_EMPTY=1): ${dataDir}`)
  else
    console.log(seeded.seeded ? `seeded the demo city: ${counts.join(', ')}` : `using the data already in ${dataDir}`)
  if (!seeded.seeded && seeded.counts.lectures) console.log("added today's demo lecture (for check-in) to it")
  const signIn = `本地试用 / locally: ${emulator.url}/app/login → 新的微信用户（还没有绑定）`
  const firstStart = setup ? `\n首次启用 / first start:\n${[...setup, signIn].map((l) => `  ${l}`).join('\n')}\n` : ''
  console.log(`${firstStart}
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
