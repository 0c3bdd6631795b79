/** member.me and member.bind in-process, through the real SDK and the emulator, with seeded data. */
import { bindingFor } from '../../cloudfunctions/_shared/actor'
import { BIND_ATTEMPT_WINDOW_MS } from '../../cloudfunctions/member/attempts'
import { MANY } from '../../cloudfunctions/member/me'
import type { Me } from '../../src/shared/contract'
import type { BindingDoc, MemberDoc } from '../../src/shared/model'
import { seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { call } from './member.fixtures'

let cloud: TestCloud
const now = new Date()
const seed = seededCloudForFile(now, (started) => (cloud = started))

const meOf = async (openid: string) => {
  const res = await call(openid, 'me')
  if (!res.ok) throw new Error(res.code)
  return res.data as Me
}
const member = (id: string) => seed.members.find((m) => m._id === id)!
const org = (id: string) => seed.orgs.find((o) => o._id === id)!
const boundIds = new Set(seed.bindings.map((b) => b.memberId))
/** Plain members without a binding, each test takes its own. */
const unbound = seed.members.filter((m) => !boundIds.has(m._id))
const bindingsOf = (memberId: string) =>
  cloud.emulator.store.scan('bindings', { memberId }).map((r) => r.doc as unknown as BindingDoc)
const calls = () => cloud.emulator.counters.snapshot().total

describe('me', () => {
  it('refuses a caller without identity and answers bound: false for an identity not bound', async () => {
    expect(await call(undefined, 'me')).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
    cloud.emulator.counters.reset()
    expect(await meOf('wx-stranger')).toEqual({ bound: false })
    expect(calls()).toBe(1)
  })

  it('describes a plain member, who manages nothing, in two database calls', async () => {
    const m = member('m-0009')
    cloud.emulator.counters.reset()
    expect(await meOf('demo-m-0009')).toEqual({
      bound: true,
      member: {
        id: m._id,
        name: m.name,
        branchId: m.branchId,
        branchName: org(m.branchId).name,
        roles: ['member'],
        manages: [],
      },
    })
    expect(calls()).toBe(2)
  })

  it("gives a secretary and a committee member their branch's lectures", async () => {
    const branch = { id: 'br-lixia-ssdl-1', name: org('br-lixia-ssdl-1').name, kind: 'branch' }
    expect((await meOf('demo-m-0001')).member).toMatchObject({ roles: ['member', 'secretary'], manages: [branch] })
    expect((await meOf('demo-m-0002')).member).toMatchObject({ roles: ['member', 'committee'], manages: [branch] })
  })

  it('gives an administrator their node and the branches below it, by name, in two calls', async () => {
    const admin = member('m-0017')
    expect(admin.adminOrgId).toBe('org-lixia')
    const below = seed.orgs
      .filter((o) => o.kind === 'branch' && o.path.includes('org-lixia'))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
    cloud.emulator.counters.reset()
    const me = await meOf('demo-m-0017')
    expect(calls()).toBe(2)
    expect(me.member!.branchName).toBe(org('br-lixia-qfs-jg').name)
    expect(me.member!.manages).toEqual(
      [org('org-lixia'), ...below].map((o) => ({ id: o._id, name: o.name, kind: o.kind })),
    )
    expect(below.length).toBeGreaterThan(3)
  })

  it('gives the city administrator their node and the first MANY branches by name, and says there are more', async () => {
    const city = seed.members.find((m) => m.adminOrgId === 'org-jinan')!
    const branches = seed.orgs.filter((o) => o.kind === 'branch')
    expect(branches.length).toBeGreaterThan(MANY + 1)
    cloud.emulator.counters.reset()
    const me = await meOf(`demo-${city._id}`)
    expect(calls()).toBe(2)
    expect(me.member!.manages[0]).toMatchObject({ id: 'org-jinan', kind: 'city' })
    const listed = me.member!.manages.slice(1)
    expect(listed).toHaveLength(MANY)
    expect(listed.every((n) => n.kind === 'branch')).toBe(true)
    expect(listed.map((n) => n.name)).toEqual(
      listed.map((n) => n.name).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')),
    )
    expect(me.member!.managesMore).toBe(true)
  })

  it("keeps an administrator's own branch when the branches below fill the list", async () => {
    const city = seed.members.find((m) => m.adminOrgId === 'org-jinan')!
    // the database's order (code points): the own branch is not among the first MANY + 1, so only sorting it first keeps it
    const first = seed.orgs
      .filter((o) => o.kind === 'branch')
      .map((o) => o.name)
      .sort()
      .slice(0, MANY + 1)
    expect(first).not.toContain(org(city.branchId).name)
    expect((await meOf(`demo-${city._id}`)).member!.branchName).toBe(org(city.branchId).name)
  })

  it('says nothing of more when every branch below is listed', async () => {
    expect((await meOf('demo-m-0017')).member).not.toHaveProperty('managesMore')
  })
})

describe('bind', () => {
  it('binds with an invite code, in any case, and writes the binding of bindingFor', async () => {
    const m = unbound[0]
    cloud.emulator.counters.reset()
    const res = await call('wx-a', 'bind', { method: 'invite', code: ` ${m.inviteCode.toLowerCase()} ` })
    expect(calls()).toBeLessThanOrEqual(6)
    expect(res).toMatchObject({
      ok: true,
      data: { bound: true, member: { id: m._id, name: m.name, branchName: org(m.branchId).name, manages: [] } },
    })
    expect(bindingsOf(m._id)).toEqual([{ ...bindingFor('wx-a', m, org(m.branchId), now), boundAt: expect.any(Date) }])
    expect((await meOf('wx-a')).member?.id).toBe(m._id)
  })

  it('binds with name and phone of the roster', async () => {
    const m = unbound[1]
    const res = await call('wx-b', 'bind', { method: 'roster', name: ` ${m.name} `, phone: m.phone })
    expect(res).toMatchObject({ ok: true, data: { bound: true, member: { id: m._id } } })
    expect(bindingsOf(m._id).map((b) => b._id)).toEqual(['wx-b'])
  })

  it('answers NO_MATCH for a wrong code or a name that does not go with the phone, writing no binding', async () => {
    const m = unbound[2]
    const before = cloud.emulator.store.scan('bindings', {}).length
    expect(await call('wx-c', 'bind', { method: 'invite', code: 'ZZZZZZ' })).toMatchObject({ code: 'NO_MATCH' })
    expect(await call('wx-c', 'bind', { method: 'roster', name: m.name, phone: unbound[3].phone })).toMatchObject({
      code: 'NO_MATCH',
    })
    expect(await call('wx-c', 'bind', { method: 'roster', name: '不存在', phone: m.phone })).toMatchObject({
      code: 'NO_MATCH',
    })
    expect(cloud.emulator.store.scan('bindings', {}).length).toBe(before)
  })

  it('refuses a malformed code or phone as bad input', async () => {
    expect(await call('wx-c', 'bind', { method: 'invite', code: 'AB' })).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await call('wx-c', 'bind', { method: 'roster', name: '李明', phone: '123' })).toMatchObject({
      code: 'INVALID_INPUT',
    })
  })

  it('refuses an identity that is already bound: ALREADY_BOUND', async () => {
    const res = await call('demo-m-0001', 'bind', { method: 'invite', code: unbound[2].inviteCode })
    expect(res).toMatchObject({ ok: false, code: 'ALREADY_BOUND', message: '这个微信已经绑定了党员身份' })
    expect(await call('wx-a', 'bind', { method: 'invite', code: unbound[0].inviteCode })).toMatchObject({
      code: 'ALREADY_BOUND',
    })
    expect(bindingsOf(unbound[2]._id)).toEqual([])
  })

  it('refuses a member bound to another identity: MEMBER_TAKEN', async () => {
    const res = await call('wx-d', 'bind', { method: 'invite', code: member('m-0001').inviteCode })
    expect(res).toMatchObject({ ok: false, code: 'MEMBER_TAKEN' })
    expect(bindingsOf('m-0001').map((b) => b._id)).toEqual(['demo-m-0001'])
    expect(await meOf('wx-d')).toEqual({ bound: false })
  })

  it('lets exactly one of several phones binding the same member at once win', async () => {
    const m = unbound[4]
    const openids = Array.from({ length: 8 }, (_, i) => `wx-race-${i}`)
    const replies = await Promise.all(
      openids.map((o, i) =>
        call(
          o,
          'bind',
          i % 2 ? { method: 'invite', code: m.inviteCode } : { method: 'roster', name: m.name, phone: m.phone },
        ),
      ),
    )
    const winners = replies.filter((r) => r.ok)
    expect(winners).toHaveLength(1)
    expect(replies.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(7).fill('MEMBER_TAKEN'))
    const bindings = bindingsOf(m._id)
    expect(bindings).toHaveLength(1)
    expect(openids.indexOf(bindings[0]._id)).toBe(replies.indexOf(winners[0]))
  })

  it('answers a double tap from the same phone with the binding, not an error', async () => {
    const m = unbound[5]
    const replies = await Promise.all(
      [1, 2].map(() => call('wx-tap', 'bind', { method: 'invite', code: m.inviteCode })),
    )
    expect(replies).toEqual([
      expect.objectContaining({ ok: true, data: expect.objectContaining({ bound: true }) }),
      expect.objectContaining({ ok: true, data: expect.objectContaining({ bound: true }) }),
    ])
    expect(bindingsOf(m._id).map((b) => b._id)).toEqual(['wx-tap'])
  })
})

describe('guessing', () => {
  const attemptsOf = (openid: string) => cloud.emulator.store.scan('bindAttempts', { openid }).length

  it('refuses TOO_MANY_ATTEMPTS after 5 wrong tries in 10 minutes, even a right one; others are not affected', async () => {
    const m = unbound[6]
    for (let i = 0; i < 5; i++) {
      expect(await call('wx-guess', 'bind', { method: 'invite', code: `WRONG${i + 2}` })).toMatchObject({
        code: 'NO_MATCH',
      })
    }
    const refused = await call('wx-guess', 'bind', { method: 'invite', code: m.inviteCode })
    expect(refused).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS', message: '尝试次数过多，请稍后再试' })
    expect(await call('wx-guess', 'bind', { method: 'roster', name: m.name, phone: m.phone })).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    })
    expect(bindingsOf(m._id)).toEqual([])
    expect(attemptsOf('wx-guess')).toBe(5) // refused tries are taken back: the lock ends 10 minutes after the 5th
    expect(await call('wx-other', 'bind', { method: 'invite', code: 'WRONG9' })).toMatchObject({ code: 'NO_MATCH' })

    // Ten minutes later the same phone may try again.
    const earlier = new Date(now.getTime() - BIND_ATTEMPT_WINDOW_MS - 1000)
    await cloud.db.collection('bindAttempts').where({ openid: 'wx-guess' }).update({ at: earlier })
    expect(await call('wx-guess', 'bind', { method: 'invite', code: m.inviteCode })).toMatchObject({ ok: true })
  })

  it('lets at most 5 of a burst of simultaneous guesses through', async () => {
    const m = unbound[7]
    const guesses = Array.from({ length: 15 }, (_, i) => (i === 9 ? m.inviteCode : `BURST${(i % 8) + 2}`))
    const replies = await Promise.all(guesses.map((code) => call('wx-burst', 'bind', { method: 'invite', code })))
    const judged = replies.filter((r) => r.ok || r.code !== 'TOO_MANY_ATTEMPTS')
    expect(judged.length).toBeGreaterThan(0)
    expect(judged.length).toBeLessThanOrEqual(5)
    expect(attemptsOf('wx-burst')).toBe(judged.length)
  })
})

describe('the binding is all a page needs', () => {
  it('shows a member bound by roster who they are', async () => {
    const m: MemberDoc = unbound[1]
    expect((await meOf('wx-b')).member).toMatchObject({ id: m._id, branchId: m.branchId, roles: m.roles })
  })
})
