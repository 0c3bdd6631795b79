/** What every section of `npm run bench` uses: a load driver, sign-in as a member, calls over HTTP, call counts. */
import { Agent, request } from 'http'
import type { Emulator } from '../../emulator/src/server'

// The load runs in the emulator's own thread: node's http with kept-alive sockets costs it less than fetch.
const agent = new Agent({ keepAlive: true, maxSockets: 256 })

interface Answer {
  status: number
  cookie?: string
  text: string
}

/**
 * POST and read the answer. A kept-alive socket the server closed while idle (e.g. during the bulk writes,
 * which block its thread) resets on reuse: then once more on a new socket, as Node's documentation advises.
 */
function post(url: string, body: string, headers: Record<string, string>, retry = true): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const all = { ...headers, 'content-length': String(Buffer.byteLength(body)) }
    const req = request(url, { method: 'POST', agent, headers: all }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      )
      res.on('error', reject)
    })
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (retry && req.reusedSocket && err.code === 'ECONNRESET') resolve(post(url, body, headers, false))
      else reject(err)
    })
    req.end(body)
  })
}

export interface Stats {
  requests: number
  seconds: number
  p50: number
  p95: number
  max: number
}

/** Runs `one(i)` for i < n with `concurrency` in flight; latency per call and the rate over the whole run. */
export async function load(n: number, concurrency: number, one: (i: number) => Promise<void>): Promise<Stats> {
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
  return statsOf(times, n, (performance.now() - start) / 1000)
}

function statsOf(times: number[], requests: number, seconds: number): Stats {
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
  return { requests, seconds, p50: at(0.5), p95: at(0.95), max: times[times.length - 1] }
}

export const latency = (s: Stats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)}`
export const rate = (s: Stats) => (s.requests / s.seconds).toFixed(0)

export interface Bench {
  emulator: Emulator
  /** Result rows: what, value, target. */
  rows: string[][]
  signIn(openid: string): Promise<string>
  /** Cookies for many identities, signed in a few at a time (a burst of sign-ins is not what is measured). */
  signInAll(openids: string[]): Promise<string[]>
  callAs(
    cookie: string | undefined,
    fn: string,
    body: unknown,
    expect?: boolean,
  ): Promise<{ ok: boolean; data?: unknown }>
  /** Database calls (`/admin` requests) the action makes. */
  callsOf(action: () => Promise<unknown>): Promise<number>
}

export function benchOf(emulator: Emulator, rows: string[][]): Bench {
  /** Sign in as a listed identity (a bound member) as the sign-in page does: the signed cookie. */
  const signIn = async (openid: string): Promise<string> => {
    const form = new URLSearchParams({ openid }).toString()
    const res = await post(`${emulator.url}/app/login`, form, { 'content-type': 'application/x-www-form-urlencoded' })
    if (res.status !== 303 || !res.cookie) throw new Error(`sign-in as ${openid}: ${res.status}`)
    return res.cookie
  }
  const callAs = async (cookie: string | undefined, fn: string, body: unknown, expect = true) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }
    const { text } = await post(`${emulator.url}/app/call/${fn}`, JSON.stringify(body), headers)
    const reply = JSON.parse(text) as { ok: boolean; code?: string; data?: unknown }
    if (reply.ok !== expect) throw new Error(`${fn}: ${reply.code ?? 'ok'} (${cookie ?? 'anonymous'})`)
    return reply
  }
  const callsOf = async (action: () => Promise<unknown>): Promise<number> => {
    emulator.counters.reset()
    await action()
    return emulator.counters.snapshot().total
  }
  const signInAll = async (openids: string[]): Promise<string[]> => {
    const cookies: string[] = []
    for (let i = 0; i < openids.length; i += 20)
      cookies.push(...(await Promise.all(openids.slice(i, i + 20).map(signIn))))
    return cookies
  }
  return { emulator, rows, signIn, signInAll, callAs, callsOf }
}

/**
 * Open loop: call `one(i)` for i < n at `perSecond` arrivals a second whatever the answers (people arriving at
 * a hall), rather than a fixed number in flight; latency shows queueing only if the rate passes capacity.
 */
export async function arrivals(n: number, perSecond: number, one: (i: number) => Promise<void>): Promise<Stats> {
  const times: number[] = []
  const start = performance.now()
  const calls: Promise<void>[] = []
  for (let i = 0; i < n; i++) {
    const due = start + (i * 1000) / perSecond
    const wait = due - performance.now()
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
    const t = performance.now()
    calls.push(one(i).then(() => void times.push(performance.now() - t)))
  }
  await Promise.all(calls)
  return statsOf(times, n, (performance.now() - start) / 1000)
}
