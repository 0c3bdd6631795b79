/** A lecturer's profile page (member/lecturer): 邀请讲课 for a secretary or administrator of another node. */
import { fireEvent, render, screen } from '@testing-library/react'
import Lecturer from '../../src/member/lecturer'
import type { LecturerProfile } from '../../src/shared/contract'
import { refusal } from '../../src/shared/errors'
import { lectureSummary } from './support/replies'
import { callMock, ok, resetPage, serve } from './support/serve'
import { tapThenSee } from './support/see'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))
const mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () =>
  jest.requireActual('./support/taroWith').taroWith({
    useRouter: () => ({ params: mockParams, path: '/member/lecturer/index' }),
  }),
)

const profile = (over: Partial<LecturerProfile> = {}): LecturerProfile => ({
  id: 'lp-9',
  name: '于永亮',
  unit: '中共济南市委党校',
  title: '教授',
  speakerRole: 'expert',
  themes: ['standard'],
  topicIds: [],
  orgId: 'org-lixia',
  districtId: 'org-lixia',
  status: 'active',
  given: 3,
  ratingCount: 0,
  canManage: false,
  needsInvitation: true,
  intro: '讲党史',
  isMine: false,
  canInvite: true,
  lectures: [],
  awards: [],
  ...over,
})
const soon = new Date(Date.now() + 3 * 86400_000)
const iso = (d: Date) => d.toISOString()
const upcoming = lectureSummary({
  id: 'l-up',
  title: '学习新思想',
  startAt: iso(soon),
  endAt: iso(new Date(soon.getTime() + 3600_000)),
})
const draft = lectureSummary({
  id: 'l-draft',
  title: '草稿里的党课',
  status: 'draft',
  startAt: iso(soon),
  endAt: iso(new Date(soon.getTime() + 3600_000)),
})
const pastDraft = lectureSummary({ id: 'l-old', title: '过期的草稿', status: 'draft', endAt: '2020-01-01T00:00:00Z' })

beforeEach(() => resetPage(mockParams, { id: 'lp-9' }))

const serveProfile = (p: LecturerProfile, invite = () => ok({})) =>
  serve({
    'lecturer.profile': () => ok(p),
    'lecture.managed': (q) => ok({ items: q.scope === 'drafts' ? [draft, pastDraft] : [upcoming] }),
    'lecturer.invite': invite,
  })

const openInvite = async () => {
  fireEvent.click(await screen.findByText('邀请于永亮讲课'))
  expect(await screen.findByText('学习新思想')).toBeInTheDocument()
}

describe('member/lecturer: 邀请讲课', () => {
  it('picks one of the caller’s lectures not yet held and sends the invitation', async () => {
    serveProfile(profile())
    render(<Lecturer />)
    await openInvite()
    expect(screen.getByText('草稿里的党课')).toBeInTheDocument()
    expect(screen.queryByText('过期的草稿')).not.toBeInTheDocument()
    expect(screen.getByText('发出邀请')).toBeDisabled()
    fireEvent.click(screen.getByText('草稿里的党课'))
    await tapThenSee('发出邀请', '已邀请于永亮讲「草稿里的党课」，请联系对方后，在 师资库 › 发出的邀请 里登记答复')
    expect(callMock).toHaveBeenCalledWith('lecturer', 'invite', { lectureId: 'l-draft', lecturerId: 'lp-9' })
  })

  it('tells a bound lecturer’s inviter that the answer comes on their 我的', async () => {
    serveProfile(profile({ memberId: 'm-7' }))
    render(<Lecturer />)
    await openInvite()
    fireEvent.click(screen.getByText('学习新思想'))
    await tapThenSee('发出邀请', '已邀请于永亮讲「学习新思想」，对方会在“我的”里答复')
  })

  it('shows the refusal and keeps the choice', async () => {
    serveProfile(profile(), () => refusal('INVALID_STATE', '这场党课已结束或已取消'))
    render(<Lecturer />)
    await openInvite()
    fireEvent.click(screen.getByText('学习新思想'))
    await tapThenSee('发出邀请', '这场党课已结束或已取消')
    expect(screen.getByText('发出邀请')).toBeInTheDocument()
  })

  it('offers nothing to one who cannot invite (a plain member, or the lecturer’s own node)', async () => {
    serveProfile(profile({ canInvite: false }))
    render(<Lecturer />)
    expect(await screen.findByText('讲党史')).toBeInTheDocument()
    expect(screen.queryByText('邀请讲课')).not.toBeInTheDocument()
  })
})
