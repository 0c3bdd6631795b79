/** Acknowledged writes survive a restart and a kill -9 of the emulator process. */
import tcb from '@cloudbase/node-sdk'
import { spawn } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { adminKeyOf } from '../../emulator/src/credentials'
import { loadDeclarations } from '../../emulator/src/database/declarations'
import { Store } from '../../emulator/src/database/store'
import { startTestCloud } from '../support/emulator'

it('data survives a clean restart', async () => {
  const first = await startTestCloud()
  await first.db.collection('orgs').add({ _id: 'org-1', name: '历下区', at: new Date(Date.UTC(2026, 5, 1)) })
  await first.stop({ keepData: true })
  const second = await startTestCloud({ dataDir: first.dataDir })
  try {
    expect((await second.db.collection('orgs').doc('org-1').get()).data[0]).toEqual({
      _id: 'org-1',
      name: '历下区',
      at: new Date(Date.UTC(2026, 5, 1)),
    })
  } finally {
    await second.stop()
  }
})

it('every acknowledged write survives kill -9', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dangke-kill-'))
  // One process (node with tsx's loader), so that SIGKILL hits the emulator itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/src/main.ts'], {
    env: { ...process.env, DANGKE_PORT: '0', DANGKE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const adminUrl = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /(http:\/\/127\.0\.0\.1:\d+\/admin)/.exec(out)
        if (m) resolve(m[1])
      })
      child.once('exit', (code) => reject(new Error(`emulator exited ${code}`)))
    })
    // A tool in another process reads the instance key from the data folder.
    const secretKey = adminKeyOf(dataDir)
    const db = tcb
      .init({ env: 'local-dev', serviceUrl: adminUrl, keepalive: false, secretId: 'tool', secretKey })
      .database()
    let acknowledged = 0
    const writers = Array.from({ length: 10 }, async (_x, w) => {
      for (let i = 0; i < 20; i++) {
        await db.collection('orgs').add({ _id: `o-${w}-${i}`, name: '支部', parentId: 'p1' })
        acknowledged++
      }
    })
    await Promise.all(writers)
    await db.collection('orgs').doc('o-0-0').update({ name: '改过' })
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    const store = new Store(join(dataDir, 'cloudbase.sqlite'), loadDeclarations())
    try {
      expect(acknowledged).toBe(200)
      expect(store.scan('orgs', {})).toHaveLength(200)
      expect(store.getById('orgs', 'o-0-0')?.doc.name).toBe('改过')
    } finally {
      store.close()
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 30_000)
