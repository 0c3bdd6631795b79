/** 师资库 rules: who keeps and edits a profile, whom a secretary must invite, and how an invitation moves. */
import {
  answerRefusal,
  districtOf,
  editRefusal,
  editScope,
  inviteRefusal,
  lecturerOnLecture,
  keepRefusal,
  memberProfileId,
  needsInvitation,
  nextStatus,
  profileNode,
} from '../../src/shared/lecturerRules'
import { actor, PATH_A } from '../support/actors'

// 市 > 区A > 街道A1 > 支部a, 支部a2 ; 区B > 街道B1 > 支部b
const plain = actor({})
const secretaryA = actor({ memberId: 'sec', roles: ['secretary'] })
const streetAdmin = actor({ memberId: 'sa', roles: ['member', 'admin'], adminOrgId: 'sA1' })
const districtB = actor({
  memberId: 'db',
  branchId: 'bB',
  path: ['city', 'dB', 'sB1', 'bB'],
  roles: ['admin'],
  adminOrgId: 'dB',
})
const cityAdmin = actor({ memberId: 'ca', roles: ['admin'], adminOrgId: 'city' })
const notAdminAnyMore = actor({ memberId: 'x', roles: ['member'], adminOrgId: 'sA1' })

/** A bound member of 支部a, and an outsider kept at 街道A1. */
const ownProfile = { orgId: 'bA', orgPath: [...PATH_A, 'bA'], memberId: 'm', status: 'active' as const }
const outsider = { orgId: 'sA1', orgPath: ['city', 'dA', 'sA1'], status: 'active' as const }

describe('profile places', () => {
  it('a member’s profile id is one per member; a node is its path without itself; the district is the second level', () => {
    expect(memberProfileId('m1')).toBe('m:m1')
    expect(profileNode(ownProfile)).toEqual({ id: 'bA', ancestors: PATH_A })
    expect(districtOf(['city', 'dA', 'sA1'])).toBe('dA')
    expect(districtOf(['city'])).toBeUndefined()
  })
})

describe('keepRefusal: 入库 and 移出', () => {
  it.each([
    ['street admin, branch below', streetAdmin, ownProfile, undefined],
    ['street admin, own node', streetAdmin, outsider, undefined],
    ['city admin, anywhere', cityAdmin, ownProfile, undefined],
    ['district admin of another district', districtB, ownProfile, 'FORBIDDEN'],
    ['branch secretary', secretaryA, ownProfile, 'FORBIDDEN'],
    ['the member themselves', plain, ownProfile, 'FORBIDDEN'],
    ['an admin node without the role', notAdminAnyMore, outsider, 'FORBIDDEN'],
  ])('%s', (_what, who, profile, code) => {
    expect(keepRefusal(who, profileNode(profile))?.code).toBe(code)
  })

  it('an administrator below the profile’s node does not keep it', () => {
    const branchAdmin = actor({ roles: ['admin'], adminOrgId: 'bA' })
    expect(keepRefusal(branchAdmin, profileNode(outsider))?.code).toBe('FORBIDDEN')
  })
})

describe('editing', () => {
  it('administrators edit all; the bound member their own fields; others nothing', () => {
    expect(editScope(streetAdmin, ownProfile)).toBe('all')
    expect(editScope(plain, ownProfile)).toBe('own')
    expect(editScope(secretaryA, ownProfile)).toBeUndefined()
    expect(editScope(plain, outsider)).toBeUndefined()
  })

  it('refuses someone else’s profile, all fields to the member, and a removed profile', () => {
    expect(editRefusal(plain, ownProfile, 'own')).toBeUndefined()
    expect(editRefusal(plain, ownProfile, 'all')?.code).toBe('FORBIDDEN')
    expect(editRefusal(secretaryA, ownProfile, 'own')?.code).toBe('FORBIDDEN')
    expect(editRefusal(districtB, ownProfile, 'all')?.code).toBe('FORBIDDEN')
    expect(editRefusal(streetAdmin, { ...ownProfile, status: 'removed' }, 'all')?.code).toBe('LECTURER_REMOVED')
  })
})

describe('needsInvitation', () => {
  it('own branch’s member, oneself, or a kept outsider is named; another node’s lecturer is invited', () => {
    expect(needsInvitation(secretaryA, ownProfile)).toBe(false)
    expect(needsInvitation(plain, ownProfile)).toBe(false)
    expect(needsInvitation(streetAdmin, outsider)).toBe(false)
    expect(needsInvitation(secretaryA, outsider)).toBe(true)
    expect(needsInvitation(districtB, ownProfile)).toBe(true)
  })
})

describe('invitations', () => {
  const now = new Date('2026-06-01T00:00:00Z')
  const later = new Date('2026-06-02T00:00:00Z')
  const lecture = { host: { id: 'bA', ancestors: PATH_A }, status: 'published', endAt: later }

  it('is sent by the lecture’s managers for an active lecturer and a lecture not over', () => {
    expect(inviteRefusal(secretaryA, lecture, outsider, now)).toBeUndefined()
    expect(inviteRefusal(plain, lecture, outsider, now)?.code).toBe('FORBIDDEN')
    expect(inviteRefusal(secretaryA, lecture, { status: 'removed' }, now)?.code).toBe('LECTURER_REMOVED')
    expect(inviteRefusal(secretaryA, { ...lecture, status: 'cancelled' }, outsider, now)?.code).toBe('INVALID_STATE')
    expect(inviteRefusal(secretaryA, lecture, outsider, later)?.code).toBe('INVALID_STATE')
  })

  it('moves once from pending; declining needs a reason', () => {
    expect(nextStatus('pending', 'accept')).toEqual({ status: 'accepted' })
    expect(nextStatus('pending', 'decline', '那天在外地')).toEqual({ status: 'declined' })
    expect(nextStatus('pending', 'withdraw')).toEqual({ status: 'withdrawn' })
    expect(nextStatus('pending', 'decline', '  ')).toMatchObject({ code: 'INVALID_INPUT' })
    for (const from of ['accepted', 'declined', 'withdrawn'] as const) {
      expect(nextStatus(from, 'accept')).toMatchObject({ code: 'INVALID_STATE' })
    }
  })

  it('the bound lecturer answers their own; the inviting side records an outsider’s and withdraws', () => {
    const from = { id: 'bA', ancestors: PATH_A }
    const toMember = { memberId: 'db' }
    const toOutsider = {}
    expect(answerRefusal(districtB, toMember, from, 'answer')).toBeUndefined()
    expect(answerRefusal(plain, toMember, from, 'answer')?.code).toBe('FORBIDDEN')
    expect(answerRefusal(plain, toOutsider, from, 'answer')?.code).toBe('FORBIDDEN')
    expect(answerRefusal(secretaryA, toOutsider, from, 'record')).toBeUndefined()
    expect(answerRefusal(streetAdmin, toOutsider, from, 'record')).toBeUndefined()
    expect(answerRefusal(secretaryA, toMember, from, 'record')?.code).toBe('INVALID_STATE')
    expect(answerRefusal(secretaryA, toMember, from, 'withdraw')).toBeUndefined()
    expect(answerRefusal(districtB, toOutsider, from, 'record')?.code).toBe('FORBIDDEN')
    expect(answerRefusal(plain, toMember, from, 'withdraw')?.code).toBe('FORBIDDEN')
  })
})

describe('lecturerOnLecture', () => {
  it('names a bound member with title, member and profile; an outsider without an empty title or member', () => {
    const bound = { _id: 'm:m1', name: '吴思英', title: '支部书记', memberId: 'm1', speakerRole: 'secretary' as const }
    expect(lecturerOnLecture(bound)).toEqual({
      lecturer: { name: '吴思英', title: '支部书记', memberId: 'm1', profileId: 'm:m1' },
      speakerRole: 'secretary',
    })
    expect(lecturerOnLecture({ _id: 'lp-1', name: '于永亮', title: '', speakerRole: 'expert' })).toEqual({
      lecturer: { name: '于永亮', profileId: 'lp-1' },
      speakerRole: 'expert',
    })
  })
})
