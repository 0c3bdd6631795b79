/** member.roster and member.unbind: who may see and change a branch's roster, through the SDK and the emulator. */
import type { RosterEntry } from '../../src/shared/contract'
import { seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { as, call } from './member.fixtures'

let cloud: TestCloud
const now = new Date()
const seed = seededCloudForFile(now, (started) => (cloud = started))

const bindingsOf = (memberId: string) => cloud.emulator.store.scan('bindings', { memberId }).map((r) => r.doc)
const calls = () => cloud.emulator.counters.snapshot().total

// 千佛山社区党支部: secretary m-0008, plain members m-0009, m-0011..m-0013 (bound) and m-0010 (not bound).
// Around it: m-0014 secretary of 千佛山街道机关党支部; m-0017 administrator of 历下区; m-0104 of 济阳区;
// m-0006 committee member of 山师东路社区离退休党支部, whose secretary is m-0005; m-0004 administers 解放路街道 above it.
const BRANCH = 'br-lixia-qfs'

describe('roster', () => {
  const expected = () =>
    seed.members
      .filter((m) => m.branchId === BRANCH)
      .map((m) => ({
        id: m._id,
        name: m.name,
        phone: m.phone,
        roles: m.roles,
        bound: bindingsOf(m._id).length > 0,
        inviteCode: m.inviteCode,
      }))

  it("gives the branch's secretary every member, phone, invite code and who has bound, in four calls", async () => {
    cloud.emulator.counters.reset()
    const res = await call(as('m-0008'), 'roster', { branchId: BRANCH })
    expect(calls()).toBe(4)
    if (!res.ok) throw new Error(res.code)
    const data = res.data as { branch: { id: string; name: string }; members: RosterEntry[] }
    expect(data.branch).toEqual({ id: BRANCH, name: '千佛山社区党支部' })
    expect(data.members[0]).toMatchObject({ id: 'm-0008', roles: ['member', 'secretary'] })
    expect([...data.members].sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected())
    expect(data.members.find((m) => m.id === 'm-0010')?.bound).toBe(false)
    expect(data.members.filter((m) => m.bound)).toHaveLength(5)
  })

  it('gives it to an administrator above the branch', async () => {
    const res = await call(as('m-0017'), 'roster', { branchId: BRANCH })
    expect(res.ok && (res.data as { members: unknown[] }).members).toHaveLength(expected().length)
  })

  it.each([
    ['a plain member of the branch', 'm-0009'],
    ['the secretary of another branch', 'm-0014'],
    ['an administrator of another district', 'm-0104'],
  ])('refuses %s: FORBIDDEN', async (_who, memberId) => {
    expect(await call(as(memberId), 'roster', { branchId: BRANCH })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('refuses a committee member (rosters are the secretary’s), an unknown or non-branch node, and strangers', async () => {
    expect(await call(as('m-0006'), 'roster', { branchId: 'br-lixia-ssdl-lt' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call(as('m-0017'), 'roster', { branchId: 'br-nowhere' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await call(as('m-0017'), 'roster', { branchId: 'org-lixia' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await call(undefined, 'roster', { branchId: BRANCH })).toMatchObject({ code: 'NOT_SIGNED_IN' })
    expect(await call('wx-stranger', 'roster', { branchId: BRANCH })).toMatchObject({ code: 'NOT_A_MEMBER' })
  })
})

describe('unbind', () => {
  const unbind = (by: string | undefined, memberId: string) => call(by, 'unbind', { memberId })

  it.each([
    ['a plain member of the branch', 'm-0011'],
    ['the secretary of another branch', 'm-0014'],
    ['an administrator of another district', 'm-0104'],
  ])('refuses %s and keeps the binding', async (_who, caller) => {
    expect(await unbind(as(caller), 'm-0009')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(bindingsOf('m-0009')).toHaveLength(1)
  })

  it('refuses a committee member of the branch', async () => {
    expect(await unbind(as('m-0006'), 'm-0007')).toMatchObject({ code: 'FORBIDDEN' })
    expect(bindingsOf('m-0007')).toHaveLength(1)
  })

  it('lets the secretary unbind a member of the branch, in three calls, and again without error', async () => {
    cloud.emulator.counters.reset()
    expect(await unbind(as('m-0008'), 'm-0009')).toEqual({ ok: true, data: { memberId: 'm-0009' } })
    expect(calls()).toBe(3)
    expect(bindingsOf('m-0009')).toEqual([])
    expect(await unbind(as('m-0008'), 'm-0009')).toEqual({ ok: true, data: { memberId: 'm-0009' } })
    expect(await unbind(as('m-0008'), 'm-0010')).toEqual({ ok: true, data: { memberId: 'm-0010' } }) // never bound
  })

  it('lets the member bind again from a new phone', async () => {
    const m = seed.members.find((x) => x._id === 'm-0009')!
    expect(await call('wx-new-phone', 'bind', { method: 'invite', code: m.inviteCode })).toMatchObject({ ok: true })
    expect(await call(as('m-0009'), 'me')).toEqual({ ok: true, data: { bound: false } })
    expect(bindingsOf('m-0009').map((b) => b._id)).toEqual(['wx-new-phone'])
  })

  it('lets administrators above the branch unbind (district and street), in four calls', async () => {
    cloud.emulator.counters.reset()
    expect(await unbind(as('m-0017'), 'm-0012')).toMatchObject({ ok: true })
    expect(calls()).toBe(4)
    expect(bindingsOf('m-0012')).toEqual([])
    expect(await unbind(as('m-0004'), 'm-0007')).toMatchObject({ ok: true })
    expect(bindingsOf('m-0007')).toEqual([])
  })

  it('answers NOT_FOUND for an unknown member and refuses strangers', async () => {
    expect(await unbind(as('m-0008'), 'm-9999')).toMatchObject({ code: 'NOT_FOUND' })
    expect(await unbind(undefined, 'm-0013')).toMatchObject({ code: 'NOT_SIGNED_IN' })
    expect(await unbind('wx-stranger', 'm-0013')).toMatchObject({ code: 'NOT_A_MEMBER' })
    expect(bindingsOf('m-0013')).toHaveLength(1)
  })
})
