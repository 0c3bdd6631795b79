/** Starts a local CloudBase in a fresh temporary folder and gives the real node-sdk pointed at it. */
import tcb from '@cloudbase/node-sdk'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { LOCAL_SECRET_ID, sdkEnvironment } from '../../emulator/src/credentials'
import { type Emulator, type EmulatorOptions, startEmulator } from '../../emulator/src/server'

// What a cloud function sees in SCF, and what keeps the SDK from probing Tencent's hosts (the
// credentials are the emulator's own key, set when it starts).
process.env.TENCENTCLOUD = 'true'
process.env.SILENCE = 'true'
// The check-in function signs codes with it (in the cloud: the function's environment variable).
process.env.DANGKE_CHECKIN_SECRET ??= 'local-test-checkin-secret'

export interface TestCloud {
  emulator: Emulator
  app: ReturnType<typeof tcb.init>
  db: ReturnType<ReturnType<typeof tcb.init>['database']>
  dataDir: string
  stop(opts?: { keepData?: boolean }): Promise<void>
}

/** A transaction as runTransaction hands it to its callback. */
export type Tx = Awaited<ReturnType<TestCloud['db']['startTransaction']>>

export async function startTestCloud(options: Partial<EmulatorOptions> = {}): Promise<TestCloud> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dangke-test-'))
  const emulator = await startEmulator({ ...options, dataDir })
  // Functions hosted in this process (and any tcb.init without credentials) reach this instance.
  Object.assign(process.env, sdkEnvironment(emulator))
  const app = tcb.init({
    env: 'local-dev',
    serviceUrl: emulator.adminUrl,
    secretId: LOCAL_SECRET_ID,
    secretKey: emulator.adminKey,
    keepalive: false,
    timeout: 15000,
  })
  return {
    emulator,
    app,
    db: app.database(),
    dataDir,
    async stop({ keepData = false } = {}) {
      await emulator.stop()
      if (!keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
