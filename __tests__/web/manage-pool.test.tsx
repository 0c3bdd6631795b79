/** The pool page's parts beyond the list: the invitations a node sent (发出的邀请), answered or withdrawn. */
import { fireEvent, render, screen } from '@testing-library/react'
import ManagePool from '../../src/manage/pool'
import type { InvitationView } from '../../src/shared/contract'
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
    serve({ 'member.me': () => meReply({ roles: [] }), 'lecturer.search': () => ok({ items: [], total: 0 }) })
    render(<ManagePool />)
    expect(await screen.findByText('共 0 位主讲人')).toBeInTheDocument()
    expect(screen.queryByText('发出的邀请')).not.toBeInTheDocument()
  })
})
