/**
 * The local server as an attacker or a broken client meets it, over HTTP: /admin and /emulator/v1 only with
 * this instance's key, /app/* only from its own pages, sessions that end and can be signed out, and a refusal
 * (never a 500) for every malformed request.
 */
import tcb from '@cloudbase/node-sdk'
import { sign } from '@cloudbase/signature-nodejs'
import { createHmac } from 'crypto'
import { join } from 'path'
import { loadOrMakeKey, LOCAL_SECRET_ID, sdkEnvironment } from '../../emulator/src/credentials'
import { type Identity, SESSION_TTL_MS, Sessions } from '../../emulator/src/identity'
import { main as lecture } from '../../cloudfunctions/lecture/main'
import { startTestCloud, type TestCloud } from '../support/emulator'
import { lectureToSave } from '../support/lectures'

const MEMBER: Identity = { openid: 'o-member', label: '党员甲' }
let cloud: TestCloud
let url: string
const calls: unknown[] = []

beforeAll(async () => {
  cloud = await startTestCloud({ identities: () => [MEMBER] })
  url = cloud.emulator.url
  cloud.emulator.functions.register('echo', async (event, context) => {
    calls.push(event)
    return { ok: true, data: { openid: tcb.getCloudbaseContext(context as never).WX_OPENID ?? null } }
  })
  cloud.emulator.functions.register('lecture', lecture as never)
})
afterAll(() => cloud.stop())
beforeEach(() => {
  calls.length = 0
})

const JSON_TYPE = { 'content-type': 'application/json' }
const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', body, headers, redirect: 'manual' })
const answer = async (res: Response) => ({ status: res.status, body: await res.json() })
const signIn = async (): Promise<string> => {
  const res = await post('/app/login', `openid=${MEMBER.openid}`, {
    'content-type': 'application/x-www-form-urlencoded',
  })
  expect(res.status).toBe(303)
  expect(res.headers.get('set-cookie')).toMatch(new RegExp(`Max-Age=${SESSION_TTL_MS / 1000}`))
  return res.headers.get('set-cookie')!.split(';')[0]
}
const whoIs = async (cookie: string) => (await (await fetch(`${url}/app/me`, { headers: { cookie } })).json()).openid

describe('/admin and /emulator/v1 take only this instance key', () => {
  const insert = JSON.stringify({
    action: 'database.insertDocument',
    collectionName: 'orgs',
    data: [JSON.stringify({ _id: 'evil', name: '写入' })],
  })

  it('refuses a cross-origin simple request (text/plain) from a page and writes nothing', async () => {
    const res = await post('/admin', insert, { 'content-type': 'text/plain', origin: 'http://evil.example' })
    expect(await answer(res)).toMatchObject({ status: 200, body: { code: 'SIGN_PARAM_INVALID' } })
    expect(cloud.emulator.store.getById('orgs', 'evil')).toBeUndefined()
  })

  it('refuses the unmodified SDK with another key, and serves it with this one', async () => {
    const wrong = tcb.init({
      env: 'local-dev',
      serviceUrl: cloud.emulator.adminUrl,
      keepalive: false,
      secretId: LOCAL_SECRET_ID,
      secretKey: 'guessed',
    })
    await expect(wrong.database().collection('orgs').add({ _id: 'evil', name: '写入' })).rejects.toMatchObject({
      code: 'SIGN_PARAM_INVALID',
    })
    expect(cloud.emulator.store.getById('orgs', 'evil')).toBeUndefined()
    await cloud.db.collection('orgs').add({ _id: 'good', name: '历下区' })
    expect(cloud.emulator.store.getById('orgs', 'good')).toBeDefined()
  })

  it('checks the signature over the body: a parameter changed or added after signing is refused', async () => {
    // Signed as node-sdk signs (its own signing package), then sent as it is or altered on the way.
    const send = async (params: Record<string, unknown>, body: Record<string, unknown>, secretKey: string) => {
      const target = `${cloud.emulator.adminUrl}?env=local-dev&seqId=test`
      const headers = { 'content-type': 'application/json', host: new URL(url).host, 'x-sdk-version': 'test' }
      const { authorization, timestamp } = sign({
        ...{ secretId: LOCAL_SECRET_ID, secretKey, method: 'post', url: target, headers, params },
        withSignedParams: true,
        timestamp: Math.floor(Date.now() / 1000) - 1,
      })
      const res = await fetch(target, {
        method: 'POST',
        headers: { ...headers, authorization, 'x-timestamp': String(timestamp) },
        body: JSON.stringify(body),
      })
      return ((await res.json()) as { code?: string }).code
    }
    const key = cloud.emulator.adminKey
    const count = { action: 'database.calculateDocument', collectionName: 'orgs', query: '{}' }
    expect(await send(count, count, key)).toBeUndefined()
    expect(await send(count, { ...count, collectionName: 'bindings' }, key)).toBe('SIGN_PARAM_INVALID')
    expect(await send(count, { ...count, transactionId: 'x' }, key)).toBe('SIGN_PARAM_INVALID')
    expect(await send(count, count, 'guessed')).toBe('SIGN_PARAM_INVALID')
  })

  it('answers a body that is not a JSON object with INVALID_PARAM, at HTTP 200 as the service does', async () => {
    for (const body of [
      'not json',
      Buffer.from([0x7b, 0xff, 0x7d]),
      '[1]',
      '['.repeat(100_000) + ']'.repeat(100_000),
    ]) {
      expect(await answer(await post('/admin', body, JSON_TYPE))).toMatchObject({
        status: 200,
        body: { code: 'INVALID_PARAM' },
      })
    }
  })

  it('keeps the control namespace behind the same key', async () => {
    expect((await fetch(`${url}/emulator/v1/counters`)).status).toBe(401)
    expect((await post('/emulator/v1/counters/reset', '', { authorization: 'Bearer guessed' })).status).toBe(401)
    const key = { authorization: `Bearer ${cloud.emulator.adminKey}` }
    expect((await fetch(`${url}/emulator/v1/counters`, { headers: key })).status).toBe(200)
  })

  it('makes the key once per data folder', () => {
    expect(cloud.emulator.adminKey).toMatch(/^[0-9a-f]{64}$/)
    expect(loadOrMakeKey(cloud.dataDir, 'admin-key')).toBe(cloud.emulator.adminKey)
  })
})

describe('/app/* takes writes only from its own pages', () => {
  it('refuses a call from another origin before any function runs', async () => {
    const res = await post('/app/call/echo', '{"action":"x"}', { ...JSON_TYPE, origin: 'http://evil.example' })
    expect(await answer(res)).toMatchObject({ status: 403, body: { ok: false, code: 'FORBIDDEN' } })
    expect(calls).toHaveLength(0)
  })

  it('takes a call from its own origin', async () => {
    const res = await post('/app/call/echo', '{"action":"x"}', { ...JSON_TYPE, origin: url })
    expect(await answer(res)).toEqual({ status: 200, body: { ok: true, data: { openid: null } } })
  })

  it('refuses a call that is not JSON (what a cross-site form or simple request sends)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await post('/app/call/echo', '{"action":"x"}', { 'content-type': type })
      expect(await answer(res)).toMatchObject({ status: 400, body: { ok: false, code: 'INVALID_INPUT' } })
    }
    expect(calls).toHaveLength(0)
  })

  it('refuses a sign-in form posted from another site: no cookie', async () => {
    const res = await post('/app/login', `openid=${MEMBER.openid}`, {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://evil.example',
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('set-cookie')).toBeNull()
  })
})

describe('a new WeChat user on the local sign-in', () => {
  const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
  const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]

  it('is offered on the page, and signs in as a fresh openid the server makes, which survives reloads', async () => {
    expect(await (await fetch(`${url}/app/login`)).text()).toContain('新的微信用户（还没有绑定）')
    const first = await post('/app/login', 'new=1', FORM)
    const second = await post('/app/login', 'new=1', FORM)
    expect([first.status, second.status]).toEqual([303, 303])
    const openid = await whoIs(cookieOf(first))
    expect(openid).toMatch(/^o-new-[0-9a-f]{16}$/)
    expect(await whoIs(cookieOf(second))).not.toBe(openid)
    // A reload of the app: the same cookie, the same person, for the functions too.
    expect(await whoIs(cookieOf(first))).toBe(openid)
    const res = await post('/app/call/echo', '{"action":"x"}', { ...JSON_TYPE, cookie: cookieOf(first) })
    expect((await res.json()).data.openid).toBe(openid)
    const page = await (await fetch(`${url}/app/login`, { headers: { cookie: cookieOf(first) } })).text()
    expect(page).toContain(`现在是：新的微信用户（${openid}）`)
  })

  it('takes no openid from the form that it did not make or list', async () => {
    for (const body of ['openid=o-new-0123456789abcdef', 'new=2&openid=o-new-0123456789abcdef', 'openid=']) {
      const res = await post('/app/login', body, FORM)
      expect(res.status).toBe(400)
      expect(res.headers.get('set-cookie')).toBeNull()
    }
  })
})

describe('sessions end, and sign-out revokes them', () => {
  it('an ended session is no identity', async () => {
    const sessions = new Sessions(loadOrMakeKey(cloud.dataDir, 'secret'), join(cloud.dataDir, 'unused-revoked'))
    const old = sessions.issue(MEMBER.openid, Date.now() - SESSION_TTL_MS - 1000)
    const fresh = sessions.issue(MEMBER.openid)
    expect(await whoIs(`dangke_session=${fresh}`)).toBe(MEMBER.openid)
    expect(await whoIs(`dangke_session=${old}`)).toBeNull()
  })

  it('the cookie of a signed-out session is no identity, even after a restart', async () => {
    const cookie = await signIn()
    expect(await whoIs(cookie)).toBe(MEMBER.openid)
    expect((await post('/app/logout', '', { cookie })).status).toBe(200)
    expect(await whoIs(cookie)).toBeNull()
    const res = await post('/app/call/echo', '{"action":"x"}', { ...JSON_TYPE, cookie })
    expect((await res.json()).data.openid).toBeNull()
    const again = await startTestCloud({ dataDir: cloud.dataDir, identities: () => [MEMBER] })
    try {
      expect((await (await fetch(`${again.emulator.url}/app/me`, { headers: { cookie } })).json()).openid).toBeNull()
    } finally {
      await again.stop({ keepData: true })
      Object.assign(process.env, sdkEnvironment(cloud.emulator)) // back to the shared instance
    }
  })

  it('a malformed, forged or foreign cookie is simply no identity', async () => {
    const cookie = await signIn()
    const value = cookie.split('=')[1]
    for (const bad of ['%E0%A4%A', '%', 'a.b.c', `${value}x`, `${value.split('.')[0]}.forged`, 'demo-m-0001.abc']) {
      const me = await fetch(`${url}/app/me`, { headers: { cookie: `dangke_session=${bad}` } })
      expect(await answer(me)).toEqual({ status: 200, body: { openid: null } })
      const res = await post('/app/call/echo', '{"action":"x"}', { ...JSON_TYPE, cookie: `dangke_session=${bad}` })
      expect(await answer(res)).toEqual({ status: 200, body: { ok: true, data: { openid: null } } })
    }
    expect((await fetch(`${url}/app/login`, { headers: { cookie: 'dangke_session=%' } })).status).toBe(200)
  })

  it('a cookie of the old kind (openid and its HMAC, never ending) is no identity', async () => {
    const secret = loadOrMakeKey(cloud.dataDir, 'secret')
    const mac = createHmac('sha256', secret).update(`session:${MEMBER.openid}`).digest('base64url')
    expect(await whoIs(`dangke_session=${MEMBER.openid}.${mac}`)).toBeNull()
  })
})

describe('every malformed call is a refusal in the reply envelope, never a 500', () => {
  const cases: [string, BodyInit, number, string][] = [
    ['not JSON', 'not json', 400, 'INVALID_INPUT'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 400, 'INVALID_INPUT'],
    ['an array', '[]', 400, 'INVALID_INPUT'],
    ['empty', '', 400, 'INVALID_INPUT'],
    [
      'nested 100,000 deep',
      `{"action":"x","payload":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      400,
      'INVALID_INPUT',
    ],
    [
      'nested 100 objects deep',
      `{"action":"x","payload":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`,
      400,
      'INVALID_INPUT',
    ],
    ['action {}', '{"action":{}}', 400, 'UNKNOWN_ACTION'],
    ['no action', '{"payload":{}}', 400, 'UNKNOWN_ACTION'],
    ['payload a string', '{"action":"x","payload":"x"}', 400, 'INVALID_INPUT'],
    ['payload an array', '{"action":"x","payload":[]}', 400, 'INVALID_INPUT'],
    ['payload null', '{"action":"x","payload":null}', 400, 'INVALID_INPUT'],
  ]
  it.each(cases)('%s', async (_name, body, status, code) => {
    const res = await answer(await post('/app/call/echo', body, JSON_TYPE))
    expect(res).toEqual({ status, body: { ok: false, code, message: expect.any(String) } })
    expect(calls).toHaveLength(0)
  })

  it('a function that is not hosted is UNKNOWN_ACTION', async () => {
    expect(await answer(await post('/app/call/nothing', '{"action":"x"}', JSON_TYPE))).toMatchObject({
      status: 404,
      body: { ok: false, code: 'UNKNOWN_ACTION' },
    })
  })

  it('a NUL in the lecture search is INVALID_INPUT, not INTERNAL', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const body = JSON.stringify({ action: 'list', payload: { q: '党\u0000课' } })
      expect(await answer(await post('/app/call/lecture', body, JSON_TYPE))).toMatchObject({
        status: 200,
        body: { ok: false, code: 'INVALID_INPUT' },
      })
      expect(spy).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })

  it('a date such as 0001-01-01 is INVALID_INPUT and nothing is written', async () => {
    const lectures = cloud.emulator.store.scan('lectures', {}).length
    const body = JSON.stringify({
      action: 'list',
      payload: { after: { startAt: '0001-01-01T00:00:00+08:00', id: 'lec-1' } },
    })
    expect(await answer(await post('/app/call/lecture', body, JSON_TYPE))).toMatchObject({
      status: 200,
      body: { ok: false, code: 'INVALID_INPUT' },
    })
    // Parsed before anything else: even a caller who may not post anything hears INVALID_INPUT.
    const lecture = lectureToSave({
      startAt: '0001-01-01T09:00:00+08:00',
      endAt: '0001-01-01T10:00:00+08:00',
      signupDeadline: '0001-01-01T08:00:00+08:00',
    })
    const save = JSON.stringify({ action: 'save', payload: { lecture } })
    expect((await answer(await post('/app/call/lecture', save, JSON_TYPE))).body.code).toBe('INVALID_INPUT')
    expect(cloud.emulator.store.scan('lectures', {})).toHaveLength(lectures)
  })
})

it('stores a date before 1970 or after 9999 as written (it was read back as 1970)', async () => {
  const far = { _id: 'far', first: new Date('0001-01-01T00:00:00Z'), moon: new Date('1969-07-20T20:17:00Z') }
  await cloud.db.collection('orgs').add({ ...far, last: new Date(Date.UTC(10000, 0, 1)) })
  expect((await cloud.db.collection('orgs').doc('far').get()).data[0]).toEqual({
    ...far,
    last: new Date(Date.UTC(10000, 0, 1)),
  })
})
