/**
 * member.importRoster through the SDK and the emulator: Excel and CSV files made here (exceljs; UTF-8 with a
 * BOM; GB18030 as Excel on a Chinese Windows writes it), good and bad, and who may import.
 */
import { randomBytes } from 'crypto'
import ExcelJS from 'exceljs'
import * as rosterFile from '../../cloudfunctions/member/rosterFile'
import * as roster from '../../src/shared/roster'
import type { ImportReport, Me } from '../../src/shared/contract'
import { extensionOf, uploadPath } from '../../src/shared/files'
import type { BindingDoc, MemberDoc } from '../../src/shared/model'
import { seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { as, call } from './member.fixtures'

let cloud: TestCloud
const now = new Date()
const seed = seededCloudForFile(now, (started) => (cloud = started))

const seeded = (id: string) => seed.members.find((m) => m._id === id)!
const stored = <T = MemberDoc>(coll: string, query: Record<string, unknown> = {}) =>
  cloud.emulator.store.scan(coll, query).map((r) => r.doc as unknown as T)
const everything = () => ({ members: stored<MemberDoc>('members'), bindings: stored<BindingDoc>('bindings') })
/** Database calls only: the file's download URL and deletion are storage calls. */
const calls = () =>
  Object.entries(cloud.emulator.counters.snapshot().byAction)
    .filter(([action]) => action.startsWith('database.'))
    .reduce((sum, [, n]) => sum + n, 0)

async function xlsx(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('党员名册')
  for (const r of rows) sheet.addRow(r)
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
}
const csvText = (rows: unknown[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n'

/** GB18030 bytes of a text (the two-byte part holds every character a roster needs), as Excel writes a CSV. */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail])
    }
  }
  return Buffer.from(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)]
      const bytes = table.get(ch)
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`)
      return bytes
    }),
  )
}

/** The page's way: the file into storage under rosters/ (src/api/upload.ts), then its id to the function. */
async function upload(fileName: string, bytes: Buffer): Promise<string> {
  const cloudPath =
    uploadPath('roster', fileName, randomBytes(16)) ??
    `rosters/${randomBytes(16).toString('hex')}.${extensionOf(fileName)}`
  return (await cloud.app.uploadFile({ cloudPath, fileContent: bytes })).fileID
}
const importFile = async (by: string, branchId: string, fileName: string, contentBase64: string) =>
  call(as(by), 'importRoster', { branchId, fileId: await upload(fileName, Buffer.from(contentBase64, 'base64')) })
async function imported(by: string, branchId: string, fileName: string, contentBase64: string) {
  const res = await importFile(by, branchId, fileName, contentBase64)
  if (!res.ok) throw new Error(`${res.code} ${res.explanation ?? ''}`)
  return res.data as ImportReport
}

describe('a good Excel file', () => {
  // 正觉寺社区党支部: m-0018 secretary, m-0019 committee, m-0020 member; all bound.
  const branchId = 'br-lixia-zjs'
  const [secretary, committee, plain] = ['m-0018', 'm-0019', 'm-0020'].map(seeded)
  const rows = [
    ['正觉寺社区党支部党员名册'],
    ['序号', '姓名', '职务', '手机号', '备注'],
    [1, secretary.name, '书记', Number(secretary.phone), ''],
    [2, '改名后', '组织委员', committee.phone, '改名'],
    [3, plain.name, '宣传委员', plain.phone, '新任委员'],
    [4, '毕秀兰', '', '139 0000 0001', '新党员'],
    [5, '亓德华', '党员', '13900000002', '新党员'],
  ]

  it('creates the new members, updates the changed ones with their bindings, and says so row by row', async () => {
    const before = everything()
    const content = await xlsx(rows)
    cloud.emulator.counters.reset()
    const report = await imported('m-0018', branchId, '名册.xlsx', content)
    // Caller and branch, the stored phones, one batch insert, and a binding and a member per changed member.
    expect(calls()).toBe(3 + 1 + 2 * 2)
    expect(report).toEqual({
      applied: true,
      created: 2,
      updated: 2,
      rows: [
        { row: 3, name: secretary.name, result: 'unchanged', errors: [] },
        { row: 4, name: '改名后', result: 'updated', errors: [] },
        { row: 5, name: plain.name, result: 'updated', errors: [] },
        { row: 6, name: '毕秀兰', result: 'created', errors: [] },
        { row: 7, name: '亓德华', result: 'created', errors: [] },
      ],
    })

    const members = stored<MemberDoc>('members', { branchId })
    expect(members.find((m) => m._id === committee._id)).toEqual({ ...committee, name: '改名后' })
    expect(members.find((m) => m._id === plain._id)).toEqual({ ...plain, roles: ['member', 'committee'] })
    expect(members.find((m) => m._id === secretary._id)).toEqual(secretary)
    const created = members.filter((m) => !seed.members.some((s) => s._id === m._id))
    expect(created.map(({ name, phone, roles }) => ({ name, phone, roles }))).toEqual([
      { name: '毕秀兰', phone: '13900000001', roles: ['member'] },
      { name: '亓德华', phone: '13900000002', roles: ['member'] },
    ])
    const codes = stored<MemberDoc>('members').map((m) => m.inviteCode)
    for (const c of created) expect(c.inviteCode).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/)
    expect(new Set(codes).size).toBe(codes.length)

    // The binding snapshot follows, so that rights (and me) see the new name and roles at once.
    expect(stored<BindingDoc>('bindings', { memberId: committee._id })[0]).toMatchObject({ name: '改名后' })
    expect(stored<BindingDoc>('bindings', { memberId: plain._id })[0]).toMatchObject({ roles: ['member', 'committee'] })
    const me = await call(as(plain._id), 'me', {})
    expect(me.ok && (me.data as Me).member?.manages.map((n) => n.id)).toEqual([branchId])

    // Nothing else changed: other branches' members and all other bindings are as they were.
    const others = (docs: { _id: string }[]) =>
      docs.filter((d) => ![committee._id, plain._id].includes(d._id) && !created.some((c) => c._id === d._id))
    expect(others(stored('members'))).toEqual(others(before.members))
    expect(stored<BindingDoc>('bindings').filter((b) => ![committee._id, plain._id].includes(b.memberId))).toEqual(
      before.bindings.filter((b) => ![committee._id, plain._id].includes(b.memberId)),
    )
  })

  it('changes nothing when the same file is imported again (which is how an interrupted import completes)', async () => {
    const before = everything()
    const report = await imported('m-0018', branchId, '名册.xlsx', await xlsx(rows))
    expect(report).toMatchObject({ applied: true, created: 0, updated: 0 })
    expect(report.rows.map((r) => r.result)).toEqual(Array(5).fill('unchanged'))
    expect(everything()).toEqual(before)
  })
})

describe('CSV files', () => {
  it('reads UTF-8 with a BOM, and keeps an administrator’s role when the roster makes them a committee member', async () => {
    // 千佛山街道机关党支部: m-0014 secretary, m-0017 member and administrator of 历下区.
    const admin = seeded('m-0017')
    const text =
      '\ufeff' +
      csvText([
        ['姓名', '手机号', '职务'],
        [admin.name, admin.phone, '纪检委员'],
        ['"鲁海燕"', '13900000011', '党员'],
      ])
    const report = await imported('m-0014', 'br-lixia-qfs-jg', 'roster.CSV', Buffer.from(text).toString('base64'))
    expect(report).toMatchObject({ applied: true, created: 1, updated: 1 })
    expect(report.rows.map((r) => [r.name, r.result])).toEqual([
      [admin.name, 'updated'],
      ['鲁海燕', 'created'],
    ])
    expect(stored<MemberDoc>('members', { _id: admin._id })[0].roles).toEqual(['member', 'committee', 'admin'])
    expect(stored<BindingDoc>('bindings', { memberId: admin._id })[0]).toMatchObject({
      roles: ['member', 'committee', 'admin'],
      adminOrgId: 'org-lixia',
    })
  })

  it('reads GB18030, as Excel on a Chinese Windows saves "CSV (逗号分隔)"', async () => {
    // 千佛山社区党支部: m-0008 secretary.
    const secretary = seeded('m-0008')
    const bytes = gb18030(
      csvText([
        ['姓名', '联系电话', '职务'],
        [secretary.name, secretary.phone, '支部书记'],
        ['邢淑娟', '13900000021', ''],
      ]),
    )
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const report = await imported('m-0008', 'br-lixia-qfs', '党员名册.csv', bytes.toString('base64'))
    expect(report).toMatchObject({ applied: true, created: 1, updated: 0 })
    expect(report.rows.map((r) => [r.name, r.result])).toEqual([
      [secretary.name, 'unchanged'],
      ['邢淑娟', 'created'],
    ])
    expect(stored<MemberDoc>('members', { phone: '13900000021' })).toMatchObject([
      { name: '邢淑娟', branchId: 'br-lixia-qfs', roles: ['member'] },
    ])
  })
})

describe('an appointment made while a roster is imported', () => {
  it('is kept: the import stops with INVALID_STATE, and importing again applies the file around it', async () => {
    // A plain member of a branch no other test here imports, who has bound (their binding carries the roles).
    const target = seed.members.find(
      (m) =>
        m.branchId === 'br-lixia-qfs' && m.roles.join() === 'member' && seed.bindings.some((b) => b.memberId === m._id),
    )!
    const file = Buffer.from(
      '\ufeff' +
        csvText([
          ['姓名', '手机号', '职务'],
          [target.name, target.phone, '纪检委员'],
        ]),
    ).toString('base64')
    const appointed = (doc: Record<string, unknown>) => ({
      ...doc,
      roles: [...(doc.roles as string[]), 'judge'],
      judgeOrgId: 'org-lixia',
    })
    const plan = roster.planImport
    // The appointment (member, then binding) lands after the import read the members, before it writes.
    jest.spyOn(roster, 'planImport').mockImplementationOnce((...args) => {
      const store = cloud.emulator.store
      const [member] = store.scan('members', { _id: target._id })
      const [binding] = store.scan('bindings', { memberId: target._id })
      store.apply([
        { kind: 'put', coll: 'members', id: member.id, doc: appointed(member.doc) },
        { kind: 'put', coll: 'bindings', id: binding.id, doc: appointed(binding.doc) },
      ])
      return plan(...args)
    })
    expect(await importFile('m-0017', 'br-lixia-qfs', 'roster.csv', file)).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      explanation: '同一时间有人修改了这个支部的党员，请再导入一次',
    })
    expect(stored<MemberDoc>('members', { _id: target._id })[0]).toMatchObject({ roles: ['member', 'judge'] })
    expect(stored<BindingDoc>('bindings', { memberId: target._id })[0]).toMatchObject({ roles: ['member', 'judge'] })

    expect(await imported('m-0017', 'br-lixia-qfs', 'roster.csv', file)).toMatchObject({ applied: true, updated: 1 })
    const roles = ['member', 'committee', 'judge']
    expect(stored<MemberDoc>('members', { _id: target._id })[0]).toMatchObject({ roles, judgeOrgId: 'org-lixia' })
    expect(stored<BindingDoc>('bindings', { memberId: target._id })[0]).toMatchObject({
      roles,
      judgeOrgId: 'org-lixia',
    })
  })
})

describe('a file with bad rows', () => {
  it('reports every bad row and why, and writes nothing at all', async () => {
    // 趵突泉 正觉寺 again (m-0018's branch); m-0001 is of another branch.
    const other = seeded('m-0001')
    const content = await xlsx([
      ['姓名', '手机号', '职务'],
      ['', '13900000031', ''],
      ['孙立平', '1390000003', ''],
      ['赵海英', '13900000033', '主任'],
      ['崔振东', '13900000034', ''],
      ['崔振东', '13900000034', ''],
      ['尹丽华', other.phone, ''],
      ['郭春梅', '13900000037', ''],
    ])
    const before = everything()
    const res = await importFile('m-0018', 'br-lixia-zjs', 'bad.xlsx', content)
    expect(res.ok).toBe(true)
    const report = (res.ok && res.data) as ImportReport
    expect(report).toEqual({
      applied: false,
      created: 0,
      updated: 0,
      rows: [
        { row: 2, name: '', result: 'error', errors: ['缺少姓名'] },
        { row: 3, name: '孙立平', result: 'error', errors: ['手机号“1390000003”不是有效的11位手机号'] },
        {
          row: 4,
          name: '赵海英',
          result: 'error',
          errors: ['职务“主任”无法识别，请填写：书记、委员或党员（也可不填）'],
        },
        { row: 5, name: '崔振东', result: 'error', errors: ['手机号与第6行重复'] },
        { row: 6, name: '崔振东', result: 'error', errors: ['手机号与第5行重复'] },
        { row: 7, name: '尹丽华', result: 'error', errors: ['这个手机号已登记在其他支部的党员名下，请先联系该支部'] },
        { row: 8, name: '郭春梅', result: 'created', errors: [] },
      ],
    })
    expect(everything()).toEqual(before)
  })

  it('refuses a file without the headings, saying which is missing, and writes nothing', async () => {
    const before = everything()
    const noPhone = Buffer.from(
      csvText([
        ['姓名', '电话号'],
        ['郭春梅', '13900000037'],
      ]),
    ).toString('base64')
    expect(await importFile('m-0018', 'br-lixia-zjs', 'a.csv', noPhone)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      explanation: expect.stringContaining('没有找到“手机号”列'),
    })
    const noName = await xlsx([
      ['名字', '手机号'],
      ['郭春梅', '13900000037'],
    ])
    expect(await importFile('m-0018', 'br-lixia-zjs', 'a.xlsx', noName)).toMatchObject({
      code: 'INVALID_INPUT',
      explanation: expect.stringContaining('没有找到“姓名”列'),
    })
    const notExcel = Buffer.from('this is not a spreadsheet').toString('base64')
    expect(await importFile('m-0018', 'br-lixia-zjs', 'a.xlsx', notExcel)).toMatchObject({
      code: 'INVALID_INPUT',
      explanation: expect.stringContaining('打不开'),
    })
    expect(await importFile('m-0018', 'br-lixia-zjs', 'a.xls', notExcel)).toMatchObject({ code: 'INVALID_INPUT' })
    expect(everything()).toEqual(before)
  })
})

describe('who may import', () => {
  const file = () =>
    Buffer.from(
      csvText([
        ['姓名', '手机号'],
        ['郭春梅', '13900000037'],
      ]),
    ).toString('base64')

  it.each([
    ['a committee member of the branch', 'm-0019'],
    ['a plain member of the branch', 'm-0020'],
    ['the secretary of another branch', 'm-0008'],
    ['an administrator of another district', 'm-0104'],
  ])('refuses %s: FORBIDDEN, nothing written', async (_who, by) => {
    const before = everything()
    expect(await importFile(by, 'br-lixia-zjs', 'a.csv', file())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(everything()).toEqual(before)
  })

  it('refuses an unknown branch, and lets an administrator above the branch import', async () => {
    expect(await importFile('m-0017', 'br-nowhere', 'a.csv', file())).toMatchObject({ code: 'NOT_FOUND' })
    const report = await imported('m-0017', 'br-lixia-zjs', 'a.csv', file())
    expect(report).toMatchObject({ applied: true, created: 1, rows: [{ name: '郭春梅', result: 'created' }] })
  })
})

describe('the file travels phone → storage → file id', () => {
  const rows = (n: number) =>
    csvText([['姓名', '手机号'], ...Array.from({ length: n }, (_, i) => [`党员${i}`, String(13900000000 + i)])])

  it('refuses a 3 MB roster by its size before parsing a byte of it, quickly, writing nothing', async () => {
    const big = Buffer.from(rows(140_000))
    expect(big.length).toBeGreaterThan(3 * 1024 * 1024)
    const parse = jest.spyOn(rosterFile, 'readRosterFile')
    const before = everything()
    const fileId = await upload('big.csv', big)
    const started = Date.now()
    const res = await call(as('m-0018'), 'importRoster', { branchId: 'br-lixia-zjs', fileId })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', explanation: expect.stringMatching(/超过2MB/) })
    expect(Date.now() - started).toBeLessThan(2000) // tens of ms: a download URL and the headers (6.7 s parsing before)
    expect(parse).not.toHaveBeenCalled()
    parse.mockRestore()
    expect(everything()).toEqual(before)
  })

  it('stops reading a long workbook past the row limit instead of parsing all of it', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('名册')
    sheet.addRow(['姓名', '手机号', '职务'])
    for (let i = 0; i < 3000; i++) sheet.addRow([`党员${i}`, String(13900000000 + i), '党员'])
    const bytes = Buffer.from(await book.xlsx.writeBuffer())
    const parse = jest.spyOn(rosterFile, 'readRosterFile')
    const res = await importFile('m-0018', 'br-lixia-zjs', 'long.xlsx', bytes.toString('base64'))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', explanation: expect.stringMatching(/超过了1000行/) })
    const rowsRead = (await parse.mock.results[0].value) as unknown[]
    expect(rowsRead.length).toBeLessThanOrEqual(1010)
    parse.mockRestore()
  })

  it('refuses a small workbook that would unzip to more than 16 MB, before inflating it', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('名册')
    sheet.addRow(['姓名', '手机号', '职务'])
    // The same long text in every cell zips a thousandfold: a couple of hundred KB that unzip to 20+ MB.
    const filler = '党'.repeat(4000)
    for (let i = 0; i < 2000; i++) sheet.addRow([`党员${i}`, String(13900000000 + i), `${filler}${i}`])
    const bytes = Buffer.from(await book.xlsx.writeBuffer())
    expect(bytes.length).toBeLessThan(2 * 2 ** 20)
    expect(rosterFile.unzippedSize(bytes)).toBeGreaterThan(rosterFile.MAX_UNZIPPED_BYTES)
    const before = everything()
    const res = await importFile('m-0018', 'br-lixia-zjs', 'bomb.xlsx', bytes.toString('base64'))
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      explanation: expect.stringMatching(/解压后超过16MB/),
    })
    expect(everything()).toEqual(before)
  })

  it('refuses file bytes in the payload (the old base64 shape, or beside a file id), writing nothing', async () => {
    const before = everything()
    const contentBase64 = Buffer.from(rows(1)).toString('base64')
    const fileId = await upload('名册.csv', Buffer.from(rows(1)))
    for (const payload of [
      { branchId: 'br-lixia-zjs', fileName: '名册.csv', contentBase64 },
      { branchId: 'br-lixia-zjs', fileId, contentBase64 },
    ]) {
      expect(await call(as('m-0018'), 'importRoster', payload)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    expect(everything()).toEqual(before)
  })

  it('takes only a roster upload’s id: not a cover, an export or a file of a chosen name', async () => {
    const hex = randomBytes(16).toString('hex')
    for (const path of [`covers/${hex}.png`, `exports/${hex}/名单.xlsx`, 'rosters/名册.csv']) {
      const fileId = (await cloud.app.uploadFile({ cloudPath: path, fileContent: Buffer.from(rows(1)) })).fileID
      expect(await call(as('m-0018'), 'importRoster', { branchId: 'br-lixia-zjs', fileId })).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
      })
    }
  })

  it('deletes the file once read (it holds names and phones), and says so when a file is gone', async () => {
    const fileId = await upload('名册.csv', Buffer.from(rows(1)))
    await call(as('m-0018'), 'importRoster', { branchId: 'br-lixia-zjs', fileId })
    expect((await cloud.app.getTempFileURL({ fileList: [fileId] })).fileList[0].code).toBe('STORAGE_FILE_NONEXIST')
    expect(await call(as('m-0018'), 'importRoster', { branchId: 'br-lixia-zjs', fileId })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      explanation: '文件没有找到，请重新选择后再试',
    })
  })
})
