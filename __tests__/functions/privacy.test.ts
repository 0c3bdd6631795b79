/**
 * 我的数据 and the phone removal, in-process through the real SDK and the emulator on the demo data: a member
 * sees and exports only their own records (check-ins with the distance, never coordinates), in a counted
 * number of database calls; an unbound or anonymous caller is refused and nothing is written; the timer
 * removes the phone of members who left the rolls longer ago than the retention setting, once.
 */
import ExcelJS from 'exceljs'
import { main } from '../../cloudfunctions/member/main'
import { JOBS } from '../../cloudfunctions/maintenance/timer'
import { removeOldPhones } from '../../cloudfunctions/maintenance/retention'
import type { MyData } from '../../src/shared/contract'
import type { MemberDoc } from '../../src/shared/model'
import { MY_DATA_SHOWN } from '../../src/shared/myData'
import { PRIVACY_SETTINGS_ID, RETENTION_DAYS_DEFAULT } from '../../src/shared/privacy'
import { caller } from '../support/caller'
import { callsOf, seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

const now = new Date()
let cloud: TestCloud
const seed = seededCloudForFile(now, (started) => (cloud = started))
const { call, ok } = caller(main)
/** Documents as stored, read past the SDK. */
const stored = <T = unknown>(collection: string, query: object): T[] =>
  cloud.emulator.store.scan(collection, query as never).map((r) => r.doc as unknown as T)

/** The bound member with the most check-ins (the demo history gives some several). */
const busiest = (() => {
  const count = (id: string) => seed.checkins.filter((c) => c.memberId === id).length
  return [...seed.bindings].sort((a, b) => count(b.memberId) - count(a.memberId))[0]
})()
const ownOf = <T extends { memberId: string }>(docs: T[]) => docs.filter((d) => d.memberId === busiest.memberId)

describe('我的数据', () => {
  it("answers the caller's own profile, sign-ups, check-ins (distance only), hours, in 8 database calls", async () => {
    const member = seed.members.find((m) => m._id === busiest.memberId)!
    let data!: MyData
    expect(await callsOf(cloud, async () => (data = await ok<MyData>('myData', {}, busiest._id)))).toBe(8)
    expect(data.profile).toMatchObject({ name: member.name, phone: member.phone, roles: member.roles, inactive: false })
    expect(data.profile.branchName).toBe(seed.orgs.find((o) => o._id === member.branchId)!.name)
    const shown = (n: number) => Math.min(n, MY_DATA_SHOWN)
    expect(data.signups).toHaveLength(shown(ownOf(seed.signups).length))
    expect(data.checkins).toHaveLength(shown(ownOf(seed.checkins).length))
    expect(data.checkins.length).toBeGreaterThan(0)
    expect(data.hours).toHaveLength(shown(ownOf(seed.ledger).length))
    // Only their own: every lecture named is one they signed up for or checked in at.
    const titles = new Set(
      [...ownOf(seed.signups), ...ownOf(seed.checkins)].map(
        (x) => seed.lectures.find((l) => l._id === x.lectureId)!.title,
      ),
    )
    for (const x of [...data.signups, ...data.checkins]) expect(titles.has(x.lectureTitle)).toBe(true)
    for (const c of data.checkins) expect(Object.keys(c)).not.toContain('lat')
    expect(JSON.stringify(data)).not.toMatch(/"lat"|"lng"/)
  })

  it('exports the same as an Excel file, a sheet each', async () => {
    const before = stored('exports', {}).length
    const res = await ok<{ url: string; fileName: string }>('exportMyData', {}, busiest._id)
    expect(res.fileName).toMatch(/^我的数据-.+-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(stored('exports', {})).toHaveLength(before + 1)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await (await fetch(res.url)).arrayBuffer())
    expect(book.worksheets.map((s) => s.name)).toEqual(['个人信息', '报名', '签到', '学时', '党课申报'])
    expect(book.getWorksheet('签到')!.rowCount).toBe(ownOf(seed.checkins).length + 1)
    expect(book.getWorksheet('个人信息')!.getRow(2).getCell(1).value).toBe(busiest.name)
  })

  it('refuses a caller with no member bound, or none at all, and writes nothing', async () => {
    const before = stored('exports', {}).length
    for (const action of ['myData', 'exportMyData']) {
      expect(await call(action, {}, 'wx-nobody')).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' })
      expect(await call(action, {})).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
      // The payload names no one: a member id put there is dropped, and the caller's own data answers.
      expect(await call(action, { memberId: 'demo-m-0001' }, busiest._id)).toMatchObject({ ok: true })
    }
    expect(stored('exports', {})).toHaveLength(before + 1)
  })
})

describe('the phone removal', () => {
  const DAY = 24 * 3600_000
  const ago = (days: number) => new Date(now.getTime() - days * DAY)
  const person = (id: string, extra: Partial<MemberDoc>): MemberDoc => ({
    _id: id,
    name: `退出${id}`,
    phone: `1390000${id.slice(-4)}`,
    branchId: busiest.branchId,
    roles: ['member'],
    inviteCode: `R${id.slice(-5)}`,
    ...extra,
  })
  const phoneOf = (id: string) => stored<MemberDoc>('members', { _id: id })[0]

  it('runs from the hourly timer', () => {
    expect(JOBS.removeOldPhones).toBe(removeOldPhones)
  })

  it('removes the phone of members inactive longer than the retention, once; name and history stay', async () => {
    await cloud.db
      .collection('members')
      .add([
        person('ret-00001', { status: 'inactive', deactivatedAt: ago(RETENTION_DAYS_DEFAULT + 1) }),
        person('ret-00002', { status: 'inactive', deactivatedAt: ago(100) }),
        person('ret-00003', { deactivatedAt: ago(RETENTION_DAYS_DEFAULT + 1) }),
      ])
    expect(await removeOldPhones({ db: cloud.db, now, deadline: Infinity })).toEqual({ removed: 1, unfinished: false })
    expect(phoneOf('ret-00001')).toMatchObject({
      name: '退出ret-00001',
      phone: 'removed:ret-00001',
      phoneRemovedAt: now,
    })
    expect(phoneOf('ret-00002').phone).toBe('13900000002')
    expect(phoneOf('ret-00003').phone).toBe('13900000003')
    // Again: nothing more, the first removal's time kept.
    const later = new Date(now.getTime() + 3600_000)
    expect(await removeOldPhones({ db: cloud.db, now: later, deadline: Infinity })).toEqual({
      removed: 0,
      unfinished: false,
    })
    expect(phoneOf('ret-00001').phoneRemovedAt).toEqual(now)
  })

  it('follows the setting privacy.retentionDays', async () => {
    await cloud.db.collection('settings').add({ _id: PRIVACY_SETTINGS_ID, retentionDays: 30 })
    // The settings cache lives a minute in the instance (the last run was an hour on): two hours on, it is read.
    const later = new Date(now.getTime() + 2 * 3600_000)
    expect(await removeOldPhones({ db: cloud.db, now: later, deadline: Infinity })).toEqual({
      removed: 1,
      unfinished: false,
    })
    expect(phoneOf('ret-00002').phone).toBe('removed:ret-00002')
    expect(phoneOf('ret-00003').phone).toBe('13900000003')
  })

  it('stops at the timer run’s deadline, leaving the rest to the next run', async () => {
    await cloud.db
      .collection('members')
      .add(person('ret-00004', { status: 'inactive', deactivatedAt: ago(RETENTION_DAYS_DEFAULT + 1) }))
    const later = new Date(now.getTime() + 3 * 3600_000)
    const passed = Date.now() - 1
    expect(await removeOldPhones({ db: cloud.db, now: later, deadline: passed })).toEqual({
      removed: 0,
      unfinished: true,
    })
    expect(phoneOf('ret-00004').phone).toBe('13900000004')
    expect(await removeOldPhones({ db: cloud.db, now: later, deadline: Infinity })).toEqual({
      removed: 1,
      unfinished: false,
    })
  })

  it('shows a removed phone as none in the roster', async () => {
    const branch = seed.orgs.find((o) => o._id === busiest.branchId)!
    const admin = seed.bindings.find((b) => b.roles.includes('admin') && branch.path.includes(b.adminOrgId!))!
    const roster = await ok<{ members: { id: string; phone: string }[] }>(
      'roster',
      { branchId: busiest.branchId },
      admin._id,
    )
    expect(roster.members.find((m) => m.id === 'ret-00001')!.phone).toBe('')
    expect(roster.members.find((m) => m.id === 'ret-00003')!.phone).toBe('13900000003')
  })
})
