import { buildSeed } from '../../scripts/seed/data'
import { seedDatabase } from '../../scripts/seed/index'
import { THEME_CODES } from '../../src/shared/themes'
import { startTestCloud } from '../support/emulator'

const NOW = new Date('2026-11-26T02:00:00Z') // 10:00 in Jinan
const seed = buildSeed(NOW)
const orgById = new Map(seed.orgs.map((o) => [o._id, o]))
const minutes = (a: Date, b: Date): number => (b.getTime() - a.getTime()) / 60_000

describe('buildSeed', () => {
  it('is deterministic for the same now', () => {
    expect(buildSeed(new Date(NOW))).toEqual(seed)
  })

  it('has unique ids in every collection', () => {
    for (const docs of [seed.orgs, seed.members, seed.lectures]) {
      expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length)
    }
  })

  it('builds a tree whose paths follow the parent ids', () => {
    const roots = seed.orgs.filter((o) => o.parentId === null)
    expect(roots.map((o) => o._id)).toEqual(['org-jinan'])
    for (const o of seed.orgs) {
      if (o.parentId === null) {
        expect(o.path).toEqual([])
        continue
      }
      const parent = orgById.get(o.parentId)
      expect(parent).toBeDefined()
      expect(o.path).toEqual([...parent!.path, parent!._id])
    }
    const branches = seed.orgs.filter((o) => o.kind === 'branch')
    expect(branches.length).toBeGreaterThanOrEqual(40)
    expect(branches.length).toBeLessThanOrEqual(60)
    expect(seed.orgs.filter((o) => o.kind === 'district').map((o) => o.name)).toHaveLength(12)
  })

  it('puts every member in a branch with one secretary each', () => {
    expect(seed.members.length).toBeGreaterThanOrEqual(190)
    for (const m of seed.members) expect(orgById.get(m.branchId)?.kind).toBe('branch')
    for (const b of seed.orgs.filter((o) => o.kind === 'branch')) {
      const own = seed.members.filter((m) => m.branchId === b._id)
      expect(own.length).toBeGreaterThanOrEqual(3)
      expect(own.length).toBeLessThanOrEqual(8)
      expect(own.filter((m) => m.roles.includes('secretary'))).toHaveLength(1)
    }
  })

  it('has administrators of real nodes, one of them for the city, and three judges', () => {
    const admins = seed.members.filter((m) => m.roles.includes('admin'))
    for (const a of admins) {
      const node = orgById.get(a.adminOrgId!)
      expect(node).toBeDefined()
      expect(orgById.get(a.branchId)!.path).toContain(node!._id)
    }
    expect(admins.some((a) => a.adminOrgId === 'org-jinan')).toBe(true)
    expect(seed.members.filter((m) => m.roles.includes('judge'))).toHaveLength(3)
  })

  it('gives every member a unique, readable invite code', () => {
    const codes = seed.members.map((m) => m.inviteCode)
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('copies branch, path and roles into each binding', () => {
    const orgs = new Map(seed.orgs.map((o) => [o._id, o]))
    for (const b of seed.bindings) {
      const m = seed.members.find((x) => x._id === b.memberId)!
      expect(b).toMatchObject({ name: m.name, branchId: m.branchId, roles: m.roles })
      expect(b.path).toEqual([...orgs.get(m.branchId)!.path, m.branchId])
      expect(b.adminOrgId).toBe(m.adminOrgId)
    }
  })

  it('gives unique valid mainland phone numbers', () => {
    const phones = seed.members.map((m) => m.phone)
    for (const p of phones) expect(p).toMatch(/^1[35789]\d{9}$/)
    expect(new Set(phones).size).toBe(phones.length)
  })

  it('binds 170-190 members to unique demo openids and leaves the rest, spread over branches, unbound', () => {
    const bound = new Set(seed.bindings.map((b) => b.memberId))
    expect(bound.size).toBe(seed.bindings.length)
    expect(bound.size).toBeGreaterThanOrEqual(170)
    expect(bound.size).toBeLessThanOrEqual(190)
    expect(new Set(seed.bindings.map((b) => b._id)).size).toBe(seed.bindings.length)
    for (const b of seed.bindings) expect(b._id).toBe('demo-' + b.memberId)
    const unbound = seed.members.filter((m) => !bound.has(m._id))
    expect(new Set(unbound.map((m) => m.branchId)).size).toBeGreaterThanOrEqual(10)
  })
})

describe('seed lectures', () => {
  it('cover every theme in the past (finished) and in the future (published)', () => {
    for (const theme of THEME_CODES) {
      const of = seed.lectures.filter((l) => l.theme === theme)
      expect(of.some((l) => l.status === 'finished' && l.startAt < NOW)).toBe(true)
      expect(of.some((l) => l.status === 'published' && l.startAt > NOW)).toBe(true)
    }
    for (const l of seed.lectures) {
      expect(l.status === 'finished').toBe(l.startAt < NOW)
      expect(minutes(NOW, l.startAt)).toBeGreaterThanOrEqual(-60 * 24 * 60)
      expect(minutes(NOW, l.startAt)).toBeLessThanOrEqual(46 * 24 * 60)
    }
    expect(seed.lectures.filter((l) => l.status === 'draft').length).toBeGreaterThanOrEqual(1)
    expect(seed.lectures.filter((l) => l.status === 'cancelled')).toHaveLength(1)
  })

  it('start at 9:00, 14:30 or 19:00 China time, with the deadline 2 hours before', () => {
    for (const l of seed.lectures) {
      const local = new Date(l.startAt.getTime() + 8 * 3600_000)
      expect(['9:0', '14:30', '19:0']).toContain(`${local.getUTCHours()}:${local.getUTCMinutes()}`)
      expect(minutes(l.signupDeadline, l.startAt)).toBe(120)
      expect(l.createdAt <= NOW && l.createdAt <= l.updatedAt && l.updatedAt <= NOW).toBe(true)
    }
  })

  it('copy the host name, and a member lecturer belongs to the host branch', () => {
    const members = new Map(seed.members.map((m) => [m._id, m]))
    for (const l of seed.lectures) {
      const host = orgById.get(l.hostOrgId)
      expect(host && ['branch', 'street'].includes(host.kind)).toBe(true)
      expect(l.hostOrgName).toBe(host!.name)
      for (const id of l.coHostOrgIds) expect(orgById.has(id)).toBe(true)
      if (l.lecturer.memberId) {
        const m = members.get(l.lecturer.memberId)!
        expect(m.branchId).toBe(l.hostOrgId)
        expect(m.name).toBe(l.lecturer.name)
        expect(['secretary', 'committee', 'member']).toContain(l.speakerRole)
      } else {
        expect(l.lecturer.title).toBeTruthy()
        expect(['model', 'expert']).toContain(l.speakerRole)
      }
    }
  })

  it('give walking lectures several stops and L2 check-in', () => {
    const walking = seed.lectures.filter((l) => l.theme === 'walking')
    for (const l of walking) {
      expect(l.venue.stops.length).toBeGreaterThanOrEqual(2)
      expect(l.checkinLevel).toBe('L2')
    }
    for (const l of seed.lectures.filter((x) => x.theme !== 'walking')) expect(l.venue.stops).toEqual([])
  })

  it('credit hours by the default rule', () => {
    for (const l of seed.lectures) {
      const mins = minutes(l.startAt, l.endAt)
      const expected = l.theme === 'micro' ? 0.5 : Math.min(4, Math.floor(mins / 30) * 0.5)
      expect(l.credit).toEqual({ hours: expected, bucket: 'collective' })
      if (l.theme === 'micro') expect(mins >= 5 && mins <= 10).toBe(true)
      else expect(mins >= 60 && mins <= 120).toBe(true)
    }
  })
})

describe('seedDatabase', () => {
  it('fills an empty database through the SDK, and only once', async () => {
    const cloud = await startTestCloud()
    try {
      const first = await seedDatabase(cloud.db, NOW)
      expect(first).toEqual({
        seeded: true,
        counts: {
          orgs: seed.orgs.length,
          members: seed.members.length,
          bindings: seed.bindings.length,
          lectures: seed.lectures.length,
        },
      })
      const stored = cloud.emulator.store.scan('members', {}).map((r) => r.doc)
      expect(stored.sort((a, b) => String(a._id).localeCompare(String(b._id)))).toEqual(seed.members)
      const lecture = cloud.emulator.store.getById('lectures', seed.lectures[0]._id)?.doc
      expect(lecture?.startAt).toEqual(seed.lectures[0].startAt)
      expect(await seedDatabase(cloud.db, NOW)).toEqual({ seeded: false, counts: {} })
      expect(cloud.emulator.store.scan('orgs', {})).toHaveLength(seed.orgs.length)
    } finally {
      await cloud.stop()
    }
  })
})
