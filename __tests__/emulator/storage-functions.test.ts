/** storage.* and functions.invokeFunction through the SDK. */
import tcb from '@cloudbase/node-sdk'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { sdkEnvironment } from '../../emulator/src/credentials'
import { cloudForFile } from '../support/cloudForFile'
import { startTestCloud, type TestCloud } from '../support/emulator'

let cloud: TestCloud
cloudForFile((started) => (cloud = started))

it('uploads a file, gives a temporary URL that serves it, deletes it', async () => {
  const bytes = Buffer.from('封面图片的字节', 'utf8')
  const { fileID } = await cloud.app.uploadFile({ cloudPath: 'covers/lecture-1.png', fileContent: bytes })
  expect(fileID).toMatch(/^cloud:\/\/local-dev\..+\/covers\/lecture-1\.png$/)
  const { fileList } = await cloud.app.getTempFileURL({ fileList: [fileID] })
  expect(fileList[0].code).toBe('SUCCESS')
  const served = Buffer.from(await (await fetch(fileList[0].tempFileURL)).arrayBuffer())
  expect(served.equals(bytes)).toBe(true)
  const deleted = await cloud.app.deleteFile({ fileList: [fileID] })
  expect(deleted.fileList[0].code).toBe('SUCCESS')
  expect((await cloud.app.getTempFileURL({ fileList: [fileID] })).fileList[0].code).not.toBe('SUCCESS')
})

it('serves a file only through a temporary URL: never by its plain URL, a forged signature or another expiry', async () => {
  const bytes = Buffer.from('姓名,手机号\n王建国,13700001234\n', 'utf8')
  const { fileID } = await cloud.app.uploadFile({ cloudPath: 'exports/0f1e2d3c/名单.xlsx', fileContent: bytes })
  const { fileList } = await cloud.app.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] })
  const temp = new URL(fileList[0].tempFileURL)
  expect(temp.searchParams.get('sign')).toMatch(/^[0-9a-f]{64}$/)
  const expiry = Number(temp.searchParams.get('t'))
  expect(expiry - Date.now() / 1000).toBeGreaterThan(590)
  expect(expiry - Date.now() / 1000).toBeLessThanOrEqual(600)
  expect((await fetch(temp)).status).toBe(200)

  const plain = `${temp.origin}${temp.pathname}`
  const later = new URL(temp)
  later.searchParams.set('t', String(expiry + 3600))
  const forged = new URL(temp)
  forged.searchParams.set('sign', '0'.repeat(64))
  for (const url of [plain, `${plain}?t=${expiry}`, later.href, forged.href]) {
    const res = await fetch(url)
    expect([url, res.status]).toEqual([url, 403])
    expect(await res.text()).not.toContain('王建国')
  }
  // A file that is not there answers the same 403 without a signature: the plain URL tells nothing.
  expect((await fetch(`${temp.origin}/storage/exports/ffff/名单.xlsx`)).status).toBe(403)
  // a name the path rules refuse (it was a 500)
  expect((await fetch(`${temp.origin}/storage/exports/a..b`)).status).toBe(403)
  expect((await fetch(`${temp.origin}/storage/exports/%`)).status).toBe(403) // a stray escape (was a 500)
  expect((await fetch(`${temp.origin}/storage/exports/%E0%A4%A`)).status).toBe(403)
})

it('gives a temporary URL ten minutes by default and never more than a day', async () => {
  const { fileID } = await cloud.app.uploadFile({ cloudPath: 'covers/life.png', fileContent: Buffer.from('x') })
  const lifeOf = async (file: string | { fileID: string; maxAge: number }) => {
    const { fileList } = await cloud.app.getTempFileURL({ fileList: [file] })
    return Number(new URL(fileList[0].tempFileURL).searchParams.get('t')) - Math.floor(Date.now() / 1000)
  }
  expect(await lifeOf(fileID)).toBeGreaterThan(590)
  expect(await lifeOf(fileID)).toBeLessThanOrEqual(600)
  expect(await lifeOf({ fileID, maxAge: 30 * 86400 })).toBeLessThanOrEqual(86400)
})

it('refuses a temporary URL once its max_age has passed', async () => {
  const { fileID } = await cloud.app.uploadFile({ cloudPath: 'rosters/short.csv', fileContent: Buffer.from('x') })
  const { fileList } = await cloud.app.getTempFileURL({ fileList: [{ fileID, maxAge: 1 }] })
  expect((await fetch(fileList[0].tempFileURL)).status).toBe(200)
  await new Promise((r) => setTimeout(r, 2100))
  expect((await fetch(fileList[0].tempFileURL)).status).toBe(403)
})

it('refuses an upload to a URL it did not sign', async () => {
  const res = await fetch(`${cloud.emulator.url}/storage/covers/evil.png?sig=forged`, { method: 'PUT', body: 'x' })
  expect(res.status).toBe(403)
})

it('invokes a hosted function, with no WeChat identity for a server caller', async () => {
  cloud.emulator.functions.register('echo', async (event, context) => ({
    event,
    openid: tcb.getCloudbaseContext(context as never).WX_OPENID ?? null,
  }))
  const res = await cloud.app.callFunction({ name: 'echo', data: { a: 1 } })
  expect(res.result).toEqual({ event: { a: 1 }, openid: null })
})

it('hosts functions for the h5 app with the signed-in identity, and only a signed one', async () => {
  cloud.emulator.functions.register('whoami', async (_event, context) => ({
    openid: tcb.getCloudbaseContext(context as never).WX_OPENID ?? null,
  }))
  const call = (cookie?: string) =>
    fetch(`${cloud.emulator.url}/app/call/whoami`, {
      method: 'POST',
      body: '{"action":"whoami"}',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    }).then((r) => r.json())
  expect(await call()).toEqual({ openid: null })
  expect(await call('dangke_session=demo-m-0001.forged')).toEqual({ openid: null })
  // Sign-in accepts only identities the host lists; none are listed in this test.
  const refused = await fetch(`${cloud.emulator.url}/app/login`, { method: 'POST', body: 'openid=demo-m-0001' })
  expect(refused.status).toBe(400)
})

it('counts /admin requests per action and resets the count', async () => {
  const headers = { authorization: `Bearer ${cloud.emulator.adminKey}` }
  await fetch(`${cloud.emulator.url}/emulator/v1/counters/reset`, { method: 'POST', headers })
  await cloud.db.collection('orgs').where({ name: '历下区' }).get()
  await cloud.db.collection('orgs').count()
  const counts = await (await fetch(`${cloud.emulator.url}/emulator/v1/counters`, { headers })).json()
  expect(counts).toEqual({
    total: 2,
    byAction: { 'database.calculateDocument': 1, 'database.getDocument': 1 },
  })
})

it('serves the app folder, but never a folder itself or a path outside it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dangke-static-'))
  mkdirSync(join(dir, 'js'))
  writeFileSync(join(dir, 'index.html'), '<p>app</p>')
  const web = await startTestCloud({ staticDir: dir })
  try {
    const home = await fetch(`${web.emulator.url}/`)
    expect([home.status, await home.text()]).toEqual([200, '<p>app</p>'])
    expect((await fetch(`${web.emulator.url}/js`)).status).toBe(404)
    expect((await fetch(`${web.emulator.url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404)
    expect((await fetch(`${web.emulator.url}/%E0%A4%A`)).status).toBe(400)
  } finally {
    await web.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  // Back to the shared instance's SDK settings.
  Object.assign(process.env, sdkEnvironment(cloud.emulator))
})
