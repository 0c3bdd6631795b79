/**
 * Members who move (member.transfer*) and members who leave (member.deactivate), through the SDK and the
 * emulator: who may do what where (role × node), refusals that write nothing, double taps and races, the
 * move itself (binding, roles, hours following the member), the member's offer to cancel sign-ups they can no
 * longer see, and a deactivated member out of roster counts, hours pages, binding and re-import.
 */
import { main as hoursMain } from '../../cloudfunctions/hours/main'
import { LEFT_OVER_AFTER_MS } from '../../cloudfunctions/member/transferStart'
import { newTransferId } from '../../cloudfunctions/member/transfers'
import { main as signupMain } from '../../cloudfunctions/signup/main'
import type {
  BranchHours,
  BranchTransfers,
  ImportReport,
  MyLectureItem,
  RosterEntry,
  TransferView,
} from '../../src/shared/contract'
import type { AuditDoc, BindingDoc, LedgerEntryDoc, MemberDoc, TransferDoc } from '../../src/shared/model'
import { randomBytes } from 'crypto'
import { uploadPath } from '../../src/shared/files'
import { REJOIN_REFUSED } from '../../src/shared/roster'
import { hoursYear } from '../../src/shared/studyHours'
import { caller, dataOf } from '../support/caller'
import { seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { as, call } from './member.fixtures'
import { addLecture, expectConsistent, org, storedSignups } from './signup.fixtures'

let cloud: TestCloud
const now = new Date()
const seed = seededCloudForFile(now, (started) => (cloud = started))
const hours = caller(hoursMain)
const signup = caller(signupMain)

// 千佛山社区党支部 (QFS): secretary m-0008, members m-0009..m-0013 (m-0010 not bound). 千佛山街道机关党支部 (JG):
// secretary m-0014, m-0017 (administrator of 历下区). m-0004 administers 解放路街道 (山师东路's two branches, not
// QFS); m-0104 济阳区; m-0186 the city; m-0006 committee member of 山师东路离退休党支部 (secretary m-0005).
const QFS = 'br-lixia-qfs'
const JG = 'br-lixia-qfs-jg'
const CLOSED = 'br-test-closed'

const stored = <T>(coll: string, query: Record<string, unknown>) =>
  cloud.emulator.store.scan(coll, query).map((r) => r.doc as T)
const memberDoc = (id: string) => stored<MemberDoc>('members', { _id: id })[0]
const bindingOf = (memberId: string) => stored<BindingDoc>('bindings', { memberId })[0]
const transfersOf = (memberId: string) => stored<TransferDoc>('transfers', { memberId })
const auditOf = (memberId: string) => stored<AuditDoc>('audit', { memberId })
const ok = async <T>(reply: Promise<unknown>) => dataOf<T>((await reply) as never, 'member')
const start = (by: string, memberId: string, toBranchId = JG) =>
  call(as(by), 'transferStart', { memberId, toBranchId, reason: '工作调动' })

beforeAll(async () => {
  const street = org('org-lixia-qianfoshan')
  await cloud.db.collection('orgs').add({
    _id: CLOSED,
    name: '已撤销的测试党支部',
    kind: 'branch',
    parentId: street._id,
    path: [...street.path, street._id],
    closedAt: now,
  })
})

/** Nothing of a transfer or a deactivation was written for this member. */
function expectUntouched(memberId: string) {
  const before = seed.members.find((m) => m._id === memberId)!
  expect(memberDoc(memberId)).toEqual(before)
  expect(transfersOf(memberId)).toEqual([])
  expect(auditOf(memberId)).toEqual([])
}

describe('who may start a transfer', () => {
  it.each([
    ['a plain member of the branch', 'm-0009'],
    ['the destination’s secretary', 'm-0014'],
    ['a committee member of another branch', 'm-0006'],
    ['the administrator of another street', 'm-0004'],
    ['the administrator of another district', 'm-0104'],
  ])('refuses %s: FORBIDDEN, nothing written', async (_who, by) => {
    expect(await start(by, 'm-0010')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expectUntouched('m-0010')
  })

  it('refuses strangers and unknown or wrong targets, writing nothing', async () => {
    expect(
      await call(undefined, 'transferStart', { memberId: 'm-0010', toBranchId: JG, reason: '调动' }),
    ).toMatchObject({
      code: 'NOT_SIGNED_IN',
    })
    expect(
      await call('wx-stranger', 'transferStart', { memberId: 'm-0010', toBranchId: JG, reason: '调动' }),
    ).toMatchObject({
      code: 'NOT_A_MEMBER',
    })
    expect(await start('m-0008', 'm-9999')).toMatchObject({ code: 'NOT_FOUND' })
    expect(await start('m-0008', 'm-0010', 'org-lixia')).toMatchObject({ code: 'NOT_FOUND' })
    expect(await start('m-0008', 'm-0010', CLOSED)).toMatchObject({ code: 'NODE_CLOSED' })
    expect(await start('m-0008', 'm-0010', QFS)).toMatchObject({ code: 'INVALID_STATE' })
    expect(await call(as('m-0008'), 'transferStart', { memberId: 'm-0010', toBranchId: JG, reason: '' })).toMatchObject(
      {
        code: 'INVALID_INPUT',
      },
    )
    expectUntouched('m-0010')
  })
})

describe('a transfer accepted', () => {
  const Y = hoursYear(now)
  const ledger: LedgerEntryDoc[] = [
    {
      _id: 'adj:tr-1',
      memberId: 'm-0009',
      year: Y,
      hours: 3,
      bucket: 'collective',
      source: 'adjustment',
      title: '补记',
      at: now,
    },
    {
      _id: 'adj:tr-2',
      memberId: 'm-0009',
      year: Y,
      hours: 2,
      bucket: 'online',
      source: 'adjustment',
      title: '补记',
      at: now,
    },
  ]
  const rowOf = (view: BranchHours, memberId: string) => view.rows.find((r) => r.memberId === memberId)
  let transfer: TransferView

  beforeAll(() => cloud.db.collection('ledger').add(ledger))

  it('starts: the member waits for the new branch, one at a time, audited', async () => {
    transfer = await ok<TransferView>(start('m-0008', 'm-0009'))
    expect(transfer).toMatchObject({
      memberId: 'm-0009',
      fromBranchId: QFS,
      toBranchId: JG,
      toBranchName: '千佛山街道机关党支部',
      status: 'pending',
      reason: '工作调动',
      byName: '赵春强',
    })
    expect(memberDoc('m-0009').pendingTransferId).toBe(transfer.id)
    expect(await start('m-0017', 'm-0009', 'br-lixia-zjs')).toMatchObject({ code: 'TRANSFER_PENDING' })
    expect(transfersOf('m-0009')).toHaveLength(1)
    expect(auditOf('m-0009').map((a) => a.action)).toEqual(['transfer'])
    expect(auditOf('m-0009')[0]).toMatchObject({ orgId: QFS, orgPath: [...org(QFS).path, QFS], by: 'm-0008' })
  })

  it('shows as sent on the old branch, waiting on the new one, and on the roster', async () => {
    const old = await ok<BranchTransfers>(call(as('m-0008'), 'transfers', { branchId: QFS }))
    expect(old.outgoing.map((t) => t.id)).toEqual([transfer.id])
    expect(old.incoming).toEqual([])
    const fresh = await ok<BranchTransfers>(call(as('m-0014'), 'transfers', { branchId: JG }))
    expect(fresh.incoming.map((t) => t.id)).toEqual([transfer.id])
    expect(await call(as('m-0009'), 'transfers', { branchId: QFS })).toMatchObject({ code: 'FORBIDDEN' })
    const roster = await ok<{ members: RosterEntry[] }>(call(as('m-0008'), 'roster', { branchId: QFS }))
    expect(roster.members.find((m) => m.id === 'm-0009')?.transferPending).toBe(true)
  })

  it('is decided only by the right side: the old branch cannot accept, the new one cannot withdraw', async () => {
    expect(await call(as('m-0008'), 'transferAccept', { transferId: transfer.id })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call(as('m-0008'), 'transferDecline', { transferId: transfer.id, reason: '不同意' })).toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await call(as('m-0014'), 'transferWithdraw', { transferId: transfer.id })).toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await call(as('m-0104'), 'transferAccept', { transferId: transfer.id })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call(as('m-0014'), 'transferAccept', { transferId: 'tr-none' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(transfersOf('m-0009')[0].status).toBe('pending')
    expect(auditOf('m-0009')).toHaveLength(1)
  })

  it('moves the member on accept: member, binding, roles; the hours of the year go with them', async () => {
    const before = rowOf(await hours.ok<BranchHours>('branch', { branchId: QFS }, as('m-0008')), 'm-0009')
    expect(before?.total).toBe(5)
    const accepted = await ok<TransferView>(call(as('m-0014'), 'transferAccept', { transferId: transfer.id }))
    expect(accepted).toMatchObject({ status: 'accepted', decidedByName: '吴思英' })
    expect(memberDoc('m-0009')).toMatchObject({ branchId: JG, roles: ['member'] })
    expect(memberDoc('m-0009').pendingTransferId).toBeUndefined()
    expect(bindingOf('m-0009')).toMatchObject({ branchId: JG, path: [...org(JG).path, JG], roles: ['member'] })
    expect(stored('ledger', { memberId: 'm-0009' })).toEqual(ledger)
    const there = await hours.ok<BranchHours>('branch', { branchId: JG }, as('m-0014'))
    expect(rowOf(there, 'm-0009')).toMatchObject({ total: 5, buckets: { collective: 3, online: 2 } })
    const left = await hours.ok<BranchHours>('branch', { branchId: QFS }, as('m-0008'))
    expect(rowOf(left, 'm-0009')).toBeUndefined()
    expect((await call(as('m-0009'), 'me')) as { data: { member: { branchId: string } } }).toMatchObject({
      data: { member: { branchId: JG } },
    })
  })

  it('accepts once: a second tap answers the same, writes no second audit entry; withdrawing is too late', async () => {
    expect(await call(as('m-0017'), 'transferAccept', { transferId: transfer.id })).toMatchObject({
      ok: true,
      data: { status: 'accepted' },
    })
    expect(auditOf('m-0009').map((a) => a.action)).toEqual(['transfer', 'transferAccept'])
    expect(await call(as('m-0008'), 'transferWithdraw', { transferId: transfer.id })).toMatchObject({
      code: 'INVALID_STATE',
      explanation: '这个转接已经接收了',
    })
    const recent = await ok<BranchTransfers>(call(as('m-0008'), 'transfers', { branchId: QFS }))
    expect(recent.recent.map((t) => [t.id, t.status])).toEqual([[transfer.id, 'accepted']])
    expect(recent.outgoing).toEqual([])
  })

  it('leaves branch roles behind: a secretary moved by an administrator arrives as a member', async () => {
    const t = await ok<TransferView>(start('m-0004', 'm-0005', 'br-lixia-ssdl-1'))
    await ok(call(as('m-0004'), 'transferAccept', { transferId: t.id }))
    expect(memberDoc('m-0005')).toMatchObject({ branchId: 'br-lixia-ssdl-1', roles: ['member'] })
    expect(bindingOf('m-0005').roles).toEqual(['member'])
  })

  it('refuses a closed destination at accept time (NODE_CLOSED) and writes nothing', async () => {
    const t = await ok<TransferView>(start('m-0186', 'm-0015', 'br-lixia-zjs'))
    await cloud.db.collection('orgs').doc('br-lixia-zjs').update({ closedAt: now })
    expect(await call(as('m-0186'), 'transferAccept', { transferId: t.id })).toMatchObject({ code: 'NODE_CLOSED' })
    expect(transfersOf('m-0015')[0].status).toBe('pending')
    expect(memberDoc('m-0015').branchId).toBe(JG)
    await cloud.db.collection('orgs').doc('br-lixia-zjs').update({ closedAt: cloud.db.command.remove() })
    await ok(call(as('m-0186'), 'transferWithdraw', { transferId: t.id }))
  })
})

describe('declined and withdrawn', () => {
  it('declines with a reason: the member stays and may be transferred again', async () => {
    const t = await ok<TransferView>(start('m-0008', 'm-0011'))
    const declined = await ok<TransferView>(
      call(as('m-0014'), 'transferDecline', { transferId: t.id, reason: '不是本单位职工' }),
    )
    expect(declined).toMatchObject({ status: 'declined', declineReason: '不是本单位职工' })
    expect(memberDoc('m-0011')).toMatchObject({ branchId: QFS })
    expect(memberDoc('m-0011').pendingTransferId).toBeUndefined()
    expect(await call(as('m-0014'), 'transferAccept', { transferId: t.id })).toMatchObject({ code: 'INVALID_STATE' })

    const again = await ok<TransferView>(start('m-0008', 'm-0011'))
    const withdrawn = await ok<TransferView>(call(as('m-0008'), 'transferWithdraw', { transferId: again.id }))
    expect(withdrawn.status).toBe('withdrawn')
    expect(memberDoc('m-0011').pendingTransferId).toBeUndefined()
    expect(
      auditOf('m-0011')
        .map((a) => a.action)
        .sort(),
    ).toEqual(['transfer', 'transfer', 'transferDecline', 'transferWithdraw'].sort())
  })

  it('lets go of a pointer a cut-off start left behind after a minute, not sooner', async () => {
    const stale = newTransferId(new Date(now.getTime() - LEFT_OVER_AFTER_MS - 1000), 'lost')
    await cloud.db.collection('members').doc('m-0011').update({ pendingTransferId: stale })
    expect(await ok<TransferView>(start('m-0008', 'm-0011'))).toMatchObject({ status: 'pending' })
    const inFlight = newTransferId(new Date(), 'flying')
    await cloud.db.collection('members').doc('m-0012').update({ pendingTransferId: inFlight })
    expect(await start('m-0008', 'm-0012')).toMatchObject({ code: 'TRANSFER_PENDING' })
    await cloud.db.collection('members').doc('m-0012').update({ pendingTransferId: cloud.db.command.remove() })
    const t = transfersOf('m-0011').find((x) => x.status === 'pending')!
    await ok(call(as('m-0008'), 'transferWithdraw', { transferId: t._id }))
  })
})

describe('races', () => {
  it('two starts at once: one transfer, the other TRANSFER_PENDING', async () => {
    const replies = await Promise.all([start('m-0008', 'm-0013'), start('m-0017', 'm-0013', 'br-lixia-zjs')])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.find((r) => !r.ok)).toMatchObject({ code: 'TRANSFER_PENDING' })
    expect(transfersOf('m-0013')).toHaveLength(1)
    expect(memberDoc('m-0013').pendingTransferId).toBe(transfersOf('m-0013')[0]._id)
    await ok(call(as('m-0017'), 'transferWithdraw', { transferId: transfersOf('m-0013')[0]._id }))
  })

  it('two accepts at once: accepted once, one audit entry, the member moved', async () => {
    const t = await ok<TransferView>(start('m-0014', 'm-0016', QFS))
    const replies = await Promise.all([
      call(as('m-0008'), 'transferAccept', { transferId: t.id }),
      call(as('m-0017'), 'transferAccept', { transferId: t.id }),
    ])
    expect(replies.every((r) => r.ok)).toBe(true)
    expect(auditOf('m-0016').filter((a) => a.action === 'transferAccept')).toHaveLength(1)
    expect(memberDoc('m-0016')).toMatchObject({ branchId: QFS })
    expect(bindingOf('m-0016').branchId).toBe(QFS)
  })

  it('accept and withdraw at once: exactly one lands, and the member agrees with it', async () => {
    const t = await ok<TransferView>(start('m-0008', 'm-0016', JG))
    const [accept, withdraw] = await Promise.all([
      call(as('m-0014'), 'transferAccept', { transferId: t.id }),
      call(as('m-0008'), 'transferWithdraw', { transferId: t.id }),
    ])
    expect([accept.ok, withdraw.ok].filter(Boolean)).toHaveLength(1)
    const status = transfersOf('m-0016').find((x) => x._id === t.id)!.status
    expect(memberDoc('m-0016').branchId).toBe(status === 'accepted' ? JG : QFS)
    expect(memberDoc('m-0016').pendingTransferId).toBeUndefined()
  })
})

describe('the member’s offer to cancel what they can no longer see', () => {
  it('marks a future sign-up of the old branch as moved away; the member may still cancel it', async () => {
    await addLecture(cloud, 'TR-OLD', QFS)
    await addLecture(cloud, 'TR-ALL', QFS, { openToAll: true })
    await signup.ok('signUp', { lectureId: 'TR-OLD' }, as('m-0012'))
    await signup.ok('signUp', { lectureId: 'TR-ALL' }, as('m-0012'))
    const mine = async () => (await signup.ok<{ items: MyLectureItem[] }>('mine', {}, as('m-0012'))).items
    expect((await mine()).every((i) => !i.movedAway)).toBe(true)

    const t = await ok<TransferView>(start('m-0008', 'm-0012'))
    await ok(call(as('m-0014'), 'transferAccept', { transferId: t.id }))
    const items = await mine()
    expect(items.find((i) => i.lecture.id === 'TR-OLD')?.movedAway).toBe(true)
    expect(items.find((i) => i.lecture.id === 'TR-ALL')?.movedAway).toBeUndefined()

    expect(await signup.call('cancel', { lectureId: 'TR-OLD' }, as('m-0012'))).toEqual({
      ok: true,
      data: { status: 'cancelled' },
    })
    expect(stored<{ signedUp: number }>('lectures', { _id: 'TR-OLD' })[0].signedUp).toBe(0)
    expect((await mine()).map((i) => i.lecture.id)).toEqual(['TR-ALL'])
    expect(await signup.call('signUp', { lectureId: 'TR-OLD' }, as('m-0012'))).toMatchObject({ code: 'NOT_VISIBLE' })
  })
})

describe('deactivation', () => {
  const off = (by: string, memberId: string) => call(as(by), 'deactivate', { memberId, reason: '迁出本市' })

  it.each([
    ['a plain member of the branch', 'm-0011', 'm-0013'],
    ['another branch’s secretary', 'm-0014', 'm-0013'],
    ['an administrator of another district', 'm-0104', 'm-0013'],
    ['the secretary themselves', 'm-0008', 'm-0008'],
  ])('refuses %s: FORBIDDEN, nothing written', async (_who, by, memberId) => {
    const before = memberDoc(memberId)
    expect(await off(by, memberId)).toMatchObject({ code: 'FORBIDDEN' })
    expect(memberDoc(memberId)).toEqual(before)
  })

  it('refuses while a transfer waits, and for an appointed administrator', async () => {
    const t = await ok<TransferView>(start('m-0008', 'm-0013'))
    expect(await off('m-0008', 'm-0013')).toMatchObject({ code: 'TRANSFER_PENDING' })
    await ok(call(as('m-0008'), 'transferWithdraw', { transferId: t.id }))
    expect(await off('m-0014', 'm-0017')).toMatchObject({ code: 'INVALID_STATE' })
    expect(memberDoc('m-0017').status).toBeUndefined()
  })

  it('takes the member off the rolls: signed out, apart on the roster, out of the hours page, audited', async () => {
    expect(await ok(off('m-0008', 'm-0013'))).toEqual({ memberId: 'm-0013' })
    expect(memberDoc('m-0013')).toMatchObject({ status: 'inactive', deactivatedReason: '迁出本市' })
    expect(stored('bindings', { memberId: 'm-0013' })).toEqual([])
    expect(await call(as('m-0013'), 'me')).toEqual({ ok: true, data: { bound: false } })
    expect(auditOf('m-0013').filter((a) => a.action === 'deactivate')).toHaveLength(1)

    const roster = await ok<{ members: RosterEntry[] }>(call(as('m-0008'), 'roster', { branchId: QFS }))
    expect(roster.members.at(-1)).toMatchObject({ id: 'm-0013', inactive: true })
    const view = await hours.ok<BranchHours>('branch', { branchId: QFS }, as('m-0008'))
    expect(view.rows.map((r) => r.memberId)).not.toContain('m-0013')
  })

  it('gives up the seats of lectures not yet begun: the first on the waitlist takes one', async () => {
    await addLecture(cloud, 'TR-SEAT', QFS, { capacity: 1, seatsFree: 1, openToAll: true })
    await signup.ok('signUp', { lectureId: 'TR-SEAT' }, as('m-0011'))
    await signup.ok('signUp', { lectureId: 'TR-SEAT' }, as('m-0009'))
    expect(storedSignups(cloud, 'TR-SEAT').map((s) => s.status)).toEqual(['confirmed', 'waitlisted'])
    await ok(off('m-0008', 'm-0011'))
    expect(storedSignups(cloud, 'TR-SEAT').map((s) => [s.memberId, s.status])).toEqual([
      ['m-0011', 'cancelled'],
      ['m-0009', 'confirmed'],
    ])
    expectConsistent(cloud, 'TR-SEAT')
  })

  it('refuses them again, a transfer, and binding by code or by name and phone (NO_MATCH)', async () => {
    expect(await off('m-0008', 'm-0013')).toMatchObject({ code: 'MEMBER_INACTIVE' })
    expect(await start('m-0008', 'm-0013')).toMatchObject({ code: 'MEMBER_INACTIVE' })
    const m = memberDoc('m-0013')
    expect(await call('wx-back', 'bind', { method: 'invite', code: m.inviteCode })).toMatchObject({ code: 'NO_MATCH' })
    expect(await call('wx-back2', 'bind', { method: 'roster', name: m.name, phone: m.phone })).toMatchObject({
      code: 'NO_MATCH',
    })
    expect(stored('bindings', { memberId: 'm-0013' })).toEqual([])
  })

  it('a roster re-import with their phone refuses that row and writes nothing', async () => {
    const m = memberDoc('m-0013')
    const csv = `姓名,手机号,职务\r\n${m.name},${m.phone},党员\r\n新党员,13700009999,党员\r\n`
    const cloudPath = uploadPath('roster', '名册.csv', randomBytes(16))!
    const { fileID } = await cloud.app.uploadFile({ cloudPath, fileContent: Buffer.from(csv) })
    const report = await ok<ImportReport>(call(as('m-0008'), 'importRoster', { branchId: QFS, fileId: fileID }))
    expect(report.applied).toBe(false)
    expect(report.rows[0]).toMatchObject({ result: 'error', errors: [REJOIN_REFUSED] })
    expect(memberDoc('m-0013').status).toBe('inactive')
    expect(stored('members', { phone: '13700009999' })).toEqual([])
  })

  it('a retry after a cut-off finishes it: the binding left behind is removed, and the answer is MEMBER_INACTIVE', async () => {
    // the first request wrote the member and was cut off before the binding
    await cloud.db.collection('members').doc('m-0012').update({ status: 'inactive', deactivatedAt: now })
    expect(bindingOf('m-0012')).toBeDefined()
    expect(await off('m-0014', 'm-0012')).toMatchObject({ code: 'MEMBER_INACTIVE' })
    expect(stored('bindings', { memberId: 'm-0012' })).toEqual([])
  })

  it('a deactivation and a transfer at once: exactly one lands', async () => {
    const [a, b] = await Promise.all([off('m-0008', 'm-0010'), start('m-0008', 'm-0010')])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    const m = memberDoc('m-0010')
    expect(m.status === 'inactive').toBe(!m.pendingTransferId)
  })
})
