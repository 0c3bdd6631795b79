/**
 * `npm run check:cloud`'s suite against the local CloudBase, as part of `npm test`: every behaviour the
 * functions rely on holds here as in the cloud, and the suite tells when one does not (a local CloudBase
 * without the deployed unique indexes fails exactly the unique-index and geo checks) and cleans up after itself.
 */
import { spawnSync } from 'child_process'
import { mkdtempSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { CHECK_NAMES, resultLine, runCloudChecks } from '../../scripts/check-cloud/checks'
import { startTestCloud, type TestCloud } from '../support/emulator'

let cloud: TestCloud
const saved = process.env.DANGKE_LOCAL_APP_URL
beforeAll(async () => {
  cloud = await startTestCloud()
  // The poster's code on the local system is the substitute QR code (as `npm start` sets it).
  process.env.DANGKE_LOCAL_APP_URL = cloud.emulator.url
})
afterAll(async () => {
  if (saved === undefined) delete process.env.DANGKE_LOCAL_APP_URL
  else process.env.DANGKE_LOCAL_APP_URL = saved
  await cloud.stop()
})

it('passes every check against the local CloudBase and leaves nothing behind', async () => {
  const results = await runCloudChecks(cloud.app, 'jest1')
  expect(results.map(resultLine).filter((l) => !l.includes(' … ok'))).toEqual([])
  expect(results.map((r) => r.name)).toEqual(CHECK_NAMES)
  // The service answers 20 without a limit; the local CloudBase does too once it applies that default.
  expect(results.find((r) => r.name.startsWith('聚合'))?.note).toBe('不写 limit 时答 20 组') // the service's default, which the local CloudBase keeps
  expect(results.find((r) => r.name.startsWith('签到海报'))?.note).toMatch(/^本地替代二维码 image\/png \d+ 字节$/)
  expect(cloud.emulator.store.scan('cloudCheck_jest1', {})).toEqual([])
  expect(cloud.emulator.store.scan('bindings', {})).toEqual([])
  expect(cloud.emulator.store.scan('lectures', {})).toEqual([])
})

it('names the behaviours the functions rely on', () => {
  for (const words of ['条件更新', 'updateAndReturn', '重复 _id', '唯一索引', '正则', '聚合', '存储', '小程序码']) {
    expect(CHECK_NAMES.some((n) => n.includes(words))).toBe(true)
  }
})

it('fails the unique-index and geo checks, and only those, where the indexes were not deployed', async () => {
  const bare = await startTestCloud({ dataDir: mkdtempSync(join(tmpdir(), 'dangke-check-')), declarations: {} })
  try {
    await bare.app.database().createCollection('bindings')
    const failed = (await runCloudChecks(bare.app, 'jest2')).filter((r) => !r.ok)
    expect(failed.map(resultLine)).toEqual([
      '唯一索引 bindings.memberId：重复被拒，isDuplicateWrite 认得 … FAILED（a second binding of one member was written: run npm run deploy:database）',
      '地理位置 geoNear：lectures.venue.geo 的 2dsphere 索引，近者在前（多站取最近一站），距离为大圆米数 … FAILED（Db or Table not exist: lectures (the index: npm run deploy:database)）',
    ])
    expect(bare.emulator.store.scan('bindings', {})).toEqual([])
  } finally {
    await bare.stop()
    process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: cloud.emulator.adminUrl })
  }
})

it('`npm run check:cloud` with no environment given runs the suite against a fresh local CloudBase', () => {
  const env: Record<string, string | undefined> = { ...process.env }
  for (const k of ['ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TCB_CONTEXT_CNFG']) delete env[k]
  const run = spawnSync('npx', ['tsx', join(__dirname, '..', '..', 'scripts', 'check-cloud.ts')], {
    env,
    encoding: 'utf8',
  })
  expect(run.stderr).not.toMatch(/FAILED|Error/)
  expect(run.status).toBe(0)
  for (const name of CHECK_NAMES) expect(run.stdout).toContain(`${name} `)
  expect(run.stdout).not.toContain('FAILED')
}, 60_000)
