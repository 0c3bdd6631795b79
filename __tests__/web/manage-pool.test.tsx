/** The pool page's parts beyond the list: the district filter, and the invitations a node sent (发出的邀请). */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ManagePool from '../../src/manage/pool'
import { districtOptions } from '../../src/manage/pool/DistrictFilter'
import type { InvitationView, OrgNodeView } from '../../src/shared/contract'
import { refusal } from '../../src/shared/errors'
import { BRANCH, meReply } from './support/replies'
import { typeAt } from './support/fill'
import { callMock, type Handler, ok, resetCalls, serve } from './support/serve'
import { expectTexts, tapThenSee } from './support/see'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const invitation = (over: Partial<InvitationView> = {}): InvitationView => ({
  id: 'l-1:lp-9',
  lectureId: 'l-1',
  lectureTitle: '学习新思想 做好接班人',
  lectureStartAt: '2026-12-10T06:30:00.000Z',
  lecturerId: 'lp-9',
  lecturerName: '于永亮',
  fromOrgId: 'b-1',
  fromOrgName: '城关村党支部',
  byName: '张书记',
  status: 'pending',
  createdAt: '2026-12-01T02:00:00.000Z',
  ...over,
})
const member = invitation({
  id: 'l-2:m:m-7',
  lectureTitle: '村里的党课',
  lectureStartAt: '2026-12-12T01:00:00.000Z',
  lecturerName: '吴思英',
  memberId: 'm-7',
})

/** What lecturer.record answers next. */
let recorded: Handler = () => refusal('INTERNAL')
beforeEach(() => {
  resetCalls()
  recorded = () => refusal('INTERNAL')
})

const openSent = async (items: InvitationView[]) => {
  serve({
    'topic.list': () => ok({ items: [] }),
    'member.me': () => meReply({ manages: [BRANCH] }),
    'lecturer.search': () => ok({ items: [], total: 0 }),
    'lecturer.invitations': () => ok({ items }),
    'lecturer.record': (p) => recorded(p),
  })
  const page = render(<ManagePool />)
  fireEvent.click(await screen.findByText('发出的邀请'))
  return page
}

describe('manage/pool: 发出的邀请', () => {
  it('lists the branch’s sent invitations; an outsider’s answer is recorded, a member answers themselves', async () => {
    await openSent([invitation(), member])
    expect(await screen.findByText('学习新思想 做好接班人')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('lecturer', 'invitations', { box: 'sent', orgId: 'b-1' })
    expectTexts('主讲人：于永亮', '主讲人：吴思英', '等待主讲人本人在“我的”里答复', '12月10日 14:30 · 张书记 邀请')
    // 记录接受 only for the outsider; 撤回 for both
    expect(screen.getAllByText('记录接受')).toHaveLength(1)
    expect(screen.getAllByText('撤回邀请')).toHaveLength(2)
  })

  it('records an outsider’s acceptance, and the row says so', async () => {
    await openSent([invitation()])
    await screen.findByText('记录接受')
    recorded = () => ok(invitation({ status: 'accepted' }))
    await tapThenSee('记录接受', '接受')
    expect(callMock).toHaveBeenCalledWith('lecturer', 'record', { id: 'l-1:lp-9', decision: 'accept' })
    expect(screen.queryByText('撤回邀请')).not.toBeInTheDocument()
  })

  it('records a decline only with a reason, which then shows', async () => {
    const { container } = await openSent([invitation()])
    fireEvent.click(await screen.findByText('记录婉拒'))
    fireEvent.click(screen.getByText('确认婉拒'))
    expect(screen.getByText('请填写婉拒的原因，至少2个字')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalledWith('lecturer', 'record', expect.anything())
    recorded = (p) => ok(invitation({ status: 'declined', reason: p.reason as string }))
    typeAt(container, '#decline-reason-l-1\\:lp-9', '那天在外地')
    await tapThenSee('确认婉拒', '婉拒的原因：那天在外地')
    expect(callMock).toHaveBeenCalledWith('lecturer', 'record', {
      id: 'l-1:lp-9',
      decision: 'decline',
      reason: '那天在外地',
    })
  })

  it('withdraws, and shows a refusal under the invitation', async () => {
    await openSent([member])
    recorded = () => refusal('INVALID_STATE', '这个邀请已接受')
    fireEvent.click(await screen.findByText('撤回邀请'))
    expect(await screen.findByText('这个邀请已接受')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('lecturer', 'record', { id: 'l-2:m:m-7', decision: 'withdraw' })
    recorded = () => ok({ ...member, status: 'withdrawn' as const })
    await tapThenSee('撤回邀请', '撤回')
  })

  it('offers no 发出的邀请 to a member who manages nothing', async () => {
    serve({
      'topic.list': () => ok({ items: [] }),
      'member.me': () => meReply({ roles: [] }),
      'lecturer.search': () => ok({ items: [], total: 0 }),
    })
    render(<ManagePool />)
    expect(await screen.findByText('共 0 位主讲人')).toBeInTheDocument()
    expect(screen.queryByText('发出的邀请')).not.toBeInTheDocument()
  })
})

describe('manage/pool: the district filter', () => {
  const node = (id: string, name: string, path: string[], over: Partial<OrgNodeView> = {}): OrgNodeView => ({
    id,
    name,
    kind: path.length === 0 ? 'city' : 'district',
    parentId: path[path.length - 1] ?? null,
    path,
    closed: false,
    children: 0,
    ...over,
  })
  const city = node('org-jinan', '济南市', [])
  const lixia = node('org-lixia', '历下区', ['org-jinan'])
  const shizhong = node('org-shizhong', '市中区', ['org-jinan'])
  const closed = node('org-old', '已撤销区', ['org-jinan'], { closed: true })
  const admin = meReply({ roles: ['admin'], manages: [{ id: city.id, name: city.name, kind: 'city' }] })

  it('offers the city administrator the city’s open districts and searches by the one chosen', async () => {
    serve({
      'topic.list': () => ok({ items: [] }),
      'member.me': () => admin,
      'org.children': () => ok({ node: city, ancestors: [], children: [lixia, shizhong, closed] }),
      'lecturer.search': () => ok({ items: [], total: 0 }),
    })
    render(<ManagePool />)
    fireEvent.click(await screen.findByText('市中区'))
    await waitFor(() =>
      expect(callMock).toHaveBeenLastCalledWith('lecturer', 'search', {
        districtId: 'org-shizhong',
        sort: 'rating',
        pageSize: 50,
      }),
    )
    expect(screen.getByText('全部区县')).toBeInTheDocument()
    expect(screen.queryByText('已撤销区')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('全部区县'))
    await waitFor(() =>
      expect(callMock).toHaveBeenLastCalledWith('lecturer', 'search', { sort: 'rating', pageSize: 50 }),
    )
  })

  it('offers a district’s administrator their own district, a street’s none', () => {
    expect(districtOptions({ node: lixia, ancestors: [], children: [] })).toEqual([
      { value: 'org-lixia', label: '历下区' },
    ])
    const street = node('s-1', '解放路街道', ['org-jinan', 'org-lixia'], { kind: 'street' })
    expect(districtOptions({ node: street, ancestors: [], children: [] })).toEqual([])
  })

  it('asks no tree for a secretary, who gets no district filter', async () => {
    serve({
      'topic.list': () => ok({ items: [] }),
      'member.me': () => meReply({ manages: [BRANCH] }),
      'lecturer.search': () => ok({ items: [], total: 0 }),
    })
    render(<ManagePool />)
    expect(await screen.findByText('共 0 位主讲人')).toBeInTheDocument()
    expect(screen.queryByText('全部区县')).not.toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalledWith('org', 'children', expect.anything())
  })
})

describe('manage/pool: the key-topic filter', () => {
  const topic = (id: string, title: string, status: 'published' | 'draft') => ({
    id,
    year: 2026,
    title,
    description: '',
    department: '市委组织部',
    orgId: 'org-jinan',
    orgName: '济南市',
    status,
    canManage: false,
  })

  it('offers the year’s published topics and searches by the one chosen', async () => {
    serve({
      'member.me': () => meReply({ manages: [BRANCH] }),
      'topic.list': () =>
        ok({ items: [topic('t-1', '大党学习的力量', 'published'), topic('t-2', '草稿选题', 'draft')] }),
      'lecturer.search': () => ok({ items: [], total: 0 }),
    })
    render(<ManagePool />)
    fireEvent.click(await screen.findByText('大党学习的力量'))
    await waitFor(() =>
      expect(callMock).toHaveBeenLastCalledWith('lecturer', 'search', { topicId: 't-1', sort: 'rating', pageSize: 50 }),
    )
    expect(screen.queryByText('草稿选题')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('全部选题'))
    await waitFor(() =>
      expect(callMock).toHaveBeenLastCalledWith('lecturer', 'search', { sort: 'rating', pageSize: 50 }),
    )
  })
})
