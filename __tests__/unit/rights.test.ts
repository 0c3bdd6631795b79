import {
  administers,
  type AppointNode,
  appointRefusal,
  branchRoleRefusal,
  canSeeLecture,
  dismissRefusal,
  managesLecturesOf,
  managesRosterOf,
  mayActOnTransfer,
  mayDeactivate,
  mayNameLecturer,
  minAdminsLeft,
  seesTransfersOf,
} from '../../src/shared/rights'
import { actor, PATH_A } from '../support/actors'

// 市 > 区A > 街道A1 > 支部a ; 区B > 街道B1 > 支部b
const branchA = { id: 'bA', ancestors: PATH_A }
const branchB = { id: 'bB', ancestors: ['city', 'dB', 'sB1'] }
const streetA = { id: 'sA1', ancestors: ['city', 'dA'] }

const member = actor({})
const secretary = actor({ roles: ['member', 'secretary'] })
const committee = actor({ roles: ['member', 'committee'] })
const streetAdmin = actor({ roles: ['member', 'admin'], adminOrgId: 'sA1' })
const otherDistrictAdmin = actor({ roles: ['member', 'admin'], adminOrgId: 'dB' })
const cityAdmin = actor({ roles: ['member', 'admin'], adminOrgId: 'city' })

describe('managesLecturesOf', () => {
  it.each([
    ['plain member, own branch', member, branchA, false],
    ['secretary, own branch', secretary, branchA, true],
    ['committee member, own branch', committee, branchA, true],
    ['secretary, other branch', secretary, branchB, false],
    ['secretary, the street above', secretary, streetA, false],
    ['street admin, branch below', streetAdmin, branchA, true],
    ['street admin, the street itself', streetAdmin, streetA, true],
    ['street admin, other district', streetAdmin, branchB, false],
    ['other district admin', otherDistrictAdmin, branchA, false],
    ['city admin, anywhere', cityAdmin, branchB, true],
  ])('%s → %s', (_what, who, node, allowed) => {
    expect(managesLecturesOf(who, node)).toBe(allowed)
  })

  it('needs the admin role, not only an adminOrgId', () => {
    expect(managesLecturesOf(actor({ adminOrgId: 'city' }), branchA)).toBe(false)
  })
})

describe('managesRosterOf', () => {
  it('is for the secretary and the administrators above, not committee members', () => {
    expect(managesRosterOf(secretary, branchA)).toBe(true)
    expect(managesRosterOf(committee, branchA)).toBe(false)
    expect(managesRosterOf(streetAdmin, branchA)).toBe(true)
    expect(managesRosterOf(secretary, branchB)).toBe(false)
  })
})

describe('administers (the repair after a crash)', () => {
  it('is for administrators above the node, not its officers', () => {
    expect(administers(streetAdmin, branchA)).toBe(true)
    expect(administers(cityAdmin, branchB)).toBe(true)
    expect(administers(otherDistrictAdmin, branchA)).toBe(false)
    expect(administers(secretary, branchA)).toBe(false)
    expect(administers(committee, branchA)).toBe(false)
    expect(administers(actor({ adminOrgId: 'city' }), branchA)).toBe(false)
  })
})

describe('canSeeLecture', () => {
  const lecture = (hostOrgId: string, over = {}) => ({ openToAll: false, hostOrgId, coHostOrgIds: [], ...over })
  it('shows own branch, its ancestors, co-hosted and open lectures', () => {
    expect(canSeeLecture(member, lecture('bA'))).toBe(true)
    expect(canSeeLecture(member, lecture('dA'))).toBe(true)
    expect(canSeeLecture(member, lecture('bB'))).toBe(false)
    expect(canSeeLecture(member, lecture('bB', { coHostOrgIds: ['bA'] }))).toBe(true)
    expect(canSeeLecture(member, lecture('bB', { openToAll: true }))).toBe(true)
  })
})

describe('mayNameLecturer', () => {
  const lecturer = (memberId: string, branch = branchA) => ({ memberId, branch })
  it.each([
    ['a secretary, themselves', secretary, lecturer('m'), true],
    ['a secretary, a member of their branch', secretary, lecturer('m2'), true],
    ['a committee member, a member of their branch', committee, lecturer('m2'), true],
    ['a secretary, a member of another branch', secretary, lecturer('m3', branchB), false],
    ['a street admin, a member of a branch below', streetAdmin, lecturer('m2'), true],
    ['a street admin, a member of another district', streetAdmin, lecturer('m3', branchB), false],
    ['a city admin, anyone', cityAdmin, lecturer('m3', branchB), true],
  ])('%s → %s', (_what, who, named, allowed) => {
    expect(mayNameLecturer(who, named)).toBe(allowed)
  })

  it('lets anyone name themselves, wherever their branch is (the credit still needs a held lecture)', () => {
    expect(mayNameLecturer(otherDistrictAdmin, lecturer('m'))).toBe(true)
  })
})

describe('transfers and deactivation (role × node)', () => {
  // a member of branch a moves to branch b (another district)
  const transfer = { from: branchA, to: branchB }
  const secretaryB = actor({ branchId: 'bB', path: ['city', 'dB', 'sB1', 'bB'], roles: ['member', 'secretary'] })
  it.each([
    ['old branch secretary', secretary, true, false],
    ['old branch committee member', committee, false, false],
    ['plain member', member, false, false],
    ['new branch secretary', secretaryB, false, true],
    ['street admin above the old branch', streetAdmin, true, false],
    ['district admin above the new branch', otherDistrictAdmin, false, true],
    ['city admin', cityAdmin, true, true],
  ])('%s: start/withdraw %s, accept/decline %s', (_what, who, fromSide, toSide) => {
    expect(mayActOnTransfer(who, 'from', transfer)).toBe(fromSide)
    expect(mayActOnTransfer(who, 'to', transfer)).toBe(toSide)
  })

  it('a branch’s transfers are seen by whoever keeps its roster', () => {
    expect(seesTransfersOf(secretaryB, branchB)).toBe(true)
    expect(seesTransfersOf(secretary, branchB)).toBe(false)
  })

  it('deactivating: the roster keepers, never oneself', () => {
    expect(mayDeactivate(secretary, { id: 'm-2', branch: branchA })).toBe(true)
    expect(mayDeactivate(secretary, { id: 'm', branch: branchA })).toBe(false)
    expect(mayDeactivate(committee, { id: 'm-2', branch: branchA })).toBe(false)
    expect(mayDeactivate(streetAdmin, { id: 'm-2', branch: branchA })).toBe(true)
    expect(mayDeactivate(otherDistrictAdmin, { id: 'm-2', branch: branchA })).toBe(false)
  })
})

describe('appointRefusal', () => {
  const node = (id: string, ancestors: string[], over: Partial<AppointNode> = {}): AppointNode => ({
    id,
    ancestors,
    kind: 'street',
    closed: false,
    ...over,
  })
  const street = node('sA1', ['city', 'dA'])
  const districtA = node('dA', ['city'], { kind: 'district' })
  const cityNode = node('city', [], { kind: 'city' })
  const appointee = (over = {}) => ({ name: '李四', home: branchA, inactive: false, ...over })

  it.each([
    ['a street admin, at their street', streetAdmin, street, undefined],
    ['a city admin, at a district', cityAdmin, districtA, undefined],
    ['a city admin, at the city', cityAdmin, cityNode, undefined],
    ['a street admin, at the district above (never above their own node)', streetAdmin, districtA, 'FORBIDDEN'],
    ['a street admin, at the city', streetAdmin, cityNode, 'FORBIDDEN'],
    ['another district’s admin', otherDistrictAdmin, street, 'FORBIDDEN'],
    ['a secretary', secretary, street, 'FORBIDDEN'],
  ])('%s → %s', (_what, who, at, code) => {
    expect(appointRefusal(who, at, 'admin', appointee())?.code).toBe(code)
    expect(appointRefusal(who, at, 'judge')?.code).toBe(code)
  })

  it('appoints at the nodes above the branches only, and at open ones', () => {
    const branch = node('bA', PATH_A, { kind: 'branch' })
    expect(appointRefusal(cityAdmin, branch, 'admin', appointee())).toMatchObject({
      code: 'INVALID_INPUT',
      explanation: expect.stringContaining('支部不设管理员'),
    })
    for (const kind of ['district', 'committee', 'street', 'partyCommittee'] as const) {
      expect(appointRefusal(cityAdmin, node('x', ['city'], { kind }), 'judge', appointee())).toBeUndefined()
    }
    expect(appointRefusal(cityAdmin, { ...street, closed: true }, 'admin')?.code).toBe('NODE_CLOSED')
  })

  it('appoints only active members from under the caller', () => {
    expect(appointRefusal(streetAdmin, street, 'admin', appointee({ home: branchB }))?.code).toBe('FORBIDDEN')
    expect(appointRefusal(streetAdmin, street, 'admin', appointee({ inactive: true }))?.code).toBe('MEMBER_INACTIVE')
    // an outsider's home is the node they were appointed at
    expect(appointRefusal(streetAdmin, street, 'judge', appointee({ home: street }))).toBeUndefined()
  })

  it('refuses someone who holds the role at another node, naming it; the same node again is no refusal', () => {
    const holds = { id: 'sA2', name: '千佛山街道' }
    expect(appointRefusal(cityAdmin, street, 'admin', appointee({ holds }))).toEqual({
      code: 'INVALID_STATE',
      explanation: '李四已是千佛山街道的管理员，一人只担任一个组织的管理员；请先撤下原来的任命',
    })
    expect(appointRefusal(cityAdmin, street, 'judge', appointee({ holds }))?.explanation).toContain('评审专家')
    expect(appointRefusal(cityAdmin, street, 'admin', appointee({ holds: { id: 'sA1', name: 'x' } }))).toBeUndefined()
  })
})

describe('dismissRefusal and minAdminsLeft', () => {
  it('lets whoever administers the node dismiss, themselves included, and nobody else', () => {
    expect(dismissRefusal(streetAdmin, streetA)).toBeUndefined()
    expect(dismissRefusal(cityAdmin, streetA)).toBeUndefined()
    expect(dismissRefusal(streetAdmin, { id: 'dA', ancestors: ['city'] })?.code).toBe('FORBIDDEN')
    expect(dismissRefusal(secretary, streetA)?.code).toBe('FORBIDDEN')
  })

  it('keeps one administrator at the city and none required elsewhere', () => {
    expect(minAdminsLeft({ parentId: null })).toBe(1)
    expect(minAdminsLeft({ parentId: 'city' })).toBe(0)
  })
})

describe('branchRoleRefusal', () => {
  const branch = { ...branchA, kind: 'branch' as const }
  const plain = { inactive: false, outsider: false }

  it('is for the administrators above the branch only, not its secretary', () => {
    expect(branchRoleRefusal(streetAdmin, branch, plain, 'committee')).toBeUndefined()
    expect(branchRoleRefusal(secretary, branch, plain, 'committee')?.code).toBe('FORBIDDEN')
    expect(branchRoleRefusal(otherDistrictAdmin, branch, plain, 'committee')?.code).toBe('FORBIDDEN')
  })

  it('refuses outsiders, nodes that are not branches, inactive members and a second secretary', () => {
    expect(branchRoleRefusal(streetAdmin, branch, { ...plain, outsider: true }, 'member')?.code).toBe('INVALID_STATE')
    expect(branchRoleRefusal(streetAdmin, { ...streetA, kind: 'street' }, plain, 'member')?.code).toBe('INVALID_STATE')
    expect(branchRoleRefusal(streetAdmin, branch, { ...plain, inactive: true }, 'member')?.code).toBe('MEMBER_INACTIVE')
    expect(branchRoleRefusal(streetAdmin, branch, plain, 'secretary', '王芳')).toEqual({
      code: 'INVALID_STATE',
      explanation: '本支部的书记是王芳，一个支部只有一位书记；请先把王芳改为委员或党员',
    })
    expect(branchRoleRefusal(streetAdmin, branch, plain, 'secretary')).toBeUndefined()
  })
})
