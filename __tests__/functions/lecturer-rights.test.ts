/**
 * The rights matrix of the lecturer function's keeping and inviting actions: each action × each role × own
 * node, a node in the street administrator's subtree, a node of another district and the street itself.
 * Allowed calls do what they say; refused ones answer their code and write nothing. Keeping a profile (入库,
 * edit, 移出, record) is for administrators of its node or above; inviting and the sent list for the managers
 * of the lecture's node (branch officers too).
 */
import { buildSeed } from '../../scripts/seed/data'
import { main } from '../../cloudfunctions/lecturer/main'
import { lectureFields, newLecture } from '../../src/shared/lectureRules'
import type { InvitationDoc, LecturerDoc, MemberDoc } from '../../src/shared/model'
import { asCaller, dataOf } from '../support/caller'
import { seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { isBound, seededMember } from './seeded.fixtures'

let cloud: TestCloud
const now = new Date()
const seed = buildSeed(now)
const DAY = 24 * 3600_000

const NODES = {
  own: 'br-lixia-ssdl-lt',
  subtree: 'br-lixia-ssdl-1',
  other: 'br-jiyang-qd',
  street: 'org-lixia-jiefanglu',
} as const
type Node = keyof typeof NODES

const bound = (m: MemberDoc) => isBound(seed, m)
const seeded = (what: string, fits: (m: MemberDoc) => boolean) => seededMember(seed, what, fits)
const as = (m: MemberDoc) => asCaller('demo-' + m._id)

/** Who calls; where they keep the pool (administrators) and where they manage lectures (officers too). */
type Role = { context: object; keeps: Node[]; manages: Node[] } | { context: object; refused: string }
const ROLES: Record<string, Role> = {
  'plain member': {
    context: as(seeded('plain', (m) => bound(m) && m.branchId === NODES.own && m.roles.length === 1)),
    keeps: [],
    manages: [],
  },
  'secretary of own branch': {
    context: as(seeded('secretary', (m) => bound(m) && m.branchId === NODES.own && m.roles.includes('secretary'))),
    keeps: [],
    manages: ['own'],
  },
  'street admin above': {
    context: as(seeded('street admin', (m) => m.adminOrgId === NODES.street)),
    keeps: ['own', 'subtree', 'street'],
    manages: ['own', 'subtree', 'street'],
  },
  'district admin of another district': {
    context: as(seeded('district admin', (m) => m.adminOrgId === 'org-jiyang')),
    keeps: ['other'],
    manages: ['other'],
  },
  anonymous: { context: asCaller(), refused: 'NOT_SIGNED_IN' },
  'unbound member': { context: as(seeded('unbound', (m) => !bound(m))), refused: 'NOT_A_MEMBER' },
}

const orgOf = (id: string) => seed.orgs.find((o) => o._id === id)!
let serial = 0
async function profileAt(orgId: string): Promise<LecturerDoc> {
  const org = orgOf(orgId)
  const doc: LecturerDoc = {
    _id: `lp-rx-${++serial}`,
    name: `主讲人${serial}`,
    unit: '',
    title: '',
    speakerRole: 'expert',
    themes: [],
    topicIds: [],
    intro: '',
    orgId,
    orgPath: [...org.path, orgId],
    districtId: org.path[1],
    status: 'active',
    addedBy: 'm-0186',
    createdAt: now,
    updatedAt: now,
  }
  await cloud.db.collection('lecturers').add(doc)
  return doc
}
async function lectureAt(hostOrgId: string): Promise<string> {
  const start = new Date(now.getTime() + 2 * DAY)
  const values = {
    title: '权限测试党课',
    theme: 'standard' as const,
    summary: '',
    lecturer: { name: '待定' },
    speakerRole: 'expert' as const,
    hostOrgId,
    coHostOrgIds: [],
    openToAll: false,
    venue: { address: '党群服务中心', radiusM: 200, stops: [] },
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 3600_000).toISOString(),
    signupDeadline: start.toISOString(),
    capacity: 30,
    approvalRequired: false,
    cancelPolicy: 'untilDeadline' as const,
    checkinLevel: 'L1' as const,
    signupRequired: true,
  }
  const id = `rx-lec-${++serial}`
  const doc = { _id: id, ...newLecture(lectureFields(values, orgOf(hostOrgId)), 'm-0001', now), status: 'published' }
  await cloud.db.collection('lectures').add(doc)
  return id
}
async function invitationFrom(fromOrgId: string): Promise<string> {
  const profile = await profileAt(NODES.other)
  const doc: InvitationDoc = {
    _id: `rx-inv-${++serial}`,
    lectureId: await lectureAt(fromOrgId),
    lectureTitle: '权限测试党课',
    lectureStartAt: new Date(now.getTime() + 2 * DAY),
    lecturerId: profile._id,
    lecturerName: profile.name,
    fromOrgId,
    fromOrgName: orgOf(fromOrgId).name,
    by: 'm-0001',
    byName: '某书记',
    status: 'pending',
    createdAt: now,
  }
  await cloud.db.collection('invitations').add(doc)
  return doc._id
}
const storedProfile = (id: string) => cloud.emulator.store.getById('lecturers', id)?.doc as unknown as LecturerDoc
const storedInvitation = (id: string) =>
  cloud.emulator.store.getById('invitations', id)?.doc as unknown as InvitationDoc

type Case = { payload: object; check: (data: unknown) => void }
const ACTIONS: Record<string, { action: string; right: 'keeps' | 'manages'; at: (node: string) => Promise<Case> }> = {
  '入库 (outsider)': {
    action: 'add',
    right: 'keeps',
    at: async (node) => ({
      payload: { name: '新主讲人', speakerRole: 'model', orgId: node },
      check: (data) => expect(storedProfile((data as { id: string }).id)).toMatchObject({ orgId: node }),
    }),
  },
  edit: {
    action: 'edit',
    right: 'keeps',
    at: async (node) => {
      const p = await profileAt(node)
      return {
        payload: { id: p._id, intro: '改过的介绍' },
        check: () => expect(storedProfile(p._id).intro).toBe('改过的介绍'),
      }
    },
  },
  移出: {
    action: 'remove',
    right: 'keeps',
    at: async (node) => {
      const p = await profileAt(node)
      return {
        payload: { id: p._id, reason: '不再讲课' },
        check: () => expect(storedProfile(p._id).status).toBe('removed'),
      }
    },
  },
  invite: {
    action: 'invite',
    right: 'manages',
    at: async (node) => {
      const [lectureId, p] = [await lectureAt(node), await profileAt(NODES.other)]
      return {
        payload: { lectureId, lecturerId: p._id },
        check: (data) => expect(storedInvitation((data as { id: string }).id).status).toBe('pending'),
      }
    },
  },
  'record an outsider’s answer': {
    action: 'record',
    right: 'manages',
    at: async (node) => {
      const id = await invitationFrom(node)
      return { payload: { id, decision: 'accept' }, check: () => expect(storedInvitation(id).status).toBe('accepted') }
    },
  },
  'sent invitations': {
    action: 'invitations',
    right: 'manages',
    at: async (node) => {
      const id = await invitationFrom(node)
      return {
        payload: { box: 'sent', orgId: node },
        check: (data) => expect((data as { items: { id: string }[] }).items.map((i) => i.id)).toContain(id),
      }
    },
  },
}

seededCloudForFile(now, (started) => (cloud = started))

const everything = () =>
  JSON.stringify(['lecturers', 'invitations', 'lectures', 'bindings'].map((c) => cloud.emulator.store.scan(c, {})))

const cells = Object.keys(ACTIONS).flatMap((action) =>
  Object.keys(ROLES).flatMap((role) => (Object.keys(NODES) as Node[]).map((node) => [action, role, node] as const)),
)

it.each(cells)('%s by %s at %s node', async (actionName, roleName, node) => {
  const { action, right, at } = ACTIONS[actionName]
  const role = ROLES[roleName]
  const { payload, check } = await at(NODES[node])
  const before = everything()
  const res = await main({ action, payload }, role.context)
  const refusal = 'refused' in role ? role.refused : role[right].includes(node) ? undefined : 'FORBIDDEN'
  if (refusal) {
    expect(res).toMatchObject({ ok: false, code: refusal })
    expect(everything()).toBe(before)
  } else check(dataOf(res, actionName))
})
