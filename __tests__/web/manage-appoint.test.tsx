import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ManageAppoint from '../../src/manage/appoint'
import type { AppointmentView, AuditView, MemberHit, OrgNodeView } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { type } from './support/fill'
import { BRANCH, meReply } from './support/replies'
import { expectTexts, tapThenSee } from './support/see'
import { callMock, ok, resetCalls, serve, type Handler } from './support/serve'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const showModal = Taro.showModal as unknown as jest.Mock

const NODE = { id: 'd-1', name: '历下区', kind: 'district' as const }
const ADMIN = meReply({ roles: ['member', 'admin'], manages: [NODE, BRANCH] })

function appointment(over: Partial<AppointmentView> = {}): AppointmentView {
  return {
    memberId: 'm-2',
    name: '王芳',
    phone: '138****1234',
    orgId: 'd-1',
    orgName: '历下区',
    orgKind: 'district',
    role: 'admin',
    outsider: false,
    bound: true,
    ...over,
  }
}

const LIST = [
  appointment(),
  appointment({ memberId: 'm-3', name: '赵教授', role: 'judge', outsider: true, bound: false, inviteCode: 'Q7K2MX' }),
]

const HIT: MemberHit = {
  id: 'm-5',
  name: '李明',
  phone: '139****5678',
  branchId: 'b-1',
  branchName: '城关村党支部',
  roles: ['member'],
  outsider: false,
}

const STREET: OrgNodeView = {
  id: 's-1',
  name: '文化东路街道',
  kind: 'street',
  parentId: 'd-1',
  path: ['c-1', 'd-1'],
  closed: false,
  children: 3,
}

function serveAppoint(more: Record<string, Handler> = {}, me = ADMIN) {
  serve({
    'member.me': () => me,
    'org.appointments': () => ok({ node: NODE, appointments: LIST }),
    ...more,
  })
}

beforeEach(() => {
  resetCalls()
  process.env.TARO_ENV = 'h5'
})

describe('manage: administrators and judges', () => {
  it("lists the appointments at the administrator's node and below, with an unbound one's invite code", async () => {
    serveAppoint()
    render(<ManageAppoint />)
    expect(await screen.findByText('赵教授')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('org', 'appointments', { orgId: 'd-1' })
    expectTexts('历下区 及下级组织', '现任（2人）', '历下区 · 138****1234 · 已绑定', 'Q7K2MX')
    expect(screen.getByText('评审专家')).toHaveClass('manage-appoint__role--judge')
  })

  it('tells a member who administers nothing that the page is not theirs', async () => {
    serveAppoint({}, meReply({ manages: [BRANCH] }))
    render(<ManageAppoint />)
    expect(await screen.findByText('只有组织管理员可以任命管理员和评审专家。')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalledWith('org', 'appointments', expect.anything())
  })

  it('removes after a confirmation, and shows the last administrator refusal as the server words it', async () => {
    serveAppoint({ 'org.dismiss': () => refusal('LAST_ADMIN') })
    render(<ManageAppoint />)
    await screen.findByText('赵教授')
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getAllByText('撤下')[0])
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(showModal.mock.calls[0][0].content).toBe(
      '撤下王芳的「历下区」管理员职务？撤下后，对方下次打开小程序时就不再有这个权限。',
    )
    expect(callMock).not.toHaveBeenCalledWith('org', 'dismiss', expect.anything())

    fireEvent.click(screen.getAllByText('撤下')[0])
    expect(await screen.findByText(ERROR_MESSAGES.LAST_ADMIN)).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('org', 'dismiss', { memberId: 'm-2', role: 'admin' })
  })

  it('appoints a member found by name as administrator of a street found by name', async () => {
    serveAppoint({
      'org.searchMembers': () => ok({ members: [HIT] }),
      'org.find': () => ok({ nodes: [STREET, { ...STREET, id: 'b-9', name: '某支部', kind: 'branch' as const }] }),
      'org.appoint': (p) => ok(appointment({ memberId: p.memberId as string, name: '李明', orgName: '文化东路街道' })),
    })
    render(<ManageAppoint />)
    await screen.findByText('赵教授')
    fireEvent.click(screen.getByText('任命'))
    type('姓名、手机号或手机号后4位', '李')
    fireEvent.click(screen.getAllByText('搜索')[0])
    fireEvent.click(await screen.findByText('李明'))
    expect(screen.getByText('换一个人')).toBeInTheDocument()

    type('换一个组织：输入名称搜索', '街道')
    fireEvent.click(screen.getByText('搜索'))
    // a branch has its secretary, not administrators: not offered
    fireEvent.click(await screen.findByText('文化东路街道'))
    expect(screen.queryByText('某支部')).not.toBeInTheDocument()
    expect(screen.getByText('任职组织：文化东路街道')).toBeInTheDocument()

    fireEvent.click(screen.getByText('管理员'))
    fireEvent.click(screen.getAllByText('任命')[1])
    expect(await screen.findByText('已任命李明为「文化东路街道」管理员')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('org', 'appoint', { memberId: 'm-5', orgId: 's-1', role: 'admin' })
    expect(screen.getByText('对方下次打开小程序时生效。')).toBeInTheDocument()
  })

  it('invites an outsider as judge and shows the code large, with where to type it', async () => {
    serveAppoint({
      'org.invite': (p) =>
        ok(appointment({ name: p.name as string, role: 'judge', outsider: true, bound: false, inviteCode: 'ZX81PQ' })),
    })
    render(<ManageAppoint />)
    await screen.findByText('赵教授')
    await tapThenSee('邀请外部人员', '生成邀请码')
    type('姓名', ' 孙老师 ')
    type('手机号', '13700001111')
    fireEvent.click(screen.getByText('评审专家'))
    fireEvent.click(screen.getByText('生成邀请码'))
    expect(await screen.findByText('ZX81PQ')).toHaveClass('manage-appoint__big-code')
    expect(callMock).toHaveBeenCalledWith('org', 'invite', {
      orgId: 'd-1',
      role: 'judge',
      name: '孙老师',
      phone: '13700001111',
    })
    expectTexts(
      '孙老师（「历下区」评审专家）的邀请码：',
      '请把邀请码告诉对方：对方在小程序「绑定身份」页输入这个邀请码。',
    )
  })

  it('shows the audit newest first and loads the next page', async () => {
    const entry = (id: string, detail: string): AuditView => ({
      id,
      action: 'appoint',
      byName: '张部长',
      orgId: 'd-1',
      detail,
      at: '2026-11-28T06:30:00.000Z',
    })
    serveAppoint({
      'org.audit': (p) =>
        p.cursor
          ? ok({ items: [entry('a-2', '撤下 王芳 的 历下区 管理员')] })
          : ok({
              items: [entry('a-1', '任命 李明 为 文化东路街道 管理员')],
              next: { at: '2026-11-28T06:30:00.000Z', id: 'a-1' },
            }),
    })
    render(<ManageAppoint />)
    await screen.findByText('赵教授')
    await tapThenSee('操作记录', '任命 李明 为 文化东路街道 管理员')
    expect(screen.getByText(/张部长/)).toBeInTheDocument()
    await tapThenSee('加载更多', '撤下 王芳 的 历下区 管理员')
    expect(callMock).toHaveBeenLastCalledWith('org', 'audit', {
      orgId: 'd-1',
      cursor: { at: '2026-11-28T06:30:00.000Z', id: 'a-1' },
    })
    expect(screen.queryByText('加载更多')).not.toBeInTheDocument()
  })
})
