/**
 * The function host of `npm start` runs a pool of workers (scripts/local/system.ts takes the same default):
 * a call that holds its worker for seconds, as a huge workbook once did, does not hold up anyone else's.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import {
  FUNCTION_POOL_SIZE,
  type FunctionWorkers,
  loadFunctionBundlesInWorkers,
} from '../../emulator/src/function-workers'
import { startTestCloud, type TestCloud } from '../support/emulator'

// Two deployable bundles: one that keeps its thread busy (synchronous work, nothing else runs there), one quick.
const BUNDLES = {
  slow: `exports.main = async (event) => {
    const until = Date.now() + event.payload.ms
    while (Date.now() < until) {}
    return { ok: true, data: 'slow' }
  }`,
  fast: `exports.main = async () => ({ ok: true, data: 'fast' })`,
  // What a call that runs out of memory does to its worker thread.
  crash: `exports.main = async () => process.exit(1)`,
}

let cloud: TestCloud
let root: string
let workers: FunctionWorkers
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dangke-pool-'))
  for (const [name, source] of Object.entries(BUNDLES)) {
    mkdirSync(join(root, name))
    writeFileSync(join(root, name, 'index.js'), source)
  }
  cloud = await startTestCloud()
  workers = loadFunctionBundlesInWorkers(cloud.emulator.functions, [root])
})
afterAll(async () => {
  await workers.stop()
  await cloud.stop()
  rmSync(root, { recursive: true, force: true })
})

const call = (name: string, payload: object = {}) =>
  fetch(`${cloud.emulator.url}/app/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'run', payload }),
  }).then((r) => r.json())

it('has a worker per core, at least two', () => {
  expect(FUNCTION_POOL_SIZE).toBeGreaterThanOrEqual(2)
  expect(workers.names).toEqual(['crash', 'fast', 'slow'])
})

it('answers a quick call while a slow one holds a worker', async () => {
  await Promise.all(Array.from({ length: FUNCTION_POOL_SIZE }, () => call('fast'))) // every worker loaded
  let slowDone = false
  const slow = call('slow', { ms: 3000 }).then((r) => {
    slowDone = true
    return r
  })
  await new Promise((r) => setTimeout(r, 200)) // the slow call is in its worker now
  const started = Date.now()
  expect(await call('fast')).toEqual({ ok: true, data: 'fast' })
  expect(slowDone).toBe(false)
  expect(Date.now() - started).toBeLessThan(1500)
  expect(await slow).toEqual({ ok: true, data: 'slow' })
})

it('replaces a worker that died: its call is INTERNAL, every later call is answered', async () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    expect(await call('crash')).toMatchObject({ ok: false, code: 'INTERNAL' })
  } finally {
    spy.mockRestore()
  }
  const later = await Promise.all(Array.from({ length: 2 * FUNCTION_POOL_SIZE }, () => call('fast')))
  expect(later).toEqual(Array(2 * FUNCTION_POOL_SIZE).fill({ ok: true, data: 'fast' }))
})
