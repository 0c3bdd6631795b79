/**
 * The first start of an environment: scripts/setup-city.ts's step against a local CloudBase, then
 * member.claimSetup in-process through the real SDK: single use, expiry, guesses counted, the winner's retry.
 */
import { MAX_BIND_ATTEMPTS } from '../../cloudfunctions/member/attempts'
import { FIRST_ADMIN_ID } from '../../cloudfunctions/member/claimSetup'
import { main } from '../../cloudfunctions/member/main'
import { describeSetup, SetupRefused, setupCity } from '../../scripts/setup-city'
import type { Me } from '../../src/shared/contract'
import type { AuditDoc, MemberDoc, OrgDoc, SetupDoc } from '../../src/shared/model'
import { caller } from '../support/caller'
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

let cloud: TestCloud
cloudForFile((started) => (cloud = started))
beforeEach(() => cloud.emulator.store.clear())

const member = caller(main)
const claim = (openid: string, code: string, name = '王建国', phone = '13900000001') =>
  member.call('claimSetup', { code, name, phone }, openid)
const docs = <T>(coll: string) => cloud.emulator.store.scan(coll, {}).map((r) => r.doc as unknown as T)
const setupDoc = () => cloud.emulator.store.getById('settings', 'setup')?.doc as unknown as SetupDoc
/** A new city and its code, as `npm run setup:city -- --name 济南市` makes them. */
const newCity = async (options: { now?: Date; hours?: number } = {}) => {
  const r = await setupCity(cloud.db, { name: '济南市', id: 'org-jn', ...options })
  return r.code!
}
/** The code typed as a member might: small letters, no dashes. */
const typedLoosely = (code: string) => code.replace(/-/g, '').toLowerCase()

describe('setup:city', () => {
  it('creates the city and a code on an empty environment; again, it says a code is out and writes no new one', async () => {
    const first = await setupCity(cloud.db, { name: '济南市', id: 'org-jn' })
    expect(first.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect(docs<OrgDoc>('orgs')).toEqual([{ _id: 'org-jn', name: '济南市', kind: 'city', parentId: null, path: [] }])
    expect(describeSetup(first).join('\n')).toContain(first.code)
    const hash = setupDoc().codeHash
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(setupDoc())).not.toContain(first.code!.replace(/-/g, ''))

    const again = await setupCity(cloud.db, { name: '济南市' })
    expect(again.createdRoot).toBe(false)
    expect(again.code).toBeUndefined()
    expect(setupDoc().codeHash).toBe(hash)
    await expect(setupCity(cloud.db, { name: '青岛市' })).rejects.toThrow(SetupRefused)
  })

  it('--renew replaces an unused code: the old one stops working', async () => {
    const old = await newCity()
    const renewed = await setupCity(cloud.db, { name: '济南市', renew: true })
    expect(await claim('o-a', old)).toMatchObject({ ok: false, code: 'SETUP_CODE_INVALID' })
    expect(await claim('o-a', renewed.code!)).toMatchObject({ ok: true })
  })
})

describe('claimSetup', () => {
  it('of two identities racing with the right code, exactly one becomes the administrator', async () => {
    const code = await newCity()
    const replies = await Promise.all([claim('o-first', code), claim('o-second', typedLoosely(code), '李四')])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'SETUP_DONE' })])

    const admins = docs<MemberDoc>('members')
    expect(admins).toEqual([
      expect.objectContaining({
        _id: FIRST_ADMIN_ID,
        branchId: 'org-jn',
        roles: ['member', 'admin'],
        adminOrgId: 'org-jn',
      }),
    ])
    expect(admins[0].inviteCode).toMatch(/^[A-Z2-9]{6}$/)
    expect(docs('bindings')).toHaveLength(1)
    expect((cloud.emulator.store.getById('orgs', 'org-jn')?.doc as unknown as OrgDoc).admins).toBe(1)
    const audit = docs<AuditDoc>('audit').filter((a) => a.by === FIRST_ADMIN_ID)
    expect(audit).toEqual([expect.objectContaining({ action: 'setup', orgId: 'org-jn', memberId: FIRST_ADMIN_ID })])
  })

  it('makes an administrator of the city: member.me lists the city among what they manage', async () => {
    const code = await newCity()
    const claimed = (await member.ok<Me>('claimSetup', { code, name: '王建国', phone: '13900000001' }, 'o-w')).member
    const me = (await member.ok<Me>('me', {}, 'o-w')).member
    expect(me).toEqual(claimed)
    expect(me).toMatchObject({ name: '王建国', roles: ['member', 'admin'], branchName: '济南市' })
    expect(me!.manages).toEqual([{ id: 'org-jn', name: '济南市', kind: 'city' }])
  })

  it("the winner's retry completes a claim cut off after the winning update, and writes nothing twice", async () => {
    const code = await newCity()
    // As if the function died right after the conditional update: the code is taken, nothing else written.
    await cloud.db.collection('settings').doc('setup').update({ usedBy: 'o-w', usedAt: new Date() })
    expect(await claim('o-w', code)).toMatchObject({ ok: true })
    expect(await claim('o-w', code)).toMatchObject({ ok: true })
    expect(docs('members')).toHaveLength(1)
    expect(docs('bindings')).toHaveLength(1)
    expect(docs<AuditDoc>('audit').filter((a) => a.by === FIRST_ADMIN_ID)).toHaveLength(1)
    expect(await claim('o-other', code)).toMatchObject({ ok: false, code: 'SETUP_DONE' })
  })

  it('refuses an expired code and writes nothing but the counted try', async () => {
    const code = await newCity({ now: new Date(Date.now() - 73 * 3600_000) })
    expect(await claim('o-late', code)).toMatchObject({ ok: false, code: 'SETUP_CODE_INVALID' })
    expect(setupDoc().usedBy).toBeUndefined()
    expect(docs('members')).toHaveLength(0)
    expect(docs('bindings')).toHaveLength(0)
    expect(docs('bindAttempts')).toHaveLength(1)
  })

  it('counts wrong codes with the binding tries: past the limit even the right code waits', async () => {
    const code = await newCity()
    for (let i = 0; i < MAX_BIND_ATTEMPTS; i++) {
      expect(await claim('o-guess', 'AAAA-BBBB-CCCC')).toMatchObject({ ok: false, code: 'SETUP_CODE_INVALID' })
    }
    expect(await claim('o-guess', code)).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' })
    expect(docs('members')).toHaveLength(0)
    expect(await claim('o-other', code)).toMatchObject({ ok: true })
  })

  it('refuses a code that cannot be one on the contract, an identity already bound, and an environment without setup', async () => {
    expect(await claim('o-a', 'ABCD-EFGH-JKL0')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await claim('o-a', 'ABCD-EFGH-JKLM')).toMatchObject({ ok: false, code: 'SETUP_CODE_INVALID' })
    const code = await newCity()
    await cloud.db
      .collection('bindings')
      .add({ _id: 'o-bound', memberId: 'm-1', name: '甲', branchId: 'x', path: [], roles: ['member'] })
    expect(await claim('o-bound', code)).toMatchObject({ ok: false, code: 'ALREADY_BOUND' })
    expect(setupDoc().usedBy).toBeUndefined()
  })

  it('once an administrator exists, the command refuses a second setup and --renew too', async () => {
    const code = await newCity()
    await member.ok('claimSetup', { code, name: '王建国', phone: '13900000001' }, 'o-w')
    await expect(setupCity(cloud.db, { name: '济南市' })).rejects.toThrow(SetupRefused)
    await expect(setupCity(cloud.db, { name: '济南市', renew: true })).rejects.toThrow(/already set up|已经启用/)
    expect(setupDoc().usedBy).toBe('o-w')
  })

  it('the command refuses a demo-like environment with administrators but no setup document', async () => {
    await cloud.db.collection('orgs').add({ _id: 'org-jn', name: '济南市', kind: 'city', parentId: null, path: [] })
    await cloud.db.collection('members').add({
      _id: 'm-1',
      name: '甲',
      phone: '13900000009',
      branchId: 'org-jn',
      roles: ['member', 'admin'],
      inviteCode: 'ABCDEF',
    })
    await expect(setupCity(cloud.db, { name: '济南市' })).rejects.toThrow(SetupRefused)
    expect(setupDoc()).toBeUndefined()
  })
})
