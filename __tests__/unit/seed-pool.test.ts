/** The demo's lecturer pool: members who lectured and outsiders, lectures tied to them, one pending invitation. */
import { buildSeed } from '../../scripts/seed/data'

const seed = buildSeed(new Date('2026-12-03T10:00:00Z'))

describe('the demo pool', () => {
  it('holds bound members and outsiders of every kind, each at a node of the tree', () => {
    const orgs = new Set(seed.orgs.map((o) => o._id))
    const bound = new Set(seed.bindings.map((b) => b.memberId))
    expect(seed.lecturers.length).toBeGreaterThanOrEqual(12)
    const members = seed.lecturers.filter((p) => p.memberId)
    expect(members.length).toBeGreaterThan(0)
    for (const p of members) expect([p._id, bound.has(p.memberId!)]).toEqual([`m:${p.memberId}`, true])
    const outsiders = seed.lecturers.filter((p) => !p.memberId)
    expect(new Set(outsiders.map((p) => p.speakerRole))).toEqual(new Set(['expert', 'model', 'member']))
    for (const p of seed.lecturers) expect([p._id, orgs.has(p.orgId), p.orgPath.at(-1)]).toEqual([p._id, true, p.orgId])
  })

  it('ties the lectures of pool lecturers to their profile', () => {
    const byId = new Map(seed.lecturers.map((p) => [p._id, p]))
    const tied = seed.lectures.filter((l) => l.lecturer.profileId)
    expect(tied.length).toBeGreaterThan(10)
    for (const l of tied) expect(byId.get(l.lecturer.profileId!)!.name).toBe(l.lecturer.name)
  })

  it('has one pending invitation, counted on the invited member’s binding', () => {
    expect(seed.invitations).toHaveLength(1)
    const [inv] = seed.invitations
    expect(inv.status).toBe('pending')
    expect(seed.bindings.find((b) => b.memberId === inv.memberId)?.invitationsPending).toBe(1)
    expect(seed.lectures.find((l) => l._id === inv.lectureId)?.status).toBe('published')
  })
})
