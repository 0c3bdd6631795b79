/**
 * The rights matrix of the managing actions of `lecture`: each action × each role × own node, a node in
 * the street administrator's subtree, a node of another district and the street itself. Allowed calls
 * succeed; refused ones answer their code and write nothing.
 */
import { buildSeed } from '../../scripts/seed/data'
import { main } from '../../cloudfunctions/lecture/main'
import type { LectureInput } from '../../src/shared/contract'
import { lectureFields, newLecture } from '../../src/shared/lectureRules'
import type { LectureDoc, MemberDoc } from '../../src/shared/model'
import { asCaller, dataOf } from '../support/caller'
import { seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { isBound, seededMember } from './seeded.fixtures'

let cloud: TestCloud
const now = new Date()
const seed = buildSeed(now)
const DAY = 24 * 3600_000

const NODES = {
  own: 'br-lixia-ssdl-lt', // the secretary's and the plain member's branch
  subtree: 'br-lixia-ssdl-1', // its sibling: in the street administrator's subtree, another secretary's branch
  other: 'br-jiyang-qd', // a branch of another district
  street: 'org-lixia-jiefanglu', // the street above both
} as const
type Node = keyof typeof NODES

const bound = (m: MemberDoc) => isBound(seed, m)
const seeded = (what: string, fits: (m: MemberDoc) => boolean) => seededMember(seed, what, fits)
const as = (m: MemberDoc) => asCaller('demo-' + m._id)

/** Who calls, and where they may manage lectures (empty: nowhere; a code: refused before any rights). */
const ROLES: Record<string, { context: object; manages: Node[] } | { context: object; refused: string }> = {
  'plain member': {
    context: as(seeded('plain', (m) => bound(m) && m.branchId === NODES.own && m.roles.length === 1)),
    manages: [],
  },
  'secretary of own branch': {
    context: as(seeded('secretary', (m) => bound(m) && m.branchId === NODES.own && m.roles.includes('secretary'))),
    manages: ['own'],
  },
  'secretary of another branch': {
    context: as(seeded('other', (m) => bound(m) && m.branchId === NODES.subtree && m.roles.includes('secretary'))),
    manages: ['subtree'],
  },
  'street admin above': {
    context: as(seeded('street admin', (m) => m.adminOrgId === NODES.street)),
    manages: ['own', 'subtree', 'street'],
  },
  'district admin of another district': {
    context: as(seeded('district admin', (m) => m.adminOrgId === 'org-jiyang')),
    manages: ['other'],
  },
  anonymous: { context: asCaller(), refused: 'NOT_SIGNED_IN' },
  'unbound member': { context: as(seeded('unbound', (m) => !bound(m))), refused: 'NOT_A_MEMBER' },
}

const orgOf = (id: string) => seed.orgs.find((o) => o._id === id)!
function form(hostOrgId: string, over: Partial<LectureInput> = {}): LectureInput {
  const start = new Date(now.getTime() + 2 * DAY)
  return {
    title: '权限测试党课',
    theme: 'standard',
    lecturer: { name: '王建华' },
    speakerRole: 'secretary',
    hostOrgId,
    venue: { address: '党群服务中心' },
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 3600_000).toISOString(),
    signupDeadline: start.toISOString(),
    capacity: 30,
    ...over,
  }
}
let serial = 0
async function lectureAt(hostOrgId: string, status: LectureDoc['status']): Promise<LectureDoc> {
  const values = {
    ...form(hostOrgId),
    summary: '',
    coHostOrgIds: [],
    openToAll: false,
    venue: { address: '党群服务中心', radiusM: 200, stops: [] },
    approvalRequired: false,
    cancelPolicy: 'untilDeadline' as const,
    checkinLevel: 'L1' as const,
    signupRequired: true,
  }
  const doc = { _id: `rx-${++serial}`, ...newLecture(lectureFields(values, orgOf(hostOrgId)), 'm-0001', now), status }
  await cloud.db.collection('lectures').add(doc)
  return doc
}
const stored = (id: string) =>
  cloud.emulator.store.scan('lectures', { _id: id })[0]?.doc as unknown as LectureDoc | undefined
const lectureCount = () => cloud.emulator.store.scan('lectures', {}).length

/** Per action: the call at a node, and what an allowed call must have done. */
type Case = { payload: object; check: (data: unknown) => void }
const ACTIONS: Record<string, { action: string; at: (host: string) => Promise<Case> }> = {
  'save (create)': {
    action: 'save',
    at: async (host) => {
      const count = lectureCount()
      return {
        payload: { lecture: form(host) },
        check: (data) => {
          expect(stored((data as { id: string }).id)).toMatchObject({ hostOrgId: host, status: 'draft' })
          expect(lectureCount()).toBe(count + 1)
        },
      }
    },
  },
  'save (edit)': {
    action: 'save',
    at: async (host) => {
      const l = await lectureAt(host, 'draft')
      return {
        payload: { id: l._id, lecture: form(host, { title: '改过的标题' }) },
        check: () => expect(stored(l._id)).toMatchObject({ title: '改过的标题' }),
      }
    },
  },
  publish: {
    action: 'publish',
    at: async (host) => {
      const l = await lectureAt(host, 'draft')
      return { payload: { id: l._id }, check: () => expect(stored(l._id)?.status).toBe('published') }
    },
  },
  cancel: {
    action: 'cancel',
    at: async (host) => {
      const l = await lectureAt(host, 'published')
      return {
        payload: { id: l._id, reason: '临时有事' },
        check: (data) => {
          expect(data).toEqual({ id: l._id, notified: 0 })
          expect(stored(l._id)).toMatchObject({ status: 'cancelled', cancelReason: '临时有事' })
        },
      }
    },
  },
  duplicate: {
    action: 'duplicate',
    at: async (host) => {
      const l = await lectureAt(host, 'finished')
      return {
        payload: { id: l._id },
        check: (data) =>
          expect(stored((data as { id: string }).id)).toMatchObject({ hostOrgId: host, status: 'draft' }),
      }
    },
  },
  managed: {
    action: 'managed',
    at: async (host) => {
      const l = await lectureAt(host, 'draft')
      return {
        payload: { scope: 'drafts', orgId: host },
        check: (data) => expect((data as { items: { id: string }[] }).items.map((i) => i.id)).toContain(l._id),
      }
    },
  },
}

seededCloudForFile(now, (started) => (cloud = started))

const everything = () =>
  JSON.stringify(['lectures', 'signups', 'proposals'].map((c) => cloud.emulator.store.scan(c, {})))

const cells = Object.keys(ACTIONS).flatMap((action) =>
  Object.keys(ROLES).flatMap((role) => (Object.keys(NODES) as Node[]).map((node) => [action, role, node] as const)),
)

it.each(cells)('%s by %s at %s node', async (actionName, roleName, node) => {
  const { action, at } = ACTIONS[actionName]
  const role = ROLES[roleName]
  const { payload, check } = await at(NODES[node])
  const before = everything()
  const res = await main({ action, payload }, role.context)
  const refusal = 'refused' in role ? role.refused : role.manages.includes(node) ? undefined : 'FORBIDDEN'
  if (refusal) {
    expect(res).toMatchObject({ ok: false, code: refusal })
    expect(everything()).toBe(before)
  } else check(dataOf(res, actionName))
})

it('managed without a node refuses a plain member and answers the others', async () => {
  const expectations: Array<[string, string | undefined]> = [
    ['plain member', 'FORBIDDEN'],
    ['secretary of own branch', undefined],
    ['street admin above', undefined],
    ['district admin of another district', undefined],
    ['anonymous', 'NOT_SIGNED_IN'],
    ['unbound member', 'NOT_A_MEMBER'],
  ]
  for (const [role, code] of expectations) {
    const res = await main({ action: 'managed', payload: { scope: 'upcoming' } }, ROLES[role].context)
    expect(res.ok ? undefined : res.code).toBe(code)
  }
})
