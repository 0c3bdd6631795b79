/**
 * Cold start of each deployable bundle: `require('./index.js')` in a fresh node process, as a new instance of
 * the function does before it serves its first request. Wall time (what the caller waits) and the process's
 * CPU time (what the require itself costs, steadier on a busy machine), the median of RUNS processes.
 * Alone: `npm run bench -- cold`.
 */
import { execFileSync } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { buildFunctions } from '../build-functions'

const RUNS = 7
/** Issue 13: a cold require of any bundle within this, on the development machine. */
const TARGET_MS = 150

const PROBE = `
const t = process.hrtime.bigint(), c = process.cpuUsage()
require(process.argv[1])
const cpu = process.cpuUsage(c)
console.log(JSON.stringify({ wall: Number(process.hrtime.bigint() - t) / 1e6, cpu: (cpu.user + cpu.system) / 1e3 }))`

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function coldBench(rows: string[][]): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'dangke-cold-'))
  try {
    for (const { name, bytes } of await buildFunctions(out)) {
      const file = join(out, name, 'index.js')
      const runs = Array.from({ length: RUNS }, () =>
        JSON.parse(execFileSync(process.execPath, ['-e', PROBE, file], { encoding: 'utf8' })),
      )
      const wall = median(runs.map((r) => r.wall)).toFixed(0)
      const cpu = median(runs.map((r) => r.cpu)).toFixed(0)
      rows.push([
        `${name} bundle (${(bytes / 1024).toFixed(0)} KB): cold require ms, wall / cpu`,
        `${wall} / ${cpu}`,
        `≤ ${TARGET_MS}`,
      ])
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
