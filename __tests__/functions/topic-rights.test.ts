/**
 * The rights matrix of the topic actions (role × own / other / subtree node), through the real SDK against
 * the emulator with the demo data. A topic is kept by the administrators of its own node only: the city's
 * list by the city's, a district's by that district's (topicRules.keepsTopicsOf). Every refusal writes nothing.
 */
import { main } from '../../cloudfunctions/topic/main'
import type { TopicView } from '../../src/shared/contract'
import type { MemberDoc } from '../../src/shared/model'
import { caller } from '../support/caller'
import { seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { isBound, seededMember } from './seeded.fixtures'

let cloud: TestCloud
const seed = seededCloudForFile(new Date(), (started) => (cloud = started))
const { call, ok } = caller(main)
const as = (m: MemberDoc) => 'demo-' + m._id
const person = (what: string, fits: (m: MemberDoc) => boolean) =>
  seededMember(seed, what, (m) => isBound(seed, m) && fits(m))
const ROLES = {
  cityAdmin: person('city admin', (m) => m.adminOrgId === 'org-jinan'),
  districtAdmin: person('lixia admin', (m) => m.adminOrgId === 'org-lixia'),
  streetAdmin: person('street admin', (m) => m.adminOrgId === 'org-lixia-jiefanglu'),
  secretary: person('secretary', (m) => m.branchId === 'br-lixia-ssdl-lt' && m.roles.includes('secretary')),
  member: person('member', (m) => m.branchId === 'br-lixia-ssdl-lt' && m.roles.length === 1),
}
type Role = keyof typeof ROLES
const KEEPERS = {
  city: ROLES.cityAdmin,
  lixia: ROLES.districtAdmin,
  jiyang: person('jiyang', (m) => m.adminOrgId === 'org-jiyang'),
}
type List = keyof typeof KEEPERS
const stored = () => JSON.stringify(cloud.emulator.store.scan('topics', {}))

/** A fresh draft in a list, made by its keeper. */
const draftIn = (list: List) =>
  ok<TopicView>('save', { topic: { title: `${list}的选题`, department: '市委组织部' } }, as(KEEPERS[list]))

// Which lists each role keeps. For the district administrator: 历下 own, 济阳 other, the city above;
// for the city administrator: the city own, 历下 a district in its subtree (kept by the district).
const MATRIX: Array<[Role, List, boolean]> = [
  ['cityAdmin', 'city', true],
  ['cityAdmin', 'lixia', false],
  ['districtAdmin', 'lixia', true],
  ['districtAdmin', 'jiyang', false],
  ['districtAdmin', 'city', false],
  ['streetAdmin', 'lixia', false],
  ['secretary', 'lixia', false],
  ['member', 'city', false],
]

describe.each(MATRIX)('%s on the %s list → %s', (role, list, allowed) => {
  const who = () => as(ROLES[role])
  const expectRefused = async (action: string, payload: object) => {
    const before = stored()
    expect(await call(action, payload, who())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(stored()).toBe(before)
  }

  it('edits a draft', async () => {
    const t = await draftIn(list)
    const payload = { id: t.id, topic: { title: '改过的选题', department: '市委宣传部' } }
    if (allowed) expect(await ok<TopicView>('save', payload, who())).toMatchObject({ title: '改过的选题' })
    else await expectRefused('save', payload)
  })

  it('publishes and withdraws', async () => {
    const t = await draftIn(list)
    if (!allowed) {
      await expectRefused('publish', { id: t.id })
      await ok('publish', { id: t.id }, as(KEEPERS[list]))
      return expectRefused('withdraw', { id: t.id })
    }
    expect(await ok<TopicView>('publish', { id: t.id }, who())).toMatchObject({ status: 'published' })
    expect(await ok<TopicView>('withdraw', { id: t.id }, who())).toMatchObject({ status: 'withdrawn' })
  })
})

describe('adding a topic: always to the caller’s own list', () => {
  it.each([
    ['cityAdmin', 'org-jinan'],
    ['districtAdmin', 'org-lixia'],
  ] as const)('%s adds to %s', async (role, orgId) => {
    const t = await ok<TopicView>('save', { topic: { title: '新选题', department: '市发改委' } }, as(ROLES[role]))
    expect(t).toMatchObject({ orgId, status: 'draft', canManage: true })
  })

  it.each(['streetAdmin', 'secretary', 'member'] as const)('%s has no list to add to', async (role) => {
    const before = stored()
    const reply = await call('save', { topic: { title: '新选题', department: '市发改委' } }, as(ROLES[role]))
    expect(reply).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(stored()).toBe(before)
  })

  it('someone not signed in is asked to sign in', async () => {
    expect(await call('save', { topic: { title: '新选题', department: '市发改委' } })).toMatchObject({
      ok: false,
      code: 'NOT_SIGNED_IN',
    })
  })
})
