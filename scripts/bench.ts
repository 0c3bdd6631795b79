/**
 * `npm run bench`: numbers, not pass/fail. Runs the local system (functions, emulator, seeded demo
 * city) in this process and drives it over HTTP as the h5 app does.
 *   - database calls per user action (each one is a network round trip in the cloud)
 *   - requests per second and latency under concurrent load
 */
import { mkdtempSync, rmSync } from 'fs'
import { cpus, tmpdir } from 'os'
import { join } from 'path'
import { startLocalSystem } from './local/system'

interface Stats {
  requests: number
  seconds: number
  p50: number
  p95: number
  max: number
}

async function load(n: number, concurrency: number, one: (i: number) => Promise<void>): Promise<Stats> {
  const times: number[] = []
  let next = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++
        const t = performance.now()
        await one(i)
        times.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - start) / 1000
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
  return { requests: n, seconds, p50: at(0.5), p95: at(0.95), max: times[times.length - 1] }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dangke-bench-'))
  const system = await startLocalSystem({ port: 0, dataDir, app: false })
  const { emulator } = system
  const callAs = async (openid: string | undefined, fn: string, body: unknown) => {
    const res = await fetch(`${emulator.url}/app/call/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const reply = (await res.json()) as { ok: boolean; code?: string }
    if (!reply.ok) throw new Error(`${fn}: ${reply.code} (${openid ?? 'anonymous'})`)
    return reply
  }
  const rows: string[][] = []
  try {
    // Database calls per action.
    emulator.counters.reset()
    await callAs(undefined, 'lecture', { action: 'list', payload: { pageSize: 20 } })
    rows.push(['lecture.list first page: database calls', String(emulator.counters.snapshot().total), '≤ 2'])

    // Throughput: the first page of the list, 50 members at once.
    await load(200, 20, () => callAs(undefined, 'lecture', { action: 'list', payload: {} }).then(() => undefined))
    const s = await load(2000, 50, () =>
      callAs(undefined, 'lecture', { action: 'list', payload: {} }).then(() => undefined),
    )
    rows.push(['lecture.list, 50 concurrent: requests/s', (s.requests / s.seconds).toFixed(0), ''])
    rows.push([
      'lecture.list, 50 concurrent: p50 / p95 / max ms',
      `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)}`,
      '',
    ])
    rows.push(['emulator resident memory MB', (process.memoryUsage().rss / 2 ** 20).toFixed(0), ''])
  } finally {
    await system.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const width = Math.max(...rows.map((r) => r[0].length))
  console.log(`\ndangke benchmark (${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores)`)
  for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value.padStart(18)}  ${target}`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
