import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import ManageMembers from '../../src/manage/members'
import ManageTransfers from '../../src/manage/transfers'
import type { RosterEntry, TransferView } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { typeAt } from './support/fill'
import { BRANCH, meReply } from './support/replies'
import { expectTexts } from './support/see'
import { callMock, ok, resetCalls, serve } from './support/serve'
import { navigateTo } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const showModal = Taro.showModal as unknown as jest.Mock
const ME = meReply({ manages: [BRANCH] })

const entry = (over: Partial<RosterEntry>): RosterEntry => ({
  id: 'm-2',
  name: '李秀英',
  phone: '13900001111',
  roles: ['member'],
  bound: true,
  inviteCode: 'ABC123',
  ...over,
})
const rosterReply = (members: RosterEntry[]) => ok({ branch: { id: 'b-1', name: '城关村党支部' }, members })

const transfer = (over: Partial<TransferView>): TransferView => ({
  id: 't-1',
  memberId: 'm-9',
  memberName: '王建国',
  fromBranchId: 'b-9',
  fromBranchName: '东关村党支部',
  toBranchId: 'b-1',
  toBranchName: '城关村党支部',
  status: 'pending',
  reason: '工作调动',
  byName: '赵书记',
  createdAt: '2025-11-20T09:00:00+08:00',
  ...over,
})

beforeEach(() => {
  resetCalls()
  process.env.TARO_ENV = 'h5'
})

describe('manage: the roster’s 转出 and 退出党员名册', () => {
  it('lists those who left apart, out of the counts, without actions; a moving member says 转出中', async () => {
    serve({
      'member.me': () => ME,
      'member.roster': () =>
        rosterReply([
          entry({}),
          entry({ id: 'm-3', name: '孙立', transferPending: true }),
          entry({ id: 'm-4', name: '周桂兰', bound: false, inactive: true }),
        ]),
    })
    const { container } = render(<ManageMembers />)
    expect(await screen.findByText('周桂兰')).toBeInTheDocument()
    expectTexts('城关村党支部 共 2 人，已绑定 2 人，未绑定 0 人', '已退出党员名册（1）', '已退出', '转出中')
    expect(screen.getAllByText('转出')).toHaveLength(1)
    expect(container.querySelector('.manage-members__member--left')?.textContent).not.toMatch(/解绑|转出|退出党员名册$/)
    fireEvent.click(screen.getByText('组织关系转接（接收、撤回）'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/manage/transfers/index' })
  })

  it('starts a transfer to a branch found by name, with a reason', async () => {
    let members = [entry({})]
    serve({
      'member.me': () => ME,
      'member.roster': () => rosterReply(members),
      'member.transferBranches': () => ok({ branches: [{ id: 'b-2', name: '西关村党支部' }] }),
      'member.transferStart': () => {
        members = [entry({ transferPending: true })]
        return ok(transfer({ memberId: 'm-2', toBranchId: 'b-2', toBranchName: '西关村党支部' }))
      },
    })
    const { container } = render(<ManageMembers />)
    fireEvent.click(await screen.findByText('转出'))
    fireEvent.click(screen.getByText('工作调动'))
    fireEvent.click(screen.getByText('发起转接'))
    expect(await screen.findByText('请先搜索并选择接收的党支部')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('输入接收党支部的名称'), { target: { value: '西关' } })
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText('西关村党支部'))
    typeAt(container, '#transfer-reason-m-2', '搬到西关村')
    fireEvent.click(screen.getByText('发起转接'))
    expect(await screen.findByText('已发起转接，等待西关村党支部接收')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('member', 'transferBranches', { q: '西关' })
    expect(callMock).toHaveBeenCalledWith('member', 'transferStart', {
      memberId: 'm-2',
      toBranchId: 'b-2',
      reason: '搬到西关村',
    })
    expect(await screen.findByText('转出中')).toBeInTheDocument()
  })

  it('takes a member off the rolls after a reason and a confirmation; a refusal shows under them', async () => {
    serve({
      'member.me': () => ME,
      'member.roster': () => rosterReply([entry({})]),
      'member.deactivate': () => refusal('TRANSFER_PENDING'),
    })
    const { container } = render(<ManageMembers />)
    fireEvent.click(await screen.findByText('退出党员名册'))
    typeAt(container, '#leave-reason-m-2', '迁出本市')
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(within(container.querySelector('.reason-form')!).getByText('退出党员名册'))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(callMock).not.toHaveBeenCalledWith('member', 'deactivate', expect.anything())
    fireEvent.click(within(container.querySelector('.reason-form')!).getByText('退出党员名册'))
    expect(await screen.findByText(ERROR_MESSAGES.TRANSFER_PENDING)).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('member', 'deactivate', { memberId: 'm-2', reason: '迁出本市' })
  })
})

describe('manage: 组织关系转接', () => {
  it('accepts one waiting, declines another with a reason, withdraws one sent, shows the recent', async () => {
    let data = {
      incoming: [transfer({}), transfer({ id: 't-2', memberName: '钱多多' })],
      outgoing: [
        transfer({ id: 't-3', memberName: '孙立', fromBranchName: '城关村党支部', toBranchName: '西关村党支部' }),
      ],
      recent: [
        transfer({
          id: 't-4',
          memberName: '郑和',
          status: 'declined',
          decidedAt: '2025-11-21T09:00:00+08:00',
          decidedByName: '吴书记',
          declineReason: '不是本村村民',
        }),
      ],
    }
    const drop = (id: string) => {
      data = {
        ...data,
        incoming: data.incoming.filter((t) => t.id !== id),
        outgoing: data.outgoing.filter((t) => t.id !== id),
      }
    }
    serve({
      'member.me': () => ME,
      'member.transfers': () => ok(data),
      'member.transferAccept': (p) => (drop(p.transferId as string), ok(transfer({ status: 'accepted' }))),
      'member.transferDecline': (p) => (drop(p.transferId as string), ok(transfer({ status: 'declined' }))),
      'member.transferWithdraw': (p) => (drop(p.transferId as string), ok(transfer({ status: 'withdrawn' }))),
    })
    const { container } = render(<ManageTransfers />)
    expect(await screen.findByText('等待本支部接收（2）')).toBeInTheDocument()
    expect(screen.getAllByText('东关村党支部 → 城关村党支部')).toHaveLength(3)
    expectTexts('城关村党支部 → 西关村党支部', '不接收的原因：不是本村村民', '本支部转出，等待对方接收（1）')
    expect(callMock).toHaveBeenCalledWith('member', 'transfers', { branchId: 'b-1' })

    fireEvent.click(screen.getAllByText('接收')[0])
    expect(await screen.findByText('已接收王建国')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('member', 'transferAccept', { transferId: 't-1' })

    fireEvent.click(screen.getByText('不接收'))
    typeAt(container, '#decline-reason-t-2', '不是本村村民')
    fireEvent.click(within(container.querySelector('.reason-form')!).getByText('不接收'))
    expect(await screen.findByText('等待本支部接收（0）')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('member', 'transferDecline', { transferId: 't-2', reason: '不是本村村民' })

    fireEvent.click(screen.getByText('撤回'))
    expect(await screen.findByText('本支部转出，等待对方接收（0）')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('member', 'transferWithdraw', { transferId: 't-3' })
  })

  it('shows a refused accept under the transfer', async () => {
    serve({
      'member.me': () => ME,
      'member.transfers': () => ok({ incoming: [transfer({})], outgoing: [], recent: [] }),
      'member.transferAccept': () => refusal('NODE_CLOSED'),
    })
    render(<ManageTransfers />)
    fireEvent.click(await screen.findByText('接收'))
    expect(await screen.findByText(ERROR_MESSAGES.NODE_CLOSED)).toBeInTheDocument()
  })
})
