/** Who sees a lecture's ratings (rights.ratingSight) and when comments show without names (ratingCommentsShown). */
import type { OrgKind, Role } from '../../src/shared/model'
import { type Actor, ratingCommentsShown, ratingSight } from '../../src/shared/rights'

// city → district d → street s → branch b (host); city → district d2 → branch b2
const lecture = { hostOrgId: 'b', hostPath: ['city', 'd', 's'], lecturer: { memberId: 'lect' } }
const actor = (memberId: string, branchId: string, roles: Role[], adminOrgId?: string): Actor => ({
  memberId,
  name: memberId,
  branchId,
  path: branchId === 'b' ? ['city', 'd', 's', 'b'] : ['city', 'd2', 'b2'],
  roles,
  ...(adminOrgId ? { adminOrgId } : {}),
})

describe('ratingSight', () => {
  const rows: [string, Actor, OrgKind | undefined, ReturnType<typeof ratingSight>][] = [
    ['the lecturer', actor('lect', 'b2', ['member']), undefined, 'anonymous'],
    ['the host branch secretary', actor('sec', 'b', ['member', 'secretary']), undefined, 'anonymous'],
    ['a host branch committee member', actor('com', 'b', ['member', 'committee']), undefined, 'anonymous'],
    ['the street administrator above', actor('as', 'b2', ['member', 'admin'], 's'), 'street', 'anonymous'],
    ['the district administrator above', actor('ad', 'b2', ['member', 'admin'], 'd'), 'district', 'named'],
    ['the city administrator', actor('ac', 'b2', ['member', 'admin'], 'city'), 'city', 'named'],
    ['a plain member of the host', actor('m', 'b', ['member']), undefined, undefined],
    ['a secretary of another branch', actor('sec2', 'b2', ['member', 'secretary']), undefined, undefined],
    ['the administrator of another district', actor('ad2', 'b2', ['member', 'admin'], 'd2'), 'district', undefined],
    ['adminOrgId without the admin role', actor('x', 'b2', ['member'], 'd'), 'district', undefined],
  ]
  it.each(rows)('%s', (_name, a, kind, sight) => expect(ratingSight(a, lecture, kind)).toBe(sight))

  it('names only strictly above the host: the administrator of a district hosting it sees none', () => {
    const atDistrict = { hostOrgId: 'd', hostPath: ['city'], lecturer: {} }
    expect(ratingSight(actor('ad', 'b2', ['member', 'admin'], 'd'), atDistrict, 'district')).toBe('anonymous')
    expect(ratingSight(actor('ac', 'b2', ['member', 'admin'], 'city'), atDistrict, 'city')).toBe('named')
  })

  it('a 工委 counts as the district level; a party committee under the city does not', () => {
    const l = { hostOrgId: 'b', hostPath: ['city', 'w', 'pc'], lecturer: {} }
    expect(ratingSight(actor('aw', 'b2', ['member', 'admin'], 'w'), l, 'committee')).toBe('named')
    const l2 = { hostOrgId: 'b', hostPath: ['city', 'pc'], lecturer: {} }
    expect(ratingSight(actor('ap', 'b2', ['member', 'admin'], 'pc'), l2, 'partyCommittee')).toBe('anonymous')
  })

  it('a lecturer named by name only (no member id) gives nobody sight by name match', () => {
    expect(ratingSight(actor('m', 'b', ['member']), { ...lecture, lecturer: {} }, undefined)).toBeUndefined()
  })
})

describe('ratingCommentsShown', () => {
  it('without names only from 3 ratings; with names always', () => {
    expect([0, 1, 2, 3, 10].map((n) => ratingCommentsShown('anonymous', n))).toEqual([false, false, false, true, true])
    expect([0, 1, 2].map((n) => ratingCommentsShown('named', n))).toEqual([true, true, true])
  })
})
