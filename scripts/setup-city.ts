/**
 * `npm run setup:city`: the first start of an environment. Creates the city (the root organisation) if the
 * environment has none and issues a one-time setup code (启用码) for the first city administrator, who types
 * it in the mini-program (绑定 → 首次启用). Nothing else makes an administrator out of thin air.
 *   ENV_ID=<env> TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run setup:city -- --name 济南市
 *   npm run setup:city -- --name 济南市 --local [dataDir]    the local CloudBase's data folder (default
 *                                                           .data/cloudbase; not while `npm start` uses it)
 *   [--id org-jn]   the city's id (default org-city)       [--hours 72]  how long the code works
 *   [--renew]       a new code while the first is unused (the old one stops working)
 * Without ENV_ID it works on the local data folder, as check:cloud does. Refuses once an administrator
 * exists. Running it again is harmless: it says what is there (the code itself is stored only as its hash).
 */
import tcb from '@cloudbase/node-sdk'
import { randomInt } from 'crypto'
import { mkdirSync } from 'fs'
import { join, resolve } from 'path'
import { writeAudit } from '../cloudfunctions/_shared/audit'
import { type Database, isDuplicateWrite } from '../cloudfunctions/_shared/cloud'
import { hashSetupCode, readSetup, SETUP_ID } from '../cloudfunctions/_shared/setup'
import { sdkEnvironment } from '../emulator/src/credentials'
import { startEmulator } from '../emulator/src/server'
import { chinaDateTime } from '../src/shared/chinaTime'
import type { OrgDoc, SetupDoc } from '../src/shared/model'
import { formatSetupCode, newSetupCode, SETUP_CODE_HOURS } from '../src/shared/setupCode'

export interface SetupCityOptions {
  name: string
  /** The city's id when it is created (default org-city). */
  id?: string
  hours?: number
  /** Replace an unused, still valid code by a new one. */
  renew?: boolean
  now?: Date
}

export interface SetupCityResult {
  root: OrgDoc
  createdRoot: boolean
  /** The new code (XXXX-XXXX-XXXX); absent when a valid one was already out and --renew was not given. */
  code?: string
  expiresAt: Date
}

/** A refusal of the command, in Chinese and English (nothing was written). */
export class SetupRefused extends Error {}

export const DEFAULT_CITY_ID = 'org-city'
const HOUR_MS = 3600_000

export async function setupCity(db: Database, options: SetupCityOptions): Promise<SetupCityResult> {
  const now = options.now ?? new Date()
  const hours = options.hours ?? SETUP_CODE_HOURS
  if (!(hours > 0 && hours <= 24 * 30)) throw new SetupRefused('有效期须在1小时到30天之间 / --hours: 1 to 720')
  const [setup, admins, orgs, cities] = await Promise.all([
    readSetup(db),
    db.collection('members').where({ roles: 'admin' }).count(),
    db.collection('orgs').count(),
    db.collection('orgs').where({ kind: 'city' }).limit(100).get(),
  ])
  if (setup?.usedBy || admins.total > 0) {
    throw new SetupRefused(
      '这个环境已经启用，已有管理员；新的管理员由现有管理员在小程序里任命。\n' +
        'This environment is set up: an administrator exists. Administrators appoint others in the app.',
    )
  }
  const found = (cities.data as OrgDoc[]).find((o) => o.parentId === null)
  if (!found && orgs.total > 0) {
    throw new SetupRefused('这个环境已有组织但没有市级根组织，请检查数据库 / organisations exist, but no city root')
  }
  if (found && (found.name !== options.name || (options.id && found._id !== options.id))) {
    throw new SetupRefused(
      `这个环境的市是“${found.name}”（${found._id}），与 --name/--id 不符。\n` +
        `This environment's city is ${found.name} (${found._id}), not what --name/--id say.`,
    )
  }
  const root = found ?? (await addRoot(db, options.name, options.id ?? DEFAULT_CITY_ID))
  const createdRoot = !found

  const valid = setup && setup.expiresAt.getTime() > now.getTime()
  if (valid && !options.renew) return { root, createdRoot, expiresAt: setup.expiresAt }

  const code = newSetupCode(randomInt)
  const fresh: SetupDoc = {
    _id: SETUP_ID,
    rootOrgId: root._id,
    codeHash: hashSetupCode(code),
    expiresAt: new Date(now.getTime() + hours * HOUR_MS),
    createdAt: now,
  }
  await (setup ? replaceUnused(db, fresh) : addSetup(db, fresh))
  const detail = `为 ${root.name} 发出启用码，有效期至 ${chinaDateTime(fresh.expiresAt)}`
  const entry = { action: 'setup' as const, by: 'setup', byName: '首次启用命令', detail }
  await writeAudit(db, { ...entry, orgId: root._id, orgPath: [root._id] }, now)
  return { root, createdRoot, code: formatSetupCode(code), expiresAt: fresh.expiresAt }
}

async function addRoot(db: Database, name: string, id: string): Promise<OrgDoc> {
  const root: OrgDoc = { _id: id, name, kind: 'city', parentId: null, path: [] }
  await db.collection('orgs').add(root)
  return root
}

const RAN_TWICE = new SetupRefused(
  '同一时间有另一次启用，请再运行一次 / another setup ran at the same time; run it again',
)

async function addSetup(db: Database, doc: SetupDoc): Promise<void> {
  try {
    await db.collection('settings').add(doc)
  } catch (err) {
    if (isDuplicateWrite(err)) throw RAN_TWICE
    throw err
  }
}

/** Only while nobody has claimed it: a claim between the read and this write wins. */
async function replaceUnused(db: Database, doc: SetupDoc): Promise<void> {
  const { _id, ...fields } = doc
  const where = { _id, usedBy: db.command.exists(false) }
  const res = (await db.collection('settings').where(where).update(fields)) as { updated?: number }
  if (res.updated !== 1) throw RAN_TWICE
}

/** What the command prints (and `npm start` with DANGKE_EMPTY=1 in its banner). */
export function describeSetup(r: SetupCityResult): string[] {
  const until = `${chinaDateTime(r.expiresAt)}（北京时间 China time）`
  const lines = [
    `${r.createdRoot ? '已创建' : '已有'}市级组织 / ${r.createdRoot ? 'created' : 'found'} the city: ${r.root.name} (${r.root._id})`,
  ]
  if (!r.code) {
    return [
      ...lines,
      `启用码已经发出，有效期至 ${until}；要换一个新的（旧的随即作废），加 --renew 再运行。`,
      'A setup code is out and still valid; run again with --renew for a new one (the old one then stops working).',
    ]
  }
  return [
    ...lines,
    `启用码 / setup code:  ${r.code}`,
    `有效期至 / valid until:  ${until}，只能用一次 / once only`,
    '请把启用码交给首位市级管理员：在小程序“我的”→“绑定”页点“首次启用（有启用码）”，填写启用码、姓名和手机号。',
    'Give it to the first city administrator: in the app, 我的 → 绑定 → 首次启用（有启用码）, then the code, name and phone.',
  ]
}

/** The database of the local CloudBase in `dataDir` (started here on a free port), and how to stop it. */
async function localDatabase(dataDir: string): Promise<{ db: Database; stop: () => Promise<void> }> {
  mkdirSync(dataDir, { recursive: true })
  Object.assign(process.env, { TENCENTCLOUD: 'true', SILENCE: 'true' })
  const emulator = await startEmulator({ dataDir, port: 0 })
  Object.assign(process.env, sdkEnvironment(emulator)) // its key, as `npm start` gives it to the functions
  const app = tcb.init({ env: 'local-dev', serviceUrl: emulator.adminUrl, keepalive: false })
  return { db: app.database(), stop: () => emulator.stop() }
}

function argOf(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag)
  const value = i >= 0 ? args[i + 1] : undefined
  return value && !value.startsWith('--') ? value : undefined
}

async function main(args: string[]): Promise<void> {
  const name = argOf(args, '--name')
  if (!name) throw new SetupRefused('请用 --name 给出市的名称 / give the city with --name, e.g. -- --name 济南市')
  const { ENV_ID: envId, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
  const local = args.includes('--local') || !envId
  if (!local && (!secretId || !secretKey)) {
    throw new SetupRefused('请同时设置 ENV_ID、TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY / set all three')
  }
  const dataDir = resolve(argOf(args, '--local') ?? process.env.DANGKE_DATA_DIR ?? join('.data', 'cloudbase'))
  console.log(local ? `本地 CloudBase / local CloudBase: ${dataDir}` : `CloudBase 环境 / environment: ${envId}`)
  const target = local
    ? await localDatabase(dataDir)
    : { db: tcb.init({ env: envId, secretId, secretKey, timeout: 15000 }).database(), stop: async () => undefined }
  try {
    const hours = argOf(args, '--hours')
    const options = { name, id: argOf(args, '--id'), renew: args.includes('--renew') }
    const result = await setupCity(target.db, { ...options, hours: hours === undefined ? undefined : Number(hours) })
    for (const line of describeSetup(result)) console.log(line)
  } finally {
    await target.stop()
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof SetupRefused ? err.message : err)
    process.exit(1)
  })
}
