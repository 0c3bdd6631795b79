/**
 * `npm run check:cloud`: the database and storage behaviours the functions rely on (check-cloud/checks.ts),
 * one line each, against a real CloudBase environment when its id and a CAM key are set, else against a
 * fresh local CloudBase. Run it once after deploying (and after `npm run deploy:database`):
 *   ENV_ID=<env> TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run check:cloud
 * With DANGKE_WX_APPID and DANGKE_WX_APPSECRET set as well, the poster-code check asks WeChat over HTTPS
 * as the deployed checkin function does. Exit status 1 when a check failed.
 */
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import tcb from '@cloudbase/node-sdk'
import { sdkEnvironment } from '../emulator/src/credentials'
import { startEmulator } from '../emulator/src/server'
import { type CheckResult, resultLine, runCloudChecks, scratchCollection } from './check-cloud/checks'

async function againstRealEnvironment(envId: string, secretId: string, secretKey: string): Promise<CheckResult[]> {
  console.log(`cloud check: CloudBase environment ${envId}`)
  const app = tcb.init({ env: envId, secretId, secretKey, timeout: 15000 })
  const nonce = `${Date.now().toString(36)}`
  try {
    return await runCloudChecks(app, nonce)
  } finally {
    // node-sdk cannot drop a collection; the manager API can.
    const { default: CloudBase } = await import('@cloudbase/manager-node')
    const scratch = scratchCollection(nonce)
    await new CloudBase({ envId, secretId, secretKey }).database
      .deleteCollection(scratch)
      .catch((err: unknown) => console.error(`cloud check: could not drop ${scratch} (empty): ${String(err)}`))
  }
}

async function againstLocalCloudBase(): Promise<CheckResult[]> {
  console.log(
    'cloud check: a fresh local CloudBase (set ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY for a real one)',
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'dangke-check-'))
  const emulator = await startEmulator({ dataDir, port: 0 })
  // What the SDK needs to talk to it: the instance's key, as a function there gets it.
  Object.assign(process.env, { TENCENTCLOUD: 'true' }, sdkEnvironment(emulator))
  // The poster's code on the local system is the substitute QR code, as under `npm start`.
  process.env.DANGKE_LOCAL_APP_URL = emulator.url
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: emulator.adminUrl })
  try {
    const app = tcb.init({ env: 'local-dev', serviceUrl: emulator.adminUrl, keepalive: false, timeout: 15000 })
    return await runCloudChecks(app)
  } finally {
    await emulator.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const { ENV_ID: envId, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
  const given = [envId, secretId, secretKey].filter(Boolean).length
  if (given > 0 && given < 3) {
    console.error('cloud check: set all of ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY, or none')
    process.exit(2)
  }
  const results = given ? await againstRealEnvironment(envId!, secretId!, secretKey!) : await againstLocalCloudBase()
  for (const r of results) console.log(resultLine(r))
  const failed = results.filter((r) => !r.ok).length
  console.log(failed ? `cloud check: ${failed} of ${results.length} FAILED` : `cloud check: all ${results.length} ok`)
  process.exitCode = failed ? 1 : 0
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
