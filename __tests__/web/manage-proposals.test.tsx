import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ManageProposals from '../../src/manage/proposals'
import type { Me } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { proposalView } from '../support/proposals'
import { BRANCH, meReply, STREET } from './support/replies'
import { typeAt } from './support/fill'
import { callMock, ok, resetCalls, serve } from './support/serve'
import { tapThenSee } from './support/see'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const showModal = Taro.showModal as unknown as jest.Mock

const me = (manages: NonNullable<Me['member']>['manages']) => meReply({ manages })

const BRANCH_2 = { id: 'b-2', name: '东关党支部', kind: 'branch' as const }

const proposal = proposalView

beforeEach(resetCalls)

describe('manage: members’ proposals', () => {
  it('lists the pending proposals of the branch (never of a street) with member, theme, title and outline', async () => {
    serve({ 'member.me': () => me([STREET, BRANCH]), 'proposal.inbox': () => ok({ items: [proposal()] }) })
    render(<ManageProposals />)
    expect(await screen.findByText('田间地头话振兴')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('proposal', 'inbox', { branchId: 'b-1', status: 'pending' })
    expect(screen.queryByText('文化东路街道')).not.toBeInTheDocument()
    expect(screen.getByText('城关村党支部')).toBeInTheDocument()
    expect(screen.getByText('田坎党课')).toBeInTheDocument()
    expect(screen.getByText('李秀英 · 11月20日 09:05 自荐')).toBeInTheDocument()
    expect(screen.getByText(/乡村振兴的由来/)).toBeInTheDocument()
  })

  it('accepts after confirming and offers 去编辑 for the new draft', async () => {
    serve({
      'member.me': () => me([BRANCH]),
      'proposal.inbox': () => ok({ items: [proposal()] }),
      'proposal.decide': () => ok(proposal({ status: 'accepted', lectureId: 'l-55' })),
    })
    render(<ManageProposals />)
    fireEvent.click(await screen.findByText('采纳'))
    expect(await screen.findByText('已采纳，已生成党课草稿')).toBeInTheDocument()
    expect(showModal).toHaveBeenCalledTimes(1)
    expect(callMock).toHaveBeenCalledWith('proposal', 'decide', { id: 'p1', decision: 'accept' })
    expect(screen.getByText('已采纳')).toBeInTheDocument()
    fireEvent.click(screen.getByText('去编辑'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/manage/edit/index?id=l-55' })
  })

  it('does nothing when the secretary does not confirm', async () => {
    serve({ 'member.me': () => me([BRANCH]), 'proposal.inbox': () => ok({ items: [proposal()] }) })
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<ManageProposals />)
    fireEvent.click(await screen.findByText('采纳'))
    await waitFor(() => expect(showModal).toHaveBeenCalled())
    expect(callMock).not.toHaveBeenCalledWith('proposal', 'decide', expect.anything())
  })

  it('declines only with a reason, which then shows on the proposal', async () => {
    serve({
      'member.me': () => me([BRANCH]),
      'proposal.inbox': () => ok({ items: [proposal()] }),
      'proposal.decide': (p) => ok(proposal({ status: 'declined', reason: p.reason as string })),
    })
    const { container } = render(<ManageProposals />)
    fireEvent.click(await screen.findByText('不采纳'))
    fireEvent.click(screen.getByText('确认不采纳'))
    expect(screen.getByText('请填写原因，至少2个字，党员会看到')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalledWith('proposal', 'decide', expect.anything())

    typeAt(container, '#decline-reason-p1', '本季度已安排')
    await tapThenSee('确认不采纳', '未采纳的原因：本季度已安排')
    expect(callMock).toHaveBeenCalledWith('proposal', 'decide', {
      id: 'p1',
      decision: 'decline',
      reason: '本季度已安排',
    })
  })

  it('shows a refused decision in the reason form', async () => {
    serve({
      'member.me': () => me([BRANCH]),
      'proposal.inbox': () => ok({ items: [proposal()] }),
      'proposal.decide': () => refusal('INVALID_STATE'),
    })
    const { container } = render(<ManageProposals />)
    fireEvent.click(await screen.findByText('不采纳'))
    typeAt(container, '#decline-reason-p1', '本季度已安排')
    fireEvent.click(screen.getByText('确认不采纳'))
    expect(await screen.findByText(ERROR_MESSAGES.INVALID_STATE)).toBeInTheDocument()
  })

  it('shows all proposals on request, and those of another branch when it is picked', async () => {
    serve({
      'member.me': () => me([BRANCH, BRANCH_2]),
      'proposal.inbox': (p) =>
        ok({
          items: [
            proposal({ id: `${p.branchId}-${p.status}`, title: `${p.branchId} ${p.status}` }),
            ...(p.status === 'all'
              ? [proposal({ id: 'old', status: 'accepted', lectureId: 'l-1', title: '旧的' })]
              : []),
          ],
        }),
    })
    render(<ManageProposals />)
    expect(await screen.findByText('b-1 pending')).toBeInTheDocument()
    await tapThenSee('全部', 'b-1 all')
    expect(screen.getByText('已生成党课草稿')).toBeInTheDocument()
    await tapThenSee('东关党支部', 'b-2 all')
  })

  it('explains that proposals belong to branches when the caller manages none', async () => {
    serve({ 'member.me': () => me([STREET]) })
    render(<ManageProposals />)
    expect(await screen.findByText(/您管理的组织中没有党支部/)).toBeInTheDocument()
  })
})
