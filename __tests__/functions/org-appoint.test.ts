/**
 * The org function's appointments through the SDK and the emulator: who may appoint, dismiss and invite where,
 * that every refusal writes nothing, that a change takes effect on the appointee's next call, that an invited
 * outsider binds with the code and administers, that the city keeps its last administrator even when two
 * dismiss each other at once, a branch member's 职务, and the audit's pages.
 */
import { main as memberMain } from '../../cloudfunctions/member/main'
import { main } from '../../cloudfunctions/org/main'
import type { AppointmentView, AuditView, Me, MemberHit } from '../../src/shared/contract'
import type { AuditDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import { caller } from '../support/caller'
import { callsOf, seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { as } from './member.fixtures'

let cloud: TestCloud
seededCloudForFile(new Date(), (started) => (cloud = started))
const org = caller(main)
const member = caller(memberMain)

// 历下区 (org-lixia) > 千佛山街道 (org-lixia-qianfoshan) > 千佛山社区党支部 (br-lixia-qfs): secretary m-0008,
// members m-0009, m-0011..m-0013 (bound), m-0010 (not bound). m-0017 administers 历下区, m-0004 解放路街道
// (also in 历下区), m-0104 济阳区; m-0186 is the city's one administrator; m-0195..7 judge for the city.
const DISTRICT = 'org-lixia'
const STREET = 'org-lixia-qianfoshan'
const BRANCH = 'br-lixia-qfs'
const CITY_ADMIN = 'm-0186'

const doc = <T>(coll: string, id: string) => cloud.emulator.store.scan(coll, { _id: id })[0]?.doc as T | undefined
const memberDoc = (id: string) => doc<MemberDoc>('members', id)!
const bindingOf = (memberId: string) => cloud.emulator.store.scan('bindings', { memberId })[0]?.doc
const adminsAt = (orgId: string) => doc<OrgDoc>('orgs', orgId)!.admins
const auditOf = (memberId: string) =>
  cloud.emulator.store.scan('audit', { memberId }).map((r) => r.doc as unknown as AuditDoc)
/** Everything an appointment may write: a refusal must leave it as it was. */
const written = () =>
  JSON.stringify(['members', 'bindings', 'orgs', 'audit'].map((c) => cloud.emulator.store.scan(c, {})))
const me = async (memberId: string) => (await member.ok<Me>('me', {}, as(memberId))).member!
const manages = async (memberId: string) => (await me(memberId)).manages.map((n) => n.id).sort()

async function expectRefusedWritingNothing(reply: Promise<unknown>, code: string) {
  const before = written()
  expect(await reply).toMatchObject({ ok: false, code })
  expect(written()).toBe(before)
}

describe('appointments', () => {
  it('lists the administrators and judges at a node and below, phones masked, who has bound, in 5 calls', async () => {
    let list: { node: { id: string }; appointments: AppointmentView[] } | undefined
    const calls = await callsOf(cloud, async () => {
      list = await org.ok('appointments', { orgId: DISTRICT }, as('m-0017'))
    })
    expect(calls).toBe(5)
    expect(list!.node).toEqual({ id: DISTRICT, name: '历下区', kind: 'district' })
    expect(list!.appointments).toEqual([
      {
        memberId: 'm-0017',
        name: '刘文刚',
        phone: '182****5739',
        orgId: DISTRICT,
        orgName: '历下区',
        orgKind: 'district',
        role: 'admin',
        outsider: false,
        bound: true,
      },
      expect.objectContaining({ memberId: 'm-0004', orgId: 'org-lixia-jiefanglu', role: 'admin' }),
    ])
    const city = await org.ok<{ appointments: AppointmentView[] }>(
      'appointments',
      { orgId: 'org-jinan' },
      as(CITY_ADMIN),
    )
    expect(city.appointments.slice(0, 4).map((a) => [a.memberId, a.role])).toEqual([
      [CITY_ADMIN, 'admin'],
      ['m-0195', 'judge'],
      ['m-0196', 'judge'],
      ['m-0197', 'judge'],
    ])
    expect(city.appointments.filter((a) => a.role === 'admin')).toHaveLength(7)
  })

  it('is refused above the caller’s node, to other districts, to members and to strangers', async () => {
    expect(await org.call('appointments', { orgId: DISTRICT }, as('m-0004'))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await org.call('appointments', { orgId: DISTRICT }, as('m-0104'))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await org.call('appointments', { orgId: STREET }, as('m-0008'))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await org.call('appointments', { orgId: DISTRICT }, 'wx-stranger')).toMatchObject({ code: 'NOT_A_MEMBER' })
    expect(await org.call('appointments', { orgId: 'org-nowhere' }, as('m-0017'))).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('searchMembers', () => {
  const search = (q: string, by = 'm-0017') => org.ok<{ members: MemberHit[] }>('searchMembers', { q }, as(by))
  const ids = async (q: string, by?: string) => (await search(q, by)).members.map((m) => m.id)

  it('finds the subtree’s members by part of a name, a whole phone or its last four digits, with their branch', async () => {
    const { members } = await search('秀鹏')
    expect(members).toEqual([
      {
        id: 'm-0009',
        name: '刘秀鹏',
        phone: '180****1875',
        branchId: BRANCH,
        branchName: '千佛山社区党支部',
        roles: ['member'],
        outsider: false,
      },
    ])
    expect(await ids('18043311875')).toEqual(['m-0009'])
    expect(await ids('1875')).toContain('m-0009')
    expect((await search('刘文刚')).members[0]).toMatchObject({ id: 'm-0017', adminOrgId: DISTRICT })
  })

  it('finds nobody outside the caller’s subtree; the city’s administrators find everyone', async () => {
    expect(await ids('李淑娟')).toEqual([]) // m-0104, 济阳区
    expect(await ids('李淑娟', CITY_ADMIN)).toEqual(['m-0104'])
    expect(await ids('刘秀鹏', 'm-0104')).toEqual([])
  })

  it('leaves inactive members out, answers at most 20, and is for administrators only', async () => {
    await cloud.db.collection('members').doc('m-0013').update({ status: 'inactive' })
    expect(await ids('王德勇')).toEqual([])
    await cloud.db.collection('members').doc('m-0013').update({ status: cloud.db.command.remove() })
    const many = Array.from({ length: 25 }, (_, i) => ({
      _id: `m-many-${i}`,
      name: `同名${String(i).padStart(2, '0')}`,
      phone: `1370000${String(i).padStart(4, '0')}`,
      branchId: BRANCH,
      roles: ['member'],
      inviteCode: `MANY${'ABCDEFGHJKLMNPQRSTUVWXYZ'[i]}2`,
    }))
    await cloud.db.collection('members').add(many)
    expect(await ids('同名')).toEqual(many.slice(0, 20).map((m) => m._id))
    await cloud.db
      .collection('members')
      .where({ name: cloud.db.RegExp({ regexp: '^同名' }) })
      .remove()
    expect(await org.call('searchMembers', { q: '刘' }, as('m-0008'))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await org.call('searchMembers', { q: '123' }, as('m-0017'))).toMatchObject({ code: 'INVALID_INPUT' })
  })
})

describe('appoint and dismiss', () => {
  it('appoints a member of the subtree as a street’s administrator, effective on their next call, audited', async () => {
    expect(await manages('m-0009')).toEqual([])
    expect(await member.call('roster', { branchId: 'br-lixia-qfs-jg' }, as('m-0009'))).toMatchObject({
      code: 'FORBIDDEN',
    })
    const view = await org.ok<AppointmentView>(
      'appoint',
      { memberId: 'm-0009', orgId: STREET, role: 'admin' },
      as('m-0017'),
    )
    expect(view).toMatchObject({ memberId: 'm-0009', orgId: STREET, orgName: '千佛山街道', bound: true })
    expect(memberDoc('m-0009')).toMatchObject({ roles: ['member', 'admin'], adminOrgId: STREET })
    expect(bindingOf('m-0009')).toMatchObject({ roles: ['member', 'admin'], adminOrgId: STREET })
    expect(adminsAt(STREET)).toBe(1)
    expect(await manages('m-0009')).toEqual([BRANCH, 'br-lixia-qfs-jg', STREET])
    expect(await member.call('roster', { branchId: 'br-lixia-qfs-jg' }, as('m-0009'))).toMatchObject({ ok: true })
    expect(auditOf('m-0009')).toEqual([
      expect.objectContaining({
        action: 'appoint',
        by: 'm-0017',
        byName: '刘文刚',
        orgId: STREET,
        orgPath: ['org-jinan', DISTRICT, STREET],
        detail: '任命 刘秀鹏 为 千佛山街道 管理员',
      }),
    ])
  })

  it('answers the same appointment made again without writing anything', async () => {
    const before = written()
    expect(await org.call('appoint', { memberId: 'm-0009', orgId: STREET, role: 'admin' }, as('m-0017'))).toMatchObject(
      { ok: true, data: { orgId: STREET } },
    )
    expect(written()).toBe(before)
  })

  it('refuses someone who administers another node, naming it, and writes nothing', async () => {
    const reply = org.call('appoint', { memberId: 'm-0009', orgId: 'org-lixia-baotuquan', role: 'admin' }, as('m-0017'))
    await expectRefusedWritingNothing(reply, 'INVALID_STATE')
    expect(await reply).toMatchObject({ explanation: expect.stringContaining('刘秀鹏已是千佛山街道的管理员') })
  })

  it.each([
    ['above the caller’s own node', 'm-0004', { memberId: 'm-0001', orgId: DISTRICT, role: 'admin' }, 'FORBIDDEN'],
    [
      'at a node of another district',
      'm-0017',
      { memberId: 'm-0011', orgId: 'org-jiyang', role: 'judge' },
      'FORBIDDEN',
    ],
    ['a member of another district', 'm-0017', { memberId: 'm-0102', orgId: STREET, role: 'judge' }, 'FORBIDDEN'],
    ['at a branch', 'm-0017', { memberId: 'm-0011', orgId: BRANCH, role: 'admin' }, 'INVALID_INPUT'],
    ['by a secretary', 'm-0008', { memberId: 'm-0011', orgId: STREET, role: 'judge' }, 'FORBIDDEN'],
    ['an unknown member', 'm-0017', { memberId: 'm-9999', orgId: STREET, role: 'judge' }, 'NOT_FOUND'],
  ])('refuses an appointment %s and writes nothing', async (_what, by, payload, code) => {
    await expectRefusedWritingNothing(org.call('appoint', payload, as(by)), code)
  })

  it('refuses an inactive member and a closed node, writing nothing', async () => {
    await cloud.db.collection('members').doc('m-0013').update({ status: 'inactive' })
    const inactive = org.call('appoint', { memberId: 'm-0013', orgId: STREET, role: 'judge' }, as('m-0017'))
    await expectRefusedWritingNothing(inactive, 'MEMBER_INACTIVE')
    await cloud.db.collection('members').doc('m-0013').update({ status: cloud.db.command.remove() })
    await cloud.db.collection('orgs').doc('org-lixia-baotuquan').update({ closedAt: new Date() })
    const closed = org.call(
      'appoint',
      { memberId: 'm-0013', orgId: 'org-lixia-baotuquan', role: 'judge' },
      as('m-0017'),
    )
    await expectRefusedWritingNothing(closed, 'NODE_CLOSED')
    await cloud.db.collection('orgs').doc('org-lixia-baotuquan').update({ closedAt: cloud.db.command.remove() })
  })

  it('appoints a judge beside an administrator (one node each) and lists both', async () => {
    await org.ok('appoint', { memberId: 'm-0009', orgId: DISTRICT, role: 'judge' }, as('m-0017'))
    expect(memberDoc('m-0009')).toMatchObject({ roles: ['member', 'admin', 'judge'], judgeOrgId: DISTRICT })
    expect((await me('m-0009')).roles).toEqual(['member', 'admin', 'judge'])
    const list = await org.ok<{ appointments: AppointmentView[] }>('appointments', { orgId: DISTRICT }, as('m-0017'))
    expect(list.appointments.filter((a) => a.memberId === 'm-0009').map((a) => [a.role, a.orgId])).toEqual([
      ['judge', DISTRICT],
      ['admin', STREET],
    ])
  })

  it('refuses a dismissal by someone who does not administer the node, writing nothing', async () => {
    await expectRefusedWritingNothing(
      org.call('dismiss', { memberId: 'm-0017', role: 'admin' }, as('m-0004')),
      'FORBIDDEN',
    )
    await expectRefusedWritingNothing(
      org.call('dismiss', { memberId: 'm-0009', role: 'admin' }, as('m-0104')),
      'FORBIDDEN',
    )
  })

  it('dismisses: the rights go on the next call, the count goes down, audited; again it changes nothing', async () => {
    const reply = await org.ok('dismiss', { memberId: 'm-0009', role: 'admin' }, as('m-0017'))
    expect(reply).toEqual({ memberId: 'm-0009', role: 'admin', dismissed: true })
    expect(memberDoc('m-0009').adminOrgId).toBeUndefined()
    expect(bindingOf('m-0009')).toMatchObject({ roles: ['member', 'judge'] })
    expect(bindingOf('m-0009')!.adminOrgId).toBeUndefined()
    expect(adminsAt(STREET)).toBe(0)
    expect(await manages('m-0009')).toEqual([])
    expect(auditOf('m-0009').map((a) => a.detail)).toContain('撤下 刘秀鹏 的 千佛山街道 管理员')
    const before = written()
    expect(await org.ok('dismiss', { memberId: 'm-0009', role: 'admin' }, as('m-0017'))).toMatchObject({
      dismissed: false,
    })
    expect(written()).toBe(before)
    await org.ok('dismiss', { memberId: 'm-0009', role: 'judge' }, as('m-0017'))
    expect(memberDoc('m-0009').roles).toEqual(['member'])
  })

  it('lets an administrator dismiss themselves below the city', async () => {
    expect(await org.ok('dismiss', { memberId: 'm-0004', role: 'admin' }, as('m-0004'))).toMatchObject({
      dismissed: true,
    })
    expect(await manages('m-0004')).toEqual([])
    await org.ok('appoint', { memberId: 'm-0004', orgId: 'org-lixia-jiefanglu', role: 'admin' }, as('m-0017'))
    expect(adminsAt('org-lixia-jiefanglu')).toBe(1)
  })

  it('keeps the city’s last administrator (LAST_ADMIN), and of two dismissing each other at once, one', async () => {
    await expectRefusedWritingNothing(
      org.call('dismiss', { memberId: CITY_ADMIN, role: 'admin' }, as(CITY_ADMIN)),
      'LAST_ADMIN',
    )
    await org.ok('appoint', { memberId: 'm-0185', orgId: 'org-jinan', role: 'admin' }, as(CITY_ADMIN))
    expect(adminsAt('org-jinan')).toBe(2)
    const replies = await Promise.all([
      org.call('dismiss', { memberId: 'm-0185', role: 'admin' }, as(CITY_ADMIN)),
      org.call('dismiss', { memberId: CITY_ADMIN, role: 'admin' }, as('m-0185')),
    ])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'LAST_ADMIN' })])
    const left = ['m-0185', CITY_ADMIN].filter((id) => memberDoc(id).adminOrgId === 'org-jinan')
    expect(left).toHaveLength(1)
    expect(adminsAt('org-jinan')).toBe(1)
    expect(await manages(left[0])).toContain('org-jinan')
    // Put back the seeded one, for the tests below.
    if (left[0] !== CITY_ADMIN) {
      await org.ok('appoint', { memberId: CITY_ADMIN, orgId: 'org-jinan', role: 'admin' }, as(left[0]))
      await org.ok('dismiss', { memberId: left[0], role: 'admin' }, as(CITY_ADMIN))
    }
  })
})

describe('invite', () => {
  const INVITE = { orgId: STREET, role: 'admin', name: '孙教授', phone: '13900001111' }

  it('makes an outsider’s entry with a code; they bind with it and administer the node', async () => {
    const view = await org.ok<AppointmentView>('invite', INVITE, as('m-0017'))
    expect(view).toMatchObject({ name: '孙教授', phone: '139****1111', orgId: STREET, outsider: true, bound: false })
    expect(view.inviteCode).toMatch(/^[A-Z2-9]{6}$/)
    expect(memberDoc(view.memberId)).toMatchObject({
      outsider: true,
      branchId: STREET,
      roles: ['admin'],
      adminOrgId: STREET,
    })
    expect(adminsAt(STREET)).toBe(1)
    expect(auditOf(view.memberId)[0].detail).toBe('邀请系统外的 孙教授 担任 千佛山街道 管理员')
    // A repeated request answers the same entry.
    expect(await org.ok('invite', INVITE, as('m-0017'))).toMatchObject({ memberId: view.memberId })

    expect(await member.call('bind', { method: 'invite', code: view.inviteCode }, 'wx-sun')).toMatchObject({ ok: true })
    const them = (await member.ok<Me>('me', {}, 'wx-sun')).member!
    expect(them).toMatchObject({ name: '孙教授', branchName: '千佛山街道', roles: ['admin'] })
    expect(them.manages.map((n) => n.id).sort()).toEqual([BRANCH, 'br-lixia-qfs-jg', STREET])
    expect(await member.call('roster', { branchId: BRANCH }, 'wx-sun')).toMatchObject({ ok: true })
    const list = await org.ok<{ appointments: AppointmentView[] }>('appointments', { orgId: STREET }, 'wx-sun')
    expect(list.appointments).toEqual([
      expect.objectContaining({ memberId: view.memberId, bound: true, outsider: true }),
    ])
    expect(list.appointments[0].inviteCode).toBeUndefined()
  })

  it('refuses a phone of the rolls, a branch, and callers above whom the node is not, writing nothing', async () => {
    const taken = org.call('invite', { ...INVITE, phone: '18043311875' }, as('m-0017'))
    await expectRefusedWritingNothing(taken, 'INVALID_STATE')
    expect(await taken).toMatchObject({ explanation: expect.stringContaining('180****1875已登记在刘秀鹏名下') })
    await expectRefusedWritingNothing(org.call('invite', { ...INVITE, orgId: BRANCH }, as('m-0017')), 'INVALID_INPUT')
    await expectRefusedWritingNothing(org.call('invite', { ...INVITE, orgId: DISTRICT }, as('m-0004')), 'FORBIDDEN')
    expect(await org.call('invite', { ...INVITE, phone: '12345' }, as('m-0017'))).toMatchObject({
      code: 'INVALID_INPUT',
    })
  })
})

describe('setBranchRole', () => {
  it('lets an administrator above the branch change a member’s 职务, effective on the next call, audited', async () => {
    expect(await org.ok('setBranchRole', { memberId: 'm-0011', role: 'committee' }, as('m-0017'))).toEqual({
      memberId: 'm-0011',
      roles: ['member', 'committee'],
    })
    expect(bindingOf('m-0011')).toMatchObject({ roles: ['member', 'committee'] })
    expect(await manages('m-0011')).toEqual([BRANCH])
    expect(auditOf('m-0011')[0]).toMatchObject({
      orgId: BRANCH,
      detail: '将 千佛山社区党支部 张学诚 的职务改为 支部委员',
    })
  })

  it('refuses a second secretary (naming the first), the branch’s own secretary, and outsiders, writing nothing', async () => {
    const second = org.call('setBranchRole', { memberId: 'm-0011', role: 'secretary' }, as('m-0017'))
    await expectRefusedWritingNothing(second, 'INVALID_STATE')
    expect(await second).toMatchObject({ explanation: expect.stringContaining('本支部的书记是赵春强') })
    const bySecretary = org.call('setBranchRole', { memberId: 'm-0012', role: 'committee' }, as('m-0008'))
    await expectRefusedWritingNothing(bySecretary, 'FORBIDDEN')
    const [outsider] = cloud.emulator.store.scan('members', { outsider: true }).map((r) => r.id)
    await expectRefusedWritingNothing(
      org.call('setBranchRole', { memberId: outsider, role: 'member' }, as('m-0017')),
      'INVALID_STATE',
    )
  })

  it('hands the secretary on, keeping roles given elsewhere', async () => {
    await org.ok('appoint', { memberId: 'm-0008', orgId: STREET, role: 'judge' }, as('m-0017'))
    await org.ok('setBranchRole', { memberId: 'm-0008', role: 'member' }, as('m-0017'))
    await org.ok('setBranchRole', { memberId: 'm-0011', role: 'secretary' }, as('m-0017'))
    expect(memberDoc('m-0008').roles).toEqual(['member', 'judge'])
    expect(bindingOf('m-0008')).toMatchObject({ roles: ['member', 'judge'] })
    expect((await me('m-0011')).roles).toEqual(['member', 'secretary'])
    expect(await member.call('roster', { branchId: BRANCH }, as('m-0011'))).toMatchObject({ ok: true })
    expect(await member.call('roster', { branchId: BRANCH }, as('m-0008'))).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('audit', () => {
  it('pages a subtree’s entries newest first, equal times included, to its administrators only', async () => {
    const at = new Date()
    const many = Array.from({ length: 25 }, (_, i) => ({
      _id: `aud-test-${String(i).padStart(2, '0')}`,
      action: 'orgRename',
      by: 'm-0017',
      byName: '刘文刚',
      orgId: STREET,
      orgPath: ['org-jinan', DISTRICT, STREET],
      detail: `改名 ${i}`,
      at,
    }))
    await cloud.db.collection('audit').add(many)
    const seen: AuditView[] = []
    let cursor: unknown
    do {
      const page: { items: AuditView[]; next?: unknown } = await org.ok(
        'audit',
        cursor ? { orgId: DISTRICT, cursor } : { orgId: DISTRICT },
        as('m-0017'),
      )
      expect(page.items.length).toBeLessThanOrEqual(20)
      seen.push(...page.items)
      cursor = page.next
    } while (cursor)
    const stored = cloud.emulator.store.scan('audit', { orgPath: DISTRICT })
    expect(seen).toHaveLength(stored.length)
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length)
    expect([...seen].sort((a, b) => b.at.localeCompare(a.at))).toEqual(seen)
    expect(seen.map((s) => s.detail)).toContain('任命 刘秀鹏 为 千佛山街道 管理员')

    const street = await org.ok<{ items: AuditView[] }>('audit', { orgId: 'org-lixia-jiefanglu' }, as('m-0004'))
    expect(street.items.every((i) => i.orgId === 'org-lixia-jiefanglu')).toBe(true)
  })

  it('shows a node’s administrators what was done to the node itself (a rename of their street)', async () => {
    await org.ok('rename', { id: 'org-lixia-jiefanglu', name: '解放路街道办事处' }, as('m-0004'))
    const street = await org.ok<{ items: AuditView[] }>('audit', { orgId: 'org-lixia-jiefanglu' }, as('m-0004'))
    expect(street.items[0]).toMatchObject({ action: 'orgRename', orgId: 'org-lixia-jiefanglu', byName: '高宇杰' })
    expect(await org.call('audit', { orgId: DISTRICT }, as('m-0004'))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await org.call('audit', { orgId: BRANCH }, as('m-0008'))).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('a change cut off after the member’s write, completed by its retry', () => {
  const members = () => cloud.db.collection('members')
  const _ = () => cloud.db.command
  const entries = (memberId: string, action: string) => auditOf(memberId).filter((a) => a.action === action)
  const heldAt = (orgId: string) => cloud.emulator.store.scan('members', { adminOrgId: orgId }).length

  it('appoint: the retry gives the binding the role, recounts the node and audits once', async () => {
    // m-0012 (bound, 千佛山社区党支部): the claim landed, then the request was cut off.
    await members()
      .doc('m-0012')
      .update({ adminOrgId: STREET, roles: _().addToSet('admin') })
    expect(bindingOf('m-0012')!.adminOrgId).toBeUndefined()
    await org.ok('appoint', { memberId: 'm-0012', orgId: STREET, role: 'admin' }, as('m-0017'))
    expect(bindingOf('m-0012')).toMatchObject({ roles: ['member', 'admin'], adminOrgId: STREET })
    expect(await manages('m-0012')).toContain(STREET)
    expect(adminsAt(STREET)).toBe(heldAt(STREET))
    expect(entries('m-0012', 'appoint')).toHaveLength(1)
    await org.ok('appoint', { memberId: 'm-0012', orgId: STREET, role: 'admin' }, as('m-0017'))
    expect(entries('m-0012', 'appoint')).toHaveLength(1)
  })

  it('dismiss: the retry takes the role off the binding, where rights are read, and audits it', async () => {
    await members()
      .doc('m-0012')
      .update({ adminOrgId: _().remove(), roles: _().pull('admin') })
    expect(bindingOf('m-0012')).toMatchObject({ adminOrgId: STREET })
    expect(await org.ok('dismiss', { memberId: 'm-0012', role: 'admin' }, as('m-0017'))).toMatchObject({
      dismissed: true,
    })
    expect(bindingOf('m-0012')).toMatchObject({ roles: ['member'] })
    expect(bindingOf('m-0012')!.adminOrgId).toBeUndefined()
    expect(await manages('m-0012')).toEqual([])
    expect(entries('m-0012', 'dismiss')).toHaveLength(1)
    // Someone who does not administer the node cannot finish it for them: refused, nothing written.
    await members()
      .doc('m-0012')
      .update({ judgeOrgId: STREET, roles: _().addToSet('judge') })
    await org.ok('appoint', { memberId: 'm-0012', orgId: STREET, role: 'judge' }, as('m-0017'))
    await members()
      .doc('m-0012')
      .update({ judgeOrgId: _().remove(), roles: _().pull('judge') })
    await expectRefusedWritingNothing(
      org.call('dismiss', { memberId: 'm-0012', role: 'judge' }, as('m-0104')),
      'FORBIDDEN',
    )
    await org.ok('dismiss', { memberId: 'm-0012', role: 'judge' }, as('m-0017'))
    expect(bindingOf('m-0012')).toMatchObject({ roles: ['member'] })
  })

  it('setBranchRole: the retry gives the binding the 职务 and audits it', async () => {
    await members()
      .doc('m-0013')
      .update({ roles: ['member', 'committee'] })
    await org.ok('setBranchRole', { memberId: 'm-0013', role: 'committee' }, as('m-0017'))
    expect(bindingOf('m-0013')).toMatchObject({ roles: ['member', 'committee'] })
    expect(entries('m-0013', 'branchRole')).toHaveLength(1)
    await org.ok('setBranchRole', { memberId: 'm-0013', role: 'committee' }, as('m-0017'))
    expect(entries('m-0013', 'branchRole')).toHaveLength(1)
  })
})

describe('the city’s last administrator, and outsiders whose appointment ends', () => {
  it('counts only administrators who have bound: an unused invitation leaves the last one in place', async () => {
    const invited = await org.ok<AppointmentView>(
      'invite',
      { orgId: 'org-jinan', role: 'admin', name: '周主任', phone: '13900002222' },
      as(CITY_ADMIN),
    )
    expect(adminsAt('org-jinan')).toBe(2)
    await expectRefusedWritingNothing(
      org.call('dismiss', { memberId: CITY_ADMIN, role: 'admin' }, as(CITY_ADMIN)),
      'LAST_ADMIN',
    )
    // The invitation itself may be taken back: the one who has bound stays. Its outsider's entry ends.
    await org.ok('dismiss', { memberId: invited.memberId, role: 'admin' }, as(CITY_ADMIN))
    expect(adminsAt('org-jinan')).toBe(1)
    expect(memberDoc(invited.memberId)).toMatchObject({ status: 'inactive', deactivatedReason: '任命结束', roles: [] })
    expect(memberDoc(invited.memberId).deactivatedAt).toBeDefined()
    expect(await member.call('bind', { method: 'invite', code: invited.inviteCode }, 'wx-zhou')).toMatchObject({
      code: 'NO_MATCH',
    })
  })

  it('signs a bound outsider out when their last role is taken back: no district branch to read lectures from', async () => {
    const invited = await org.ok<AppointmentView>(
      'invite',
      { orgId: DISTRICT, role: 'judge', name: '吴老师', phone: '13900003333' },
      as('m-0017'),
    )
    await member.ok('bind', { method: 'invite', code: invited.inviteCode }, 'wx-wu')
    expect(await member.ok('me', {}, 'wx-wu')).toMatchObject({ bound: true })
    expect(await org.ok('dismiss', { memberId: invited.memberId, role: 'judge' }, as('m-0017'))).toMatchObject({
      dismissed: true,
    })
    expect(bindingOf(invited.memberId)).toBeUndefined()
    expect(memberDoc(invited.memberId)).toMatchObject({ status: 'inactive', deactivatedReason: '任命结束' })
    expect(await member.ok('me', {}, 'wx-wu')).toEqual({ bound: false })
  })
})
