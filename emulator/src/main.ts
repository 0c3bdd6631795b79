/**
 * The local CloudBase on its own: `npm run emulator`. Environment:
 *   DANGKE_PORT (default 8787), DANGKE_DATA_DIR (default .data/cloudbase),
 *   DANGKE_FUNCTIONS (a folder of built function bundles to host, optional).
 * Tools in another process reach it with the key in `<data>/admin-key` (credentials.ts: adminKeyOf).
 * `npm start` (scripts/start.ts) uses the same server with the app, the functions and demo data.
 */
import { join, resolve } from 'path'
import { sdkEnvironment } from './credentials'
import { loadFunctionBundles } from './functions'
import { serveUntilStopped } from './serve'
import { startEmulator } from './server'

async function main() {
  const dataDir = resolve(process.env.DANGKE_DATA_DIR ?? '.data/cloudbase')
  const emulator = await startEmulator({ port: Number(process.env.DANGKE_PORT ?? 8787), dataDir })
  if (process.env.DANGKE_FUNCTIONS) {
    Object.assign(process.env, sdkEnvironment(emulator))
    loadFunctionBundles(emulator.functions, resolve(process.env.DANGKE_FUNCTIONS))
  }
  console.log(
    `local CloudBase: ${emulator.adminUrl} (SDK key: TENCENTCLOUD_SECRETKEY from ${join(dataDir, 'admin-key')})`,
  )
  return emulator
}

serveUntilStopped(main)
