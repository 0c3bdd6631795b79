/**
 * The deployable bundle runs under plain node with nothing beside it but its own folder (index.js and
 * lazy/, as CloudBase deploys it), against the emulator, with only TCB_CONTEXT_CNFG and dummy credentials
 * in its environment.
 */
import { execFile } from 'child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { sdkEnvironment } from '../../emulator/src/credentials'
import type { BindingDoc, MemberDoc } from '../../src/shared/model'
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

/** Runs `script` under plain node in a copy of one built function's folder; answers its last line, parsed. */
async function runAlone(name: string, script: string) {
  const alone = mkdtempSync(join(tmpdir(), 'dangke-alone-'))
  cpSync(join(out, name), alone, { recursive: true })
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
  return JSON.parse(stdout.trim().split('\n').pop()!)
}

it('builds every function and runs the lecture bundle alone', async () => {
  const built = await buildFunctions(out)
  expect(built.map((b) => b.name)).toEqual(expect.arrayContaining(['lecture', 'maintenance', 'signup']))
  // The SDK is about 1 MB; exceljs (lazy), qrcode (lazy) and zod's other languages stay out of a cold start.
  expect(built.filter((b) => b.bytes > 1300 * 1024).map((b) => b.name)).toEqual([])
  const reply = await runAlone(
    'lecture',
    `require('./index.js').main({action:'list',payload:{pageSize:3}},
    {environment: JSON.stringify({WX_OPENID:'demo-m-0001'})}).then(r => console.log(JSON.stringify(r)))`,
  )
  expect(reply.ok).toBe(true)
  expect(reply.data.items).toHaveLength(3)
}, 60_000)

it('runs the maintenance bundle on a timer event, with no caller', async () => {
  const reply = await runAlone(
    'maintenance',
    `require('./index.js').main({Type:'Timer',TriggerName:'hourly',Time:new Date().toISOString()},
      {environment: JSON.stringify({TRIGGER_SRC:'timer'})})
      .then(r => console.log(JSON.stringify(r)))`,
  )
  expect(reply).toMatchObject({ ok: true, data: { repairRecentLectures: { unfinished: false } } })
  expect(reply.data.repairRecentLectures.lectures).toBeGreaterThan(0)
}, 60_000)

it('leaves exceljs out of the hours bundle, and its export loads it from the function folder', async () => {
  expect(readFileSync(join(out, 'hours', 'index.js'), 'utf8')).not.toContain('WorkbookReader')
  expect(readFileSync(join(out, 'hours', 'lazy', 'exceljs.js'), 'utf8')).toContain('WorkbookReader')
  const members = cloud.emulator.store.scan('members', {}).map((r) => r.doc as unknown as MemberDoc)
  const [secretary] = cloud.emulator.store
    .scan('bindings', {})
    .map((r) => ({ openid: r.id, member: members.find((m) => m._id === (r.doc as unknown as BindingDoc).memberId) }))
    .filter((b) => b.member?.roles.includes('secretary'))
  const reply = await runAlone(
    'hours',
    `require('./index.js').main({action:'exportBranch',payload:{branchId:'${secretary.member!.branchId}'}},
      {environment: JSON.stringify({WX_OPENID:'${secretary.openid}'})}).then(r => console.log(JSON.stringify(r)))`,
  )
  expect(reply).toMatchObject({ ok: true, data: { fileName: expect.stringMatching(/\.xlsx$/) } })
}, 60_000)

it('evaluates none of the deferred SDK packages on a plain require of a bundle (scripts/deferred-modules.ts)', async () => {
  for (const name of ['checkin', 'lecture']) {
    expect(readFileSync(join(out, name, 'lazy', 'sdk-http.js'), 'utf8')).toContain('application/vnd.ms-excel')
    expect(readFileSync(join(out, name, 'index.js'), 'utf8')).not.toContain('application/vnd.ms-excel')
    const loaded = await runAlone(
      name,
      `require('./index.js'); console.log(JSON.stringify(Object.keys(require.cache).filter(f => f.includes('lazy'))))`,
    )
    expect(loaded).toEqual([])
  }
}, 60_000)
