/**
 * The org function's tree actions on the demo city, in-process through the real SDK and the emulator: reading
 * the tree (children, find) by role and node; importing from Excel (all or nothing, a row report) and exporting
 * (imported again: all unchanged); adding, renaming and closing, and refusals that write nothing.
 */
import { randomBytes } from 'crypto'
import { main as lecture } from '../../cloudfunctions/lecture/main'
import { main as memberMain } from '../../cloudfunctions/member/main'
import { main } from '../../cloudfunctions/org/main'
import { treeWorkbook } from '../../cloudfunctions/org/exportTree'
import type { OrgChildren, OrgNodeView, TreeImportReport } from '../../src/shared/contract'
import { uploadPath } from '../../src/shared/files'
import type { AuditDoc, LectureDoc, OrgDoc } from '../../src/shared/model'
import { lectureToSave } from '../support/lectures'
import { caller } from '../support/caller'
import { callsOf, seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

const now = new Date()
let cloud: TestCloud
const seed = seededCloudForFile(now, (c) => (cloud = c))
const { call, ok } = caller(main)

const adminOf = (orgId: string) => `demo-${seed.members.find((m) => m.adminOrgId === orgId)!._id}`
const CITY_ADMIN = adminOf('org-jinan')
const LIXIA_ADMIN = adminOf('org-lixia')
const STREET_ADMIN = adminOf('org-lixia-jiefanglu')
const secretary = seed.members.find((m) => m.branchId === 'br-lixia-ssdl-1' && m.roles.includes('secretary'))!
const SECRETARY = `demo-${secretary._id}`
const PLAIN = `demo-${seed.members.find((m) => m.roles.length === 1 && seed.bindings.some((b) => b.memberId === m._id))!._id}`

describe('org.children', () => {
  it('gives an administrator their own node first, its children in tree order with their counts', async () => {
    const r = await ok<OrgChildren>('children', {}, LIXIA_ADMIN)
    expect(r.node).toMatchObject({ id: 'org-lixia', kind: 'district', parentId: 'org-jinan', closed: false })
    expect(r.node.children).toBe(r.children.length)
    expect(r.ancestors).toEqual([])
    const street = r.children.find((c) => c.id === 'org-lixia-jiefanglu')!
    const under = seed.orgs.filter((o) => o.parentId === 'org-lixia-jiefanglu').length
    expect(street).toMatchObject({ kind: 'street', children: under, path: ['org-jinan', 'org-lixia'] })
    const kinds = r.children.map((c) => c.kind)
    expect(kinds).toEqual([...kinds].sort((a, b) => (a === b ? 0 : a === 'branch' ? 1 : b === 'branch' ? -1 : 0)))
  })

  it('gives the way back only from the caller’s own node down', async () => {
    const deep = await ok<OrgChildren>('children', { parentId: 'org-lixia-ssdl' }, LIXIA_ADMIN)
    expect(deep.ancestors.map((a) => a.name)).toEqual(['历下区', '解放路街道'])
    const city = await ok<OrgChildren>('children', { parentId: 'org-lixia-ssdl' }, CITY_ADMIN)
    expect(city.ancestors.map((a) => a.id)).toEqual(['org-jinan', 'org-lixia', 'org-lixia-jiefanglu'])
  })

  it('lets a secretary read their branch only, and refuses the rest', async () => {
    const r = await ok<OrgChildren>('children', {}, SECRETARY)
    expect(r).toMatchObject({ node: { id: 'br-lixia-ssdl-1', kind: 'branch', children: 0 }, children: [] })
    expect(await call('children', { parentId: 'org-lixia-ssdl' }, SECRETARY)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('children', { parentId: 'org-lixia' }, STREET_ADMIN)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('children', { parentId: 'org-jinan' }, LIXIA_ADMIN)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('children', {}, PLAIN)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('children', {}, 'wx-nobody')).toMatchObject({ code: 'NOT_A_MEMBER' })
    expect(await call('children', { parentId: 'org-none' }, CITY_ADMIN)).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('org.find', () => {
  it('finds nodes of the caller’s subtree by part of the name, of a kind if asked', async () => {
    const { nodes } = await ok<{ nodes: OrgNodeView[] }>('find', { q: '山师东路' }, STREET_ADMIN)
    expect(nodes.length).toBeGreaterThan(1)
    expect(nodes.every((n) => n.name.includes('山师东路') && n.path.includes('org-lixia-jiefanglu'))).toBe(true)
    const branches = await ok<{ nodes: OrgNodeView[] }>('find', { q: '山师东路', kind: 'branch' }, STREET_ADMIN)
    expect(branches.nodes.every((n) => n.kind === 'branch')).toBe(true)
    expect(branches.nodes.length).toBeLessThan(nodes.length)
    const own = await ok<{ nodes: OrgNodeView[] }>('find', { q: '解放路' }, STREET_ADMIN)
    expect(own.nodes.map((n) => n.id)).toContain('org-lixia-jiefanglu')
  })

  it('finds nothing outside the subtree, at most 20, and takes the typed text literally', async () => {
    const outside = await ok<{ nodes: OrgNodeView[] }>('find', { q: '历城' }, LIXIA_ADMIN)
    expect(outside.nodes).toEqual([])
    const many = await ok<{ nodes: OrgNodeView[] }>('find', { q: '支部' }, CITY_ADMIN)
    expect(many.nodes).toHaveLength(20)
    expect((await ok<{ nodes: OrgNodeView[] }>('find', { q: '.*' }, CITY_ADMIN)).nodes).toEqual([])
    const mine = await ok<{ nodes: OrgNodeView[] }>('find', { q: '党支部' }, SECRETARY)
    expect(mine.nodes.map((n) => n.id)).toEqual(['br-lixia-ssdl-1'])
    expect(await call('find', { q: '支部' }, PLAIN)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('find', { q: ' ' }, CITY_ADMIN)).toMatchObject({ code: 'INVALID_INPUT' })
  })
})

describe('what reading the tree costs', () => {
  it('children: 5 database calls; find: 3', async () => {
    expect(await callsOf(cloud, () => ok('children', { parentId: 'org-lixia-jiefanglu' }, LIXIA_ADMIN))).toBe(5)
    expect(await callsOf(cloud, () => ok('find', { q: '社区' }, LIXIA_ADMIN))).toBe(3)
  })
})

const stored = <T>(coll: string, query: Record<string, unknown> = {}) =>
  cloud.emulator.store.scan(coll, query).map((r) => r.doc as unknown as T)
const storedOrg = (id: string) => stored<OrgDoc>('orgs', { _id: id })[0]
/** What a refusal must leave as it was. */
const snapshot = () => ({ orgs: stored<OrgDoc>('orgs'), audit: stored<AuditDoc>('audit').length })

/** The page's way: the file into storage under orgtrees/, then its id to the function. */
async function upload(bytes: Buffer): Promise<string> {
  const cloudPath = uploadPath('orgTree', '组织架构.xlsx', randomBytes(16))!
  return (await cloud.app.uploadFile({ cloudPath, fileContent: bytes })).fileID
}
const importRows = async (by: string, rootId: string, rows: string[][]) =>
  call('importTree', { rootId, fileId: await upload(await treeWorkbook(rows, now)) }, by)

describe('org.importTree', () => {
  const rows = [
    ['测试路街道', '街道', '历下区', 'T-1'],
    ['测试路社区党委', '社区党委', 'T-1', 'T-2'],
    ['测试路社区第一党支部', '党支部', '测试路社区党委', ''],
    ['测试路社区第二党支部', '党支部', 'T-2', ''],
  ]

  it('writes nothing when a row is wrong, and reports every row', async () => {
    const before = snapshot()
    const bad = [...rows, ['错误支部', '支部', '没有这个上级', '']]
    const reply = await importRows(LIXIA_ADMIN, 'org-lixia', bad)
    expect(reply).toMatchObject({ ok: true, data: { applied: false, created: 0 } })
    const report = (reply as { data: TreeImportReport }).data
    expect(report.rows.map((r) => [r.row, r.result])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'created'],
      [5, 'created'],
      [6, 'error'],
    ])
    expect(report.rows[4].errors[0]).toMatch(/没有找到上级“没有这个上级”/)
    expect(snapshot()).toEqual(before)
  })

  it('creates the rows under the administrator’s node, parents first, and deletes the file', async () => {
    const fileId = await upload(await treeWorkbook(rows, now))
    const report = await ok<TreeImportReport>('importTree', { rootId: 'org-lixia', fileId }, LIXIA_ADMIN)
    expect(report).toMatchObject({ applied: true, created: 4, unchanged: 0 })
    const street = stored<OrgDoc>('orgs', { code: 'T-1' })[0]
    const committee = stored<OrgDoc>('orgs', { code: 'T-2' })[0]
    expect(street).toMatchObject({ kind: 'street', parentId: 'org-lixia', path: ['org-jinan', 'org-lixia'] })
    expect(committee).toMatchObject({ parentId: street._id, path: [...street.path, street._id] })
    expect(street._id).toMatch(/^org-[0-9a-f]{16}$/)
    expect(
      stored<OrgDoc>('orgs', { parentId: committee._id })
        .map((o) => o.name)
        .sort(),
    ).toEqual(['测试路社区第一党支部', '测试路社区第二党支部'])
    expect(stored<AuditDoc>('audit', { action: 'orgImport' })).toEqual([
      expect.objectContaining({ orgId: 'org-lixia', detail: '在“历下区”下导入4个组织' }),
    ])
    const { fileList } = await cloud.app.getTempFileURL({ fileList: [fileId] })
    expect(fileList[0].code).toBe('STORAGE_FILE_NONEXIST')
    // The same file again: everything is there already.
    const again = await ok<TreeImportReport>(
      'importTree',
      { rootId: 'org-lixia', fileId: await upload(await treeWorkbook(rows, now)) },
      LIXIA_ADMIN,
    )
    expect(again).toMatchObject({ applied: true, created: 0, unchanged: 4, rows: [] })
  })

  it('refuses callers who do not administer the node, writing nothing', async () => {
    const before = snapshot()
    const other = [['别的街道', '街道', '历下区', '']]
    for (const who of [STREET_ADMIN, SECRETARY, PLAIN]) {
      expect(await importRows(who, 'org-lixia', other)).toMatchObject({ code: 'FORBIDDEN' })
    }
    expect(await importRows(LIXIA_ADMIN, 'org-jinan', other)).toMatchObject({ code: 'FORBIDDEN' })
    expect(snapshot()).toEqual(before)
  })
})

describe('org.exportTree', () => {
  it('exports the city in the import’s format, which imports again as all unchanged', async () => {
    const { url, fileName } = await ok<{ url: string; fileName: string }>(
      'exportTree',
      { rootId: 'org-jinan' },
      CITY_ADMIN,
    )
    expect(fileName).toBe('济南市组织架构.xlsx')
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer())
    const before = snapshot()
    const report = await ok<TreeImportReport>(
      'importTree',
      { rootId: 'org-jinan', fileId: await upload(bytes) },
      CITY_ADMIN,
    )
    expect(report).toMatchObject({ applied: true, created: 0, rows: [] })
    expect(report.unchanged).toBe(before.orgs.length - 1)
    expect(snapshot()).toEqual(before)
  })

  it('lets a secretary export their branch, and refuses an administrator elsewhere', async () => {
    expect(await call('exportTree', { rootId: 'br-lixia-ssdl-1' }, SECRETARY)).toMatchObject({ ok: true })
    expect(await call('exportTree', { rootId: 'org-lixia' }, SECRETARY)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('exportTree', { rootId: 'org-jinan' }, LIXIA_ADMIN)).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('org.add and org.rename', () => {
  it('adds a node where its kind may sit, and refuses the rest with nothing written', async () => {
    const added = await ok<OrgNodeView>(
      'add',
      { parentId: 'org-lixia-jiefanglu', name: '新建党支部', kind: 'branch', code: 'N-1' },
      STREET_ADMIN,
    )
    expect(added).toMatchObject({
      name: '新建党支部',
      parentId: 'org-lixia-jiefanglu',
      path: ['org-jinan', 'org-lixia', 'org-lixia-jiefanglu'],
      children: 0,
      closed: false,
    })
    expect(storedOrg(added.id)).toMatchObject({ code: 'N-1', kind: 'branch' })
    const before = snapshot()
    const refusals = [
      [{ parentId: 'org-lixia-jiefanglu', name: '新建党支部', kind: 'branch' }, STREET_ADMIN, 'INVALID_STATE'],
      [{ parentId: 'org-lixia-jiefanglu', name: '另一个', kind: 'branch', code: 'N-1' }, STREET_ADMIN, 'INVALID_STATE'],
      [{ parentId: 'org-lixia-jiefanglu', name: '新区', kind: 'district' }, STREET_ADMIN, 'INVALID_INPUT'],
      [{ parentId: 'org-lixia', name: '新街道', kind: 'street' }, STREET_ADMIN, 'FORBIDDEN'],
      [{ parentId: 'br-lixia-ssdl-1', name: '小组', kind: 'branch' }, SECRETARY, 'FORBIDDEN'],
      [{ parentId: 'org-jinan', name: '新市', kind: 'city' }, CITY_ADMIN, 'INVALID_INPUT'],
    ] as const
    for (const [payload, who, code] of refusals) expect(await call('add', payload, who)).toMatchObject({ code })
    expect(snapshot()).toEqual(before)
  })

  it('renames a node and the host name of its lectures not yet held, not of those held', async () => {
    const coming = {
      ...seed.lectures[0],
      _id: 'rn-coming',
      hostOrgId: 'br-lixia-ssdl-1',
      status: 'published',
      startAt: new Date(now.getTime() + 86400_000),
    }
    const held = { ...coming, _id: 'rn-held', status: 'finished', startAt: new Date(now.getTime() - 86400_000) }
    await cloud.db.collection('lectures').add([coming, held])
    const view = await ok<OrgNodeView>(
      'rename',
      { id: 'br-lixia-ssdl-1', name: '山师东路社区第一党支部（新）' },
      STREET_ADMIN,
    )
    expect(view.name).toBe('山师东路社区第一党支部（新）')
    const names = (id: string) => stored<LectureDoc>('lectures', { _id: id })[0].hostOrgName
    expect(names('rn-coming')).toBe('山师东路社区第一党支部（新）')
    expect(names('rn-held')).toBe(coming.hostOrgName)
    expect(stored<AuditDoc>('audit', { action: 'orgRename' })).toHaveLength(1)
    expect(await call('rename', { id: 'br-lixia-ssdl-1', name: '改名' }, SECRETARY)).toMatchObject({
      code: 'FORBIDDEN',
    })
  })
})

describe('org.close', () => {
  const inDays = (d: number) => new Date(now.getTime() + d * 86400_000).toISOString()
  const saveAt = (hostOrgId: string, who: string) =>
    caller(lecture).call(
      'save',
      { lecture: lectureToSave({ hostOrgId, startAt: inDays(3), endAt: inDays(3.05), signupDeadline: inDays(2) }) },
      who,
    )

  it('refuses while active members remain below, or lectures below are still to be held', async () => {
    const before = snapshot()
    const members = await call('close', { id: 'org-lixia-jiefanglu' }, LIXIA_ADMIN)
    expect(members).toMatchObject({ code: 'INVALID_STATE', explanation: expect.stringMatching(/下面还有\d+名党员/) })
    const empty = await ok<OrgNodeView>(
      'add',
      { parentId: 'org-lixia-jiefanglu', name: '待撤党支部', kind: 'branch' },
      STREET_ADMIN,
    )
    await cloud.db.collection('lectures').add({
      ...seed.lectures[0],
      _id: 'cl-coming',
      hostOrgId: empty.id,
      hostPath: empty.path,
      status: 'published',
      endAt: new Date(now.getTime() + 86400_000),
    })
    const lectures = await call('close', { id: empty.id }, STREET_ADMIN)
    expect(lectures).toMatchObject({
      code: 'INVALID_STATE',
      explanation: '下面还有1场党课还没有举行，请先取消或等举行后再撤销',
    })
    expect(await call('close', { id: 'org-jinan' }, CITY_ADMIN)).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await call('close', { id: empty.id }, SECRETARY)).toMatchObject({ code: 'FORBIDDEN' })
    expect(snapshot().orgs).toEqual([...before.orgs, storedOrg(empty.id)])

    await cloud.db.collection('lectures').doc('cl-coming').update({ status: 'cancelled' })
    expect(await ok('close', { id: empty.id }, STREET_ADMIN)).toEqual({ closed: 1 })
    expect(storedOrg(empty.id).closedAt).toBeInstanceOf(Date)
    expect(await call('close', { id: empty.id }, STREET_ADMIN)).toMatchObject({ code: 'NODE_CLOSED' })
    expect(await call('add', { parentId: empty.id, name: '下级', kind: 'branch' }, STREET_ADMIN)).toMatchObject({
      code: 'NODE_CLOSED',
    })
    expect(await saveAt(empty.id, STREET_ADMIN)).toMatchObject({ code: 'NODE_CLOSED' })
    expect(await saveAt('br-lixia-ssdl-lt', STREET_ADMIN)).toMatchObject({ ok: true })
    // Nobody joins a closed branch: no roster import, no binding (a member put there by hand cannot bind).
    const roster = await upload(await treeWorkbook([], now))
    const member = caller(memberMain)
    expect(
      await member.call(
        'importRoster',
        { branchId: empty.id, fileId: roster.replace('orgtrees/', 'rosters/') },
        STREET_ADMIN,
      ),
    ).toMatchObject({ code: 'NODE_CLOSED' })
    await cloud.db.collection('members').add({
      _id: 'cl-m',
      name: '关闭测试',
      phone: '19900000001',
      branchId: empty.id,
      roles: ['member'],
      inviteCode: 'CLZZ22',
    })
    expect(await member.call('bind', { method: 'invite', code: 'CLZZ22' }, 'wx-closed-1')).toMatchObject({
      code: 'NODE_CLOSED',
    })
    expect(stored('bindings', { _id: 'wx-closed-1' })).toEqual([])
  })

  it('closes a node and every node below it', async () => {
    const street = stored<OrgDoc>('orgs', { code: 'T-1' })[0]
    const below = stored<OrgDoc>('orgs', { path: street._id })
    expect(await ok('close', { id: street._id }, LIXIA_ADMIN)).toEqual({ closed: below.length + 1 })
    for (const o of [street, ...below]) expect(storedOrg(o._id).closedAt).toBeInstanceOf(Date)
    const view = await ok<OrgChildren>('children', { parentId: street._id }, LIXIA_ADMIN)
    expect([view.node, ...view.children].every((n) => n.closed)).toBe(true)
    expect(stored<AuditDoc>('audit', { action: 'orgClose', orgId: street._id })[0].detail).toBe(
      '撤销街道（镇）“测试路街道”及其下3个组织',
    )
  })
})

describe('the rights matrix: role × node', () => {
  const NODES = ['br-lixia-ssdl-1', 'org-lixia-jiefanglu', 'org-lixia', 'org-jiyang', 'org-jinan']
  /** Per caller, which NODES they may read (children, exportTree) and edit (rename; add, move, close, import alike). */
  const MATRIX: [string, string, string, string][] = [
    ['city admin', CITY_ADMIN, 'RRRRR', 'EEEEE'],
    ['district admin', LIXIA_ADMIN, 'RRR--', 'EEE--'],
    ['street admin', STREET_ADMIN, 'RR---', 'EE---'],
    ['secretary', SECRETARY, 'R----', '-----'],
    ['plain member', PLAIN, '-----', '-----'],
  ]

  it.each(MATRIX)('%s', async (_, who, reads, edits) => {
    for (const [i, id] of NODES.entries()) {
      const read = await call('children', { parentId: id }, who)
      expect([id, read.ok]).toEqual([id, reads[i] === 'R'])
      if (!read.ok) expect(read.code).toBe('FORBIDDEN')
      const before = snapshot()
      const { name } = storedOrg(id)
      const renamed = await call('rename', { id, name: `${name}甲` }, who)
      expect([id, renamed.ok]).toEqual([id, edits[i] === 'E'])
      if (renamed.ok) await ok('rename', { id, name }, who)
      else {
        expect(renamed.code).toBe('FORBIDDEN')
        expect(snapshot()).toEqual(before)
      }
    }
  })
})

describe('org.children of a node with more than a thousand', () => {
  it('gives every child of a district with 1,300 branches directly under it', async () => {
    const district: OrgDoc = {
      _id: 'big-district',
      name: '大区',
      kind: 'district',
      parentId: 'org-jinan',
      path: ['org-jinan'],
    }
    const branches: OrgDoc[] = Array.from({ length: 1300 }, (_, i) => ({
      _id: `big-br-${String(i).padStart(4, '0')}`,
      name: `大区第${i + 1}党支部`,
      kind: 'branch',
      parentId: district._id,
      path: [...district.path, district._id],
    }))
    await cloud.db.collection('orgs').add(district)
    for (let i = 0; i < branches.length; i += 100) await cloud.db.collection('orgs').add(branches.slice(i, i + 100))
    const r = await ok<OrgChildren>('children', { parentId: district._id }, CITY_ADMIN)
    expect(r.node.children).toBe(1300)
    expect(new Set(r.children.map((c) => c.id)).size).toBe(1300)
  })
})
