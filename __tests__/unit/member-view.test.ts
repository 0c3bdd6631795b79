import type { Me, MyLectureItem } from '../../src/shared/contract'
import { groupMyLectures, manageEntries, roleNames } from '../../src/utils/member'
import { lectureSummary } from '../support/lectures'

type Member = NonNullable<Me['member']>

const member = (over: Partial<Member> = {}): Member => ({
  id: 'm-0001',
  name: '王建国',
  branchId: 'b1',
  branchName: '城关村党支部',
  roles: ['member'],
  manages: [],
  ...over,
})

describe('roleNames', () => {
  it('writes offices first, in Chinese', () => {
    expect(roleNames(['member', 'secretary'])).toBe('支部书记、党员')
    expect(roleNames(['judge', 'admin', 'member'])).toBe('组织管理员、评审专家、党员')
    expect(roleNames(['member'])).toBe('党员')
  })
})

describe('manageEntries', () => {
  const branch = [{ id: 'b1', name: '城关村党支部', kind: 'branch' as const }]

  it('gives an administrator listed only a few of many branches (managesMore) the same entries', () => {
    const some = manageEntries(member({ roles: ['member', 'admin'], manages: branch }))
    expect(manageEntries(member({ roles: ['member', 'admin'], manages: branch, managesMore: true }))).toEqual(some)
  })

  it('gives a plain member none', () => {
    expect(manageEntries(member())).toEqual([])
  })

  it('gives a secretary lectures, roster, proposals and the lecturer pool', () => {
    expect(manageEntries(member({ roles: ['member', 'secretary'], manages: branch }))).toEqual([
      { title: '党课管理', url: '/manage/lectures/index' },
      { title: '党员名册', url: '/manage/members/index' },
      { title: '自荐审核', url: '/manage/proposals/index' },
      { title: '师资库', url: '/manage/pool/index' },
    ])
  })

  it('gives a committee member lectures and proposals but not the roster (rights.ts managesRosterOf)', () => {
    expect(manageEntries(member({ roles: ['member', 'committee'], manages: branch })).map((e) => e.title)).toEqual([
      '党课管理',
      '自荐审核',
      '师资库',
    ])
  })

  it('gives an administrator the roster too', () => {
    const street = [{ id: 's1', name: '泉城路街道', kind: 'street' as const }]
    expect(manageEntries(member({ roles: ['admin'], manages: street })).map((e) => e.title)).toContain('党员名册')
  })

  it('gives an administrator the tree and the appointments, and a secretary neither', () => {
    const street = [{ id: 's1', name: '泉城路街道', kind: 'street' as const }]
    expect(manageEntries(member({ roles: ['admin'], manages: street })).slice(-2)).toEqual([
      { title: '组织架构', url: '/manage/org/index' },
      { title: '管理员与评审专家', url: '/manage/appoint/index' },
    ])
    const secretary = manageEntries(member({ roles: ['member', 'secretary'], manages: branch }))
    expect(secretary.map((e) => e.title)).not.toContain('组织架构')
  })

  it('gives the administrators of the city and of a district their key-topic list (重点选题)', () => {
    const district = [{ id: 'd1', name: '历下区', kind: 'district' as const }]
    expect(manageEntries(member({ roles: ['admin'], manages: district })).at(-1)).toEqual({
      title: '重点选题',
      url: '/manage/topics/index',
    })
  })
})

describe('groupMyLectures', () => {
  const item = (id: string, status: MyLectureItem['status'], position?: number): MyLectureItem => ({
    lecture: lectureSummary({
      id,
      title: id,
      startAt: '2025-11-28T14:30:00+08:00',
      endAt: '2025-11-28T16:00:00+08:00',
    }),
    status,
    position,
  })

  it('sorts upcoming sign-ups by state, leaves out cancelled ones, and keeps past seats as attended', () => {
    const groups = groupMyLectures(
      [
        item('a', 'confirmed'),
        item('b', 'waitlisted', 2),
        item('c', 'pending'),
        item('d', 'cancelled'),
        item('e', 'declined'),
      ],
      [item('p1', 'confirmed'), item('p2', 'waitlisted'), item('p3', 'cancelled')],
    )
    const ids = (list: MyLectureItem[]) => list.map((i) => i.lecture.id)
    expect(ids(groups.signedUp)).toEqual(['a'])
    expect(ids(groups.waitlisted)).toEqual(['b'])
    expect(groups.waitlisted[0].position).toBe(2)
    expect(ids(groups.pending)).toEqual(['c'])
    expect(ids(groups.declined)).toEqual(['e'])
    expect(ids(groups.attended)).toEqual(['p1'])
  })
})
