import { chinaDateTime } from '../../src/shared/chinaTime'
import type { LectureDoc, SignupDoc } from '../../src/shared/model'
import type { Actor } from '../../src/shared/rights'
import {
  byScope,
  cancelRefusal,
  cancelUntil,
  countByStatus,
  decideRefusal,
  entryFor,
  freedBy,
  isUpcoming,
  positionOnJoining,
  rosterFileName,
  rosterRows,
  rosterSheetRows,
  signupId,
  signupRefusal,
} from '../../src/shared/signupRules'

const now = new Date('2026-03-01T02:00:00Z') // 10:00 in Beijing
const hours = (h: number) => new Date(now.getTime() + h * 3600_000)

const member: Actor = {
  memberId: 'm-1',
  name: '王芳',
  branchId: 'br-a',
  path: ['org-city', 'org-district', 'org-street', 'br-a'],
  roles: ['member'],
}

const lecture = {
  status: 'published' as LectureDoc['status'],
  openToAll: false,
  hostOrgId: 'br-a',
  coHostOrgIds: [] as string[],
  signupDeadline: hours(24),
  startAt: hours(26),
  endAt: hours(28),
  cancelPolicy: 'untilDeadline' as LectureDoc['cancelPolicy'],
}

describe('signupRefusal', () => {
  it('lets a member sign up for a published lecture they can see before the deadline', () => {
    expect(signupRefusal(lecture, member, now)).toBeUndefined()
    expect(signupRefusal({ ...lecture, hostOrgId: 'org-district' }, member, now)).toBeUndefined()
    expect(signupRefusal({ ...lecture, hostOrgId: 'br-x', coHostOrgIds: ['br-a'] }, member, now)).toBeUndefined()
    expect(signupRefusal({ ...lecture, hostOrgId: 'br-x', openToAll: true }, member, now)).toBeUndefined()
  })

  it('names the refusal in the order a member would ask', () => {
    expect(signupRefusal(undefined, member, now)).toBe('NOT_FOUND')
    expect(signupRefusal({ ...lecture, hostOrgId: 'br-x', status: 'draft' }, member, now)).toBe('NOT_VISIBLE')
    expect(signupRefusal({ ...lecture, hostOrgId: 'br-x' }, member, now)).toBe('NOT_VISIBLE')
    for (const status of ['draft', 'cancelled', 'finished'] as const) {
      expect(signupRefusal({ ...lecture, status }, member, now)).toBe('LECTURE_NOT_OPEN')
    }
    expect(signupRefusal({ ...lecture, signupDeadline: now }, member, now)).toBe('SIGNUP_CLOSED')
    expect(signupRefusal({ ...lecture, signupDeadline: hours(-1) }, member, now)).toBe('SIGNUP_CLOSED')
  })
})

describe('entryFor', () => {
  const counters = { approvalRequired: false, capacity: 2, signedUp: 0, waiting: 0 }
  it('gives a free seat only while nobody waits', () => {
    expect(entryFor(counters)).toBe('confirmed')
    expect(entryFor({ ...counters, signedUp: 1 })).toBe('confirmed')
    expect(entryFor({ ...counters, signedUp: 2 })).toBe('waitlisted')
    expect(entryFor({ ...counters, signedUp: 1, waiting: 1 })).toBe('waitlisted')
  })
  it('takes no seat for a lecture that needs approval', () => {
    expect(entryFor({ ...counters, approvalRequired: true })).toBe('pending')
  })
})

describe('cancelRefusal', () => {
  const confirmed = { status: 'confirmed' as const }
  it('allows cancelling a held sign-up until the policy’s moment', () => {
    for (const status of ['confirmed', 'waitlisted', 'pending'] as const) {
      expect(cancelRefusal(lecture, { status }, now)).toBeUndefined()
    }
    expect(cancelUntil(lecture)).toEqual(lecture.signupDeadline)
    expect(cancelUntil({ ...lecture, cancelPolicy: 'untilStart' })).toEqual(lecture.startAt)
  })
  it('untilDeadline ends at the deadline; untilStart at the start', () => {
    expect(cancelRefusal(lecture, confirmed, hours(24))).toBe('CANCEL_TOO_LATE')
    const untilStart = { ...lecture, cancelPolicy: 'untilStart' as const }
    expect(cancelRefusal(untilStart, confirmed, hours(25))).toBeUndefined()
    expect(cancelRefusal(untilStart, confirmed, hours(26))).toBe('CANCEL_TOO_LATE')
  })
  it('refuses what is not a held sign-up, and lectures that are not running', () => {
    expect(cancelRefusal(lecture, undefined, now)).toBe('NOT_SIGNED_UP')
    expect(cancelRefusal(lecture, { status: 'cancelled' }, now)).toBe('NOT_SIGNED_UP')
    expect(cancelRefusal(lecture, { status: 'declined' }, now)).toBe('NOT_SIGNED_UP')
    expect(cancelRefusal(undefined, confirmed, now)).toBe('NOT_FOUND')
    expect(cancelRefusal({ ...lecture, status: 'cancelled' }, confirmed, now)).toBe('LECTURE_NOT_OPEN')
    expect(cancelRefusal({ ...lecture, status: 'finished' }, confirmed, now)).toBe('CANCEL_TOO_LATE')
  })
})

it('freedBy: a seat, a waitlist place or nothing', () => {
  expect(freedBy('confirmed')).toBe('seat')
  expect(freedBy('waitlisted')).toBe('place')
  expect(freedBy('pending')).toBe('nothing')
})

it('decideRefusal: only a pending request, approved only on a published lecture', () => {
  const pub = { status: 'published' as const }
  expect(decideRefusal(pub, { status: 'pending' }, 'approve')).toBeUndefined()
  expect(decideRefusal(pub, { status: 'pending' }, 'decline')).toBeUndefined()
  expect(decideRefusal(pub, undefined, 'approve')).toBe('NOT_FOUND')
  expect(decideRefusal(pub, { status: 'confirmed' }, 'decline')).toBe('INVALID_STATE')
  expect(decideRefusal({ status: 'cancelled' }, { status: 'pending' }, 'approve')).toBe('LECTURE_NOT_OPEN')
  expect(decideRefusal({ status: 'cancelled' }, { status: 'pending' }, 'decline')).toBeUndefined()
})

it('positionOnJoining counts those who came first, less the promoted, never below 1', () => {
  expect(positionOnJoining(3, 0)).toBe(3)
  expect(positionOnJoining(3, 1)).toBe(2)
  expect(positionOnJoining(1, 1)).toBe(1)
})

it('signupId: one per member and lecture', () => {
  expect(signupId('lec-001', 'm-0001')).toBe('lec-001:m-0001')
})

describe('my lectures', () => {
  it('upcoming until the end, a cancelled lecture included; past after it or when finished', () => {
    expect(isUpcoming({ status: 'published', endAt: hours(1) }, now)).toBe(true)
    expect(isUpcoming({ status: 'cancelled', endAt: hours(1) }, now)).toBe(true)
    expect(isUpcoming({ status: 'published', endAt: now }, now)).toBe(false)
    expect(isUpcoming({ status: 'finished', endAt: hours(1) }, now)).toBe(false)
  })
  it('sorts upcoming soonest first and past latest first', () => {
    const item = (id: string, h: number) => ({ lecture: { id, startAt: hours(h).toISOString() } })
    const items = [item('b', 5), item('a', 1), item('c', 5)]
    expect(byScope(items, 'upcoming').map((i) => i.lecture.id)).toEqual(['a', 'b', 'c'])
    expect(byScope(items, 'past').map((i) => i.lecture.id)).toEqual(['b', 'c', 'a'])
  })
})

describe('roster', () => {
  const signup = (memberId: string, ticket: number, status: SignupDoc['status'], reason?: string): SignupDoc => ({
    _id: `L:${memberId}`,
    lectureId: 'L',
    memberId,
    memberName: `党员${memberId}`,
    branchId: memberId === 'c' ? 'br-b' : 'br-a',
    status,
    ticket,
    reason,
    createdAt: new Date(Date.UTC(2026, 2, 1, 16, 5 + ticket)), // 00:06 on 2 March in Beijing, onwards
    updatedAt: now,
  })
  const names = new Map([
    ['br-a', '甲支部'],
    ['br-b', '乙支部'],
  ])
  const docs = [
    signup('e', 5, 'waitlisted'),
    signup('a', 1, 'confirmed'),
    signup('c', 3, 'waitlisted'),
    signup('b', 2, 'cancelled'),
    signup('d', 4, 'declined', '名额有限'),
    signup('f', 6, 'pending'),
  ]
  const rows = rosterRows(docs, names)

  it('lists sign-ups by ticket with branch names, waitlist places and reasons', () => {
    expect(rows.map((r) => [r.memberId, r.branchName, r.status, r.position])).toEqual([
      ['a', '甲支部', 'confirmed', undefined],
      ['b', '甲支部', 'cancelled', undefined],
      ['c', '乙支部', 'waitlisted', 1],
      ['d', '甲支部', 'declined', undefined],
      ['e', '甲支部', 'waitlisted', 2],
      ['f', '甲支部', 'pending', undefined],
    ])
    expect(rows[3].reason).toBe('名额有限')
    expect(countByStatus(rows)).toEqual({ confirmed: 1, waitlisted: 2, pending: 1, declined: 1, cancelled: 1 })
  })

  it('exports in Chinese and China time, cancelled sign-ups left out', () => {
    expect(rosterSheetRows(rows)).toEqual([
      [1, '党员a', '甲支部', '已报名', '2026-03-02 00:06'],
      [2, '党员c', '乙支部', '候补第1位', '2026-03-02 00:08'],
      [3, '党员d', '甲支部', '未通过', '2026-03-02 00:09'],
      [4, '党员e', '甲支部', '候补第2位', '2026-03-02 00:10'],
      [5, '党员f', '甲支部', '待审核', '2026-03-02 00:11'],
    ])
  })

  it('writes China time whatever the machine’s zone, and a file name a computer accepts', () => {
    expect(chinaDateTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30')
    expect(rosterFileName('学党章/守党规:当先锋?', new Date('2026-03-05T06:30:00Z'))).toBe(
      '《学党章 守党规 当先锋》报名名单（2026-03-05）.xlsx',
    )
  })
})
