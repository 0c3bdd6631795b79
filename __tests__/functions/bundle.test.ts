/**
 * The deployable bundle runs under plain node with nothing beside it but index.js, against the
 * emulator, with only TCB_CONTEXT_CNFG and dummy credentials in its environment.
 */
import { execFile } from 'child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { sdkEnvironment } from '../../emulator/src/credentials'
import { seedDatabase } from '../../scripts/seed/index'
import { buildFunctions } from '../../scripts/build-functions'
import { startTestCloud, type TestCloud } from '../support/emulator'

let cloud: TestCloud
const out = mkdtempSync(join(tmpdir(), 'dangke-bundles-'))
beforeAll(async () => {
  cloud = await startTestCloud()
  await seedDatabase(cloud.db)
})
afterAll(async () => {
  await cloud.stop()
  rmSync(out, { recursive: true, force: true })
})

it('builds every function and runs the lecture bundle alone', async () => {
  const built = await buildFunctions(out)
  expect(built.map((b) => b.name)).toContain('lecture')
  const alone = mkdtempSync(join(tmpdir(), 'dangke-alone-'))
  copyFileSync(join(out, 'lecture', 'index.js'), join(alone, 'index.js'))
  const script = `require('./index.js').main({action:'list',payload:{pageSize:3}},
    {environment: JSON.stringify({WX_OPENID:'demo-m-0001'})}).then(r => console.log(JSON.stringify(r)))`
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['-e', script],
      {
        cwd: alone,
        env: {
          PATH: process.env.PATH,
          ...sdkEnvironment(cloud.emulator),
        },
      },
      (err, so, se) => (err ? reject(new Error(`${err.message}\n${se}`)) : resolve(so)),
    ),
  )
  rmSync(alone, { recursive: true, force: true })
  const reply = JSON.parse(stdout.trim().split('\n').pop()!)
  expect(reply.ok).toBe(true)
  expect(reply.data.items).toHaveLength(3)
}, 60_000)
