import {
  type Actor,
  administers,
  canSeeLecture,
  managesLecturesOf,
  managesRosterOf,
  mayActOnTransfer,
  mayDeactivate,
  mayNameLecturer,
  seesTransfersOf,
} from '../../src/shared/rights'

// 市 > 区A > 街道A1 > 支部a ; 区B > 街道B1 > 支部b
const PATH_A = ['city', 'dA', 'sA1']
const branchA = { id: 'bA', ancestors: PATH_A }
const branchB = { id: 'bB', ancestors: ['city', 'dB', 'sB1'] }
const streetA = { id: 'sA1', ancestors: ['city', 'dA'] }

const actor = (over: Partial<Actor>): Actor => ({
  memberId: 'm',
  name: '张三',
  branchId: 'bA',
  path: [...PATH_A, 'bA'],
  roles: ['member'],
  ...over,
})
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
