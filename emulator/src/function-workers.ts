/**
 * Function bundles run in worker threads, so that functions and the SDK calls they make (request
 * signing, HTTP client) use another core than the emulator's /admin service and SQLite, which stay
 * on the main thread (tests read the store synchronously there). A worker is what SCF is to a
 * function: its own module instances and event loop; the bundles reach the emulator over HTTP as
 * before. Each call goes to the worker with the fewest calls in flight, so a call that holds its worker
 * (a large workbook parsed, a QR code drawn) leaves the others to everyone else.
 */
import { availableParallelism } from 'os'
import { Worker } from 'worker_threads'
import type { CloudMain, FunctionHost } from './functions'
import { bundleFiles } from './functions'

/** Plain CommonJS, evaluated in the worker: no TypeScript loader is needed there (jest, tsx, node). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads')
// The SDK's keep-alive agent adds a listener per request on a reused socket; with many calls in
// flight that passes Node's warning threshold without being a leak.
require('events').defaultMaxListeners = 1000
// Node's process.env reads the C environment on every access (~0.6 µs each); the SDK reads a dozen
// variables several times per request. A plain copy answers the same values at a tenth of the cost.
process.env = { ...process.env }
const mains = {}
for (const [name, file] of Object.entries(workerData.files)) mains[name] = require(file).main
parentPort.on('message', async ({ id, name, event, context }) => {
  try {
    const result = await mains[name](event, context)
    try {
      parentPort.postMessage({ id, result })
    } catch {
      // Not cloneable (e.g. holds a function): what the caller gets over HTTP anyway.
      parentPort.postMessage({ id, result: result === undefined ? undefined : JSON.parse(JSON.stringify(result)) })
    }
  } catch (err) {
    parentPort.postMessage({ id, error: { message: String(err && err.message || err), stack: err && err.stack } })
  }
})
`

interface Pending {
  resolve(value: unknown): void
  reject(err: Error): void
}

class FunctionWorker {
  readonly worker: Worker
  readonly pending = new Map<number, Pending>()

  constructor(files: Record<string, string>, env: NodeJS.ProcessEnv, onGone: () => void) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files }, env })
    this.worker.on('message', (m: { id: number; result?: unknown; error?: { message: string; stack?: string } }) => {
      const p = this.pending.get(m.id)
      this.pending.delete(m.id)
      if (!p) return
      if (!m.error) return p.resolve(m.result)
      const err = new Error(m.error.message)
      err.stack = m.error.stack ?? err.stack
      p.reject(err)
    })
    this.worker.on('error', (err) => this.failAll(err))
    this.worker.on('exit', (code) => {
      this.failAll(new Error(`function worker exited (${code})`))
      onGone()
    })
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err)
    this.pending.clear()
  }
}

/** One worker per core, and at least two even on one core: the OS then shares it, and no call waits for another. */
export const FUNCTION_POOL_SIZE = Math.max(2, availableParallelism())

export interface FunctionWorkers {
  names: string[]
  stop(): Promise<void>
}

/**
 * Registers every bundle under the `roots` (as loadFunctionBundles does) to run in `count` worker
 * threads. The emulator's SDK environment (credentials.ts sdkEnvironment) must be set before this is
 * called: every worker starts with a copy of the environment as it is now. A worker that dies (a call
 * that ran out of memory, a bundle that exits) fails only its own calls and is replaced.
 */
export function loadFunctionBundlesInWorkers(
  host: FunctionHost,
  roots: string[],
  count = FUNCTION_POOL_SIZE,
): FunctionWorkers {
  const files = Object.assign({}, ...roots.map(bundleFiles)) as Record<string, string>
  // The environment as this module sees it (under jest a sandbox's copy, not the process's own).
  const env = { ...process.env }
  let stopping = false
  const workers: FunctionWorker[] = []
  const start = (i: number) => {
    workers[i] = new FunctionWorker(files, env, () => {
      if (!stopping) start(i)
    })
  }
  for (let i = 0; i < Math.max(1, count); i++) start(i)
  let nextId = 0
  const call =
    (name: string): CloudMain =>
    (event, context) => {
      const w = workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
      const id = nextId++
      return new Promise((resolve, reject) => {
        w.pending.set(id, { resolve, reject })
        w.worker.postMessage({ id, name, event, context })
      })
    }
  for (const name of Object.keys(files)) host.register(name, call(name))
  return {
    names: Object.keys(files).sort(),
    async stop() {
      stopping = true
      await Promise.all(workers.map((w) => w.worker.terminate()))
    },
  }
}
