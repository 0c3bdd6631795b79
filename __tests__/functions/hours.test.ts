/**
 * The hours function in-process, through the real SDK and the emulator: a member's own hours over years
 * (reversals included) and what that costs in database calls, targets by role and year, a branch's view
 * with the ones behind first and who may see it, its Excel export, adjustments and who may set targets.
 * A test branch of its own (beside the seeded ones, under 解放路街道) keeps the numbers exact.
 */
import ExcelJS from 'exceljs'
import { existsSync, readdirSync } from 'fs'
import { join } from 'path'
import { bindingFor } from '../../cloudfunctions/_shared/actor'
import { main } from '../../cloudfunctions/hours/main'
import { seedDatabase } from '../../scripts/seed/index'
import type { BranchHours, HourTargets, MyHours } from '../../src/shared/contract'
import type { HourBucket, HourSource, LedgerEntryDoc, MemberDoc, OrgDoc, Role } from '../../src/shared/model'
import { hoursYear } from '../../src/shared/studyHours'
import { caller } from '../support/caller'
import { callsOf } from '../support/cloudForFile'
import { startTestCloud, type TestCloud } from '../support/emulator'
import { now, org } from './signup.fixtures'

const Y = hoursYear(now)
const BRANCH: OrgDoc = {
  _id: 'br-test-hours',
  name: '学时测试党支部',
  kind: 'branch',
  parentId: 'org-lixia-ssdl',
  path: [...org('org-lixia-ssdl').path, 'org-lixia-ssdl'],
}
/** [id, name, roles]: the secretary, a committee member, four plain members (one without any hours). */
const PEOPLE: [string, string, Role[]][] = [
  ['h-sec', '甲书记', ['member', 'secretary']],
  ['h-com', '乙委员', ['member', 'committee']],
  ['h-a', '丙党员', ['member']],
  ['h-b', '丁党员', ['member']],
  ['h-c', '戊党员', ['member']],
  ['h-d', '己党员', ['member']],
]
const who = (memberId: string) => `wx-${memberId}`
const [SEC, COM, A, B, , D] = PEOPLE.map(([id]) => who(id))
/** Secretary of a neighbouring branch (same community), a plain seeded member, administrators. */
const OTHER_SECRETARY = 'demo-m-0005'
const ADMINS_ABOVE = ['demo-m-0004', 'demo-m-0017', 'demo-m-0186']
const CITY_ADMIN = 'demo-m-0186'
const DISTRICT_ADMIN = 'demo-m-0017'
const ADMIN_ELSEWHERE = 'demo-m-0028'
const UNBOUND = 'wx-nobody'

/** 10:00 China time on a day of year `y` (month 0-based). */
const day = (y: number, month: number, date: number) => new Date(Date.UTC(y, month, date, 2))

function entry(
  _id: string,
  memberId: string,
  at: Date,
  hours: number,
  bucket: HourBucket,
  source: HourSource,
  extra: Partial<LedgerEntryDoc> = {},
): LedgerEntryDoc {
  return { _id, memberId, year: hoursYear(at), hours, bucket, source, title: `标题 ${_id}`, at, ...extra }
}

/**
 * h-a: last year 2 + 1.5; this year 2 + 1.5 collective, the 1.5 reversed, 1 lecturing, 3 training → 6.5.
 * h-b, h-c: 6 collective each (26 missing, like h-a: then by name, 丙 丁 戊 in pinyin order).
 * h-com: 10 collective (officer: 46 missing). h-sec: 60 (reached). h-d: nothing (32 missing).
 */
const LEDGER: LedgerEntryDoc[] = [
  entry('att:old-1:h-a:1', 'h-a', day(Y - 1, 4, 10), 2, 'collective', 'attendance', { lectureId: 'old-1' }),
  entry('att:old-2:h-a:1', 'h-a', day(Y - 1, 10, 3), 1.5, 'collective', 'attendance', { lectureId: 'old-2' }),
  entry('att:new-1:h-a:1', 'h-a', day(Y, 0, 5), 2, 'collective', 'attendance', { lectureId: 'new-1' }),
  entry('att:new-2:h-a:1', 'h-a', day(Y, 0, 6), 1.5, 'collective', 'attendance', { lectureId: 'new-2' }),
  entry('rev:new-2:h-a:1', 'h-a', day(Y, 0, 7), -1.5, 'collective', 'reversal', {
    lectureId: 'new-2',
    reverses: 'att:new-2:h-a:1',
    by: 'h-sec',
  }),
  entry('lect:new-3:h-a', 'h-a', day(Y, 0, 8), 1, 'lecturing', 'lecturing', { lectureId: 'new-3' }),
  entry('adj-h-a-1', 'h-a', day(Y, 0, 9), 3, 'training', 'adjustment', { reason: '区委党校集中轮训', by: 'h-sec' }),
  entry('att:new-1:h-b:1', 'h-b', day(Y, 0, 5), 6, 'collective', 'attendance', { lectureId: 'new-1' }),
  entry('att:new-1:h-c:1', 'h-c', day(Y, 0, 5), 6, 'collective', 'attendance', { lectureId: 'new-1' }),
  entry('att:new-1:h-com:1', 'h-com', day(Y, 0, 5), 10, 'collective', 'attendance', { lectureId: 'new-1' }),
  entry('adj-h-sec-1', 'h-sec', day(Y, 0, 9), 60, 'training', 'adjustment', { reason: '全年集中培训', by: 'h-sec' }),
]

let cloud: TestCloud

beforeAll(async () => {
  cloud = await startTestCloud()
  await seedDatabase(cloud.db, now)
  const members: MemberDoc[] = PEOPLE.map(([_id, name, roles], i) => ({
    _id,
    name,
    phone: `1990000${String(i).padStart(4, '0')}`,
    branchId: BRANCH._id,
    roles,
    inviteCode: `HRS00${i}`,
  }))
  await cloud.db.collection('orgs').add(BRANCH)
  await cloud.db.collection('members').add(members)
  await cloud.db.collection('bindings').add(members.map((m) => bindingFor(who(m._id), m, BRANCH, now)))
  await cloud.db.collection('ledger').add(LEDGER)
}, 60_000)
afterAll(() => cloud.stop())

const { call, ok } = caller(main)

const ledgerOf = (memberId: string) =>
  cloud.emulator.store.scan('ledger', { memberId }).map((r) => r.doc) as unknown as LedgerEntryDoc[]
/** Everything a refused request could have written. */
const snapshot = () =>
  JSON.stringify([cloud.emulator.store.scan('ledger', {}), cloud.emulator.store.scan('settings', {})])

/** Database requests made by `run`. */

describe('my hours', () => {
  it('sums this year by bucket, reversal included, lists its entries latest first and every year', async () => {
    const mine = await ok<MyHours>('mine', {}, A)
    expect(mine).toMatchObject({ name: '丙党员', year: Y, currentYear: Y, target: 32, total: 6 })
    expect(mine.buckets).toEqual({ training: 3, collective: 2, lecturing: 1, online: 0 })
    expect(mine.entries.map((e) => [e.id, e.hours, e.source])).toEqual([
      ['adj-h-a-1', 3, 'adjustment'],
      ['lect:new-3:h-a', 1, 'lecturing'],
      ['rev:new-2:h-a:1', -1.5, 'reversal'],
      ['att:new-2:h-a:1', 1.5, 'attendance'],
      ['att:new-1:h-a:1', 2, 'attendance'],
    ])
    expect(mine.entries[0]).toEqual({
      id: 'adj-h-a-1',
      hours: 3,
      bucket: 'training',
      source: 'adjustment',
      title: '标题 adj-h-a-1',
      reason: '区委党校集中轮训',
      at: day(Y, 0, 9).toISOString(),
    })
    expect(mine.entries[4]).toMatchObject({ lectureId: 'new-1', at: day(Y, 0, 5).toISOString() })
    expect(mine.years).toEqual([
      { year: Y, total: 6, target: 32 },
      { year: Y - 1, total: 3.5, target: 32 },
    ])
  })

  it('shows an earlier year on request', async () => {
    const last = await ok<MyHours>('mine', { year: Y - 1 }, A)
    expect(last).toMatchObject({ year: Y - 1, currentYear: Y, total: 3.5 })
    expect(last.buckets).toEqual({ training: 0, collective: 3.5, lecturing: 0, online: 0 })
    expect(last.entries.map((e) => e.id)).toEqual(['att:old-2:h-a:1', 'att:old-1:h-a:1'])
  })

  it('costs 2 database calls once the targets are cached: the binding and the ledger', async () => {
    await ok('mine', {}, A)
    expect(await callsOf(cloud, () => ok('mine', {}, A))).toBe(2)
    expect(await callsOf(cloud, () => ok('mine', { year: Y - 1 }, B))).toBe(2)
  })

  it('sets the target by role: 56 for the secretary and committee members, 32 for members', async () => {
    expect((await ok<MyHours>('mine', {}, SEC)).target).toBe(56)
    expect((await ok<MyHours>('mine', {}, COM)).target).toBe(56)
    expect((await ok<MyHours>('mine', {}, B)).target).toBe(32)
  })

  it('shows the current year with nothing yet, and no other', async () => {
    const mine = await ok<MyHours>('mine', {}, D)
    expect(mine).toMatchObject({ total: 0, entries: [], years: [{ year: Y, total: 0, target: 32 }] })
    expect(mine.buckets).toEqual({ training: 0, collective: 0, lecturing: 0, online: 0 })
  })

  it('refuses callers who are not bound members', async () => {
    expect(await call('mine', {}, UNBOUND)).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' })
    expect(await call('mine', {}, undefined)).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
    expect(await call('mine', { year: 1999 }, A)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('targets', () => {
  it('answers the defaults to anyone bound', async () => {
    expect(await ok<HourTargets>('targets', {}, A)).toEqual({ year: Y, member: 32, officer: 56 })
    expect(await call('targets', {}, UNBOUND)).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' })
  })

  it('lets only a city administrator set a year’s targets, and writes nothing otherwise', async () => {
    const before = snapshot()
    for (const [openid, code] of [
      [DISTRICT_ADMIN, 'FORBIDDEN'],
      [SEC, 'FORBIDDEN'],
      [A, 'FORBIDDEN'],
      [UNBOUND, 'NOT_A_MEMBER'],
    ] as const) {
      const res = await call('setTargets', { year: Y + 1, member: 40, officer: 60 }, openid)
      expect([openid, res]).toMatchObject([openid, { ok: false, code }])
    }
    for (const bad of [
      { year: Y + 1, member: 40.3, officer: 60 },
      { year: Y + 1, member: -1, officer: 60 },
      { year: Y + 1, member: 40 },
      { member: 40, officer: 60 },
    ]) {
      expect(await call('setTargets', bad, CITY_ADMIN)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    expect(snapshot()).toBe(before)
  })

  it('uses a configured year’s targets for that year only', async () => {
    expect(await ok('setTargets', { year: Y + 1, member: 40, officer: 60 }, CITY_ADMIN)).toEqual({
      year: Y + 1,
      member: 40,
      officer: 60,
    })
    expect(await ok('setTargets', { year: Y - 1, member: 30, officer: 50.5 }, CITY_ADMIN)).toEqual({
      year: Y - 1,
      member: 30,
      officer: 50.5,
    })
    expect(await ok<HourTargets>('targets', { year: Y + 1 }, B)).toEqual({ year: Y + 1, member: 40, officer: 60 })
    expect(await ok<HourTargets>('targets', {}, B)).toEqual({ year: Y, member: 32, officer: 56 })
    expect((await ok<MyHours>('mine', { year: Y + 1 }, SEC)).target).toBe(60)
    expect((await ok<MyHours>('mine', {}, A)).years).toEqual([
      { year: Y, total: 6, target: 32 },
      { year: Y - 1, total: 3.5, target: 30 },
    ])
    const stored = cloud.emulator.store.getById('settings', 'studyHourTargets')?.doc
    expect(stored).toMatchObject({
      defaults: { member: 32, officer: 56 },
      years: { [String(Y + 1)]: { member: 40, officer: 60 }, [String(Y - 1)]: { member: 30, officer: 50.5 } },
      updatedBy: 'm-0186',
    })
    // Setting a year again changes only that year.
    await ok('setTargets', { year: Y + 1, member: 36, officer: 56 }, CITY_ADMIN)
    expect(cloud.emulator.store.getById('settings', 'studyHourTargets')?.doc).toMatchObject({
      years: { [String(Y + 1)]: { member: 36, officer: 56 }, [String(Y - 1)]: { member: 30, officer: 50.5 } },
    })
  })
})

describe('a branch’s hours', () => {
  it('lists every member against their target, the ones behind first, then by name', async () => {
    const view = await ok<BranchHours>('branch', {}, SEC)
    expect(view).toMatchObject({ branchId: BRANCH._id, branchName: '学时测试党支部', year: Y })
    expect(view.rows.map((r) => [r.name, r.target, r.total, r.missing])).toEqual([
      ['乙委员', 56, 10, 46],
      ['己党员', 32, 0, 32],
      ['丙党员', 32, 6, 26],
      ['丁党员', 32, 6, 26],
      ['戊党员', 32, 6, 26],
      ['甲书记', 56, 60, 0],
    ])
    expect(view.rows.find((r) => r.memberId === 'h-a')).toEqual({
      memberId: 'h-a',
      name: '丙党员',
      roles: ['member'],
      target: 32,
      total: 6,
      buckets: { training: 3, collective: 2, lecturing: 1, online: 0 },
      missing: 26,
    })
    const last = await ok<BranchHours>('branch', { year: Y - 1 }, SEC)
    expect(last.rows.find((r) => r.memberId === 'h-a')).toMatchObject({ total: 3.5, target: 30, missing: 26.5 })
  })

  it('costs 4 database calls: binding, branch and members side by side, one aggregate', async () => {
    await ok('branch', {}, SEC)
    expect(await callsOf(cloud, () => ok('branch', {}, COM))).toBe(4)
  })

  it('is for the branch’s officers and the administrators above it', async () => {
    for (const openid of [SEC, COM, ...ADMINS_ABOVE]) {
      const res = await call('branch', { branchId: BRANCH._id }, openid)
      expect([openid, res]).toMatchObject([openid, { ok: true, data: { branchId: BRANCH._id } }])
    }
    for (const [openid, code] of [
      [A, 'FORBIDDEN'],
      [OTHER_SECRETARY, 'FORBIDDEN'],
      [ADMIN_ELSEWHERE, 'FORBIDDEN'],
      [UNBOUND, 'NOT_A_MEMBER'],
    ] as const) {
      const res = await call('branch', { branchId: BRANCH._id }, openid)
      expect([openid, res]).toMatchObject([openid, { ok: false, code }])
    }
    // A plain member asking for their own branch (the default) is refused too.
    expect(await call('branch', {}, A)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('branch', { branchId: 'br-none' }, SEC)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await call('branch', { branchId: 'org-lixia' }, ADMINS_ABOVE[1])).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  it('exports an Excel file that reads back with the rows, in Chinese', async () => {
    const res = await ok<{ fileId: string; url: string; fileName: string }>(
      'exportBranch',
      { branchId: BRANCH._id },
      ADMINS_ABOVE[0],
    )
    expect(res.fileId).toMatch(/^cloud:\/\/.+\/exports\/[0-9a-f]{32}\/学时测试党支部\d{4}年度学时统计\.xlsx$/)
    expect(res.fileName).toBe(`学时测试党支部${Y}年度学时统计.xlsx`)
    const download = await fetch(res.url)
    expect(download.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await download.arrayBuffer())
    const sheet = book.getWorksheet(`${Y}年度学时`)!
    const rows = (sheet.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1))
    expect(rows).toEqual([
      ['姓名', '职务', '目标学时', '已完成', '集中培训', '集体学习', '讲授', '线上学习', '还差'],
      ['乙委员', '支部委员', 56, 10, 0, 10, 0, 0, 46],
      ['己党员', '党员', 32, 0, 0, 0, 0, 0, 32],
      ['丙党员', '党员', 32, 6, 3, 2, 1, 0, 26],
      ['丁党员', '党员', 32, 6, 0, 6, 0, 0, 26],
      ['戊党员', '党员', 32, 6, 0, 6, 0, 0, 26],
      ['甲书记', '支部书记', 56, 60, 60, 0, 0, 0, 0],
    ])
  })

  it('exports nothing for those who may not see the branch', async () => {
    const dir = join(cloud.dataDir, 'storage', 'exports')
    const files = () => (existsSync(dir) ? readdirSync(dir).length : 0)
    const before = files()
    for (const openid of [A, OTHER_SECRETARY, ADMIN_ELSEWHERE, UNBOUND]) {
      const res = await call('exportBranch', { branchId: BRANCH._id }, openid)
      expect([openid, res.ok]).toEqual([openid, false])
    }
    expect(files()).toBe(before)
  })
})

describe('adjustments', () => {
  const adjustment = {
    memberId: 'h-d',
    year: Y,
    hours: 2,
    bucket: 'training',
    reason: '参加区委党校集中轮训，线下补录',
    requestId: 'req-first-0001',
  }

  it('adds a new entry with the reason and who made it, which the member then sees', async () => {
    const { entryId } = await ok<{ entryId: string }>('adjust', adjustment, SEC)
    const stored = ledgerOf('h-d')
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      _id: entryId,
      memberId: 'h-d',
      year: Y,
      hours: 2,
      bucket: 'training',
      source: 'adjustment',
      title: adjustment.reason,
      reason: adjustment.reason,
      by: 'h-sec',
    })
    const mine = await ok<MyHours>('mine', {}, D)
    expect(mine).toMatchObject({ total: 2, entries: [{ id: entryId, source: 'adjustment', hours: 2 }] })
  })

  it('corrects downwards with another entry, never by changing the first', async () => {
    const before = ledgerOf('h-d')
    const down = { ...adjustment, hours: -0.5, reason: '重复录入，扣减', requestId: 'req-down-0001' }
    await ok('adjust', down, ADMINS_ABOVE[2])
    const after = ledgerOf('h-d')
    expect(after).toHaveLength(2)
    expect(after).toEqual(expect.arrayContaining(before))
    expect((await ok<MyHours>('mine', {}, D)).total).toBe(1.5)
    // Another year's entry counts in that year.
    await ok('adjust', { ...adjustment, year: Y - 1, hours: 4, requestId: 'req-lastyear-1' }, ADMINS_ABOVE[1])
    expect((await ok<MyHours>('mine', {}, D)).years).toEqual([
      { year: Y, total: 1.5, target: 32 },
      { year: Y - 1, total: 4, target: 30 },
    ])
  })

  it('adds once for one requestId: a press repeated after a lost reply answers the same entry', async () => {
    const again = { ...adjustment, hours: 1, reason: '补录一次', requestId: 'req-again_01' }
    const first = await ok<{ entryId: string }>('adjust', again, SEC)
    expect(first.entryId).toBe('adj:req-again_01')
    const before = ledgerOf('h-d')
    expect(await ok<{ entryId: string }>('adjust', again, SEC)).toEqual(first)
    expect(ledgerOf('h-d')).toEqual(before)
    expect(before.filter((e) => e._id === first.entryId)).toHaveLength(1)
    // The same id for another adjustment (a broken or foreign page) is refused, not taken for it.
    for (const other of [
      { ...again, hours: 2 },
      { ...again, memberId: 'h-c' },
    ]) {
      expect(await call('adjust', other, SEC)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    expect(ledgerOf('h-d')).toEqual(before)
  })

  it('is for the member’s branch secretary and the administrators above; refusals and bad input write nothing', async () => {
    const before = snapshot()
    for (const [openid, code] of [
      [COM, 'FORBIDDEN'],
      [A, 'FORBIDDEN'],
      [D, 'FORBIDDEN'],
      [OTHER_SECRETARY, 'FORBIDDEN'],
      [ADMIN_ELSEWHERE, 'FORBIDDEN'],
      [UNBOUND, 'NOT_A_MEMBER'],
      [undefined, 'NOT_SIGNED_IN'],
    ] as const) {
      const res = await call('adjust', adjustment, openid)
      expect([openid, res]).toMatchObject([openid, { ok: false, code }])
    }
    // Not one's own hours, even as the branch secretary or an administrator above.
    expect(await call('adjust', { ...adjustment, memberId: 'h-sec' }, SEC)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('adjust', { ...adjustment, memberId: 'm-0186' }, CITY_ADMIN)).toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await call('adjust', { ...adjustment, memberId: 'm-none' }, SEC)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    for (const bad of [
      { ...adjustment, hours: 0 },
      { ...adjustment, hours: 0.3 },
      { ...adjustment, hours: 51 },
      { ...adjustment, reason: ' ' },
      { ...adjustment, reason: undefined },
      { ...adjustment, bucket: 'sleep' },
      { ...adjustment, year: 1999 },
      { ...adjustment, memberId: '' },
      { ...adjustment, requestId: undefined },
      { ...adjustment, requestId: 'short' },
      { ...adjustment, requestId: 'has space in it' },
      { ...adjustment, requestId: 'x'.repeat(65) },
    ]) {
      expect([bad, await call('adjust', bad, SEC)]).toMatchObject([bad, { ok: false, code: 'INVALID_INPUT' }])
    }
    expect(snapshot()).toBe(before)
  })
})
