import { fireEvent, render, screen } from '@testing-library/react'
import Propose from '../../src/member/propose'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { THEMES } from '../../src/shared/themes'
import { proposalView } from '../support/proposals'
import { callMock, ok, resetCalls } from './support/serve'
import { type } from './support/fill'
import { switchTab } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

beforeEach(resetCalls)

describe('propose page', () => {
  it('offers the nine themes with their meanings', () => {
    render(<Propose />)
    const options = screen.getAllByRole('radio')
    expect(options).toHaveLength(9)
    for (const t of THEMES) {
      expect(screen.getByText(t.name)).toBeInTheDocument()
      expect(screen.getByText(t.meaning)).toBeInTheDocument()
    }
    fireEvent.click(screen.getByText('田坎党课'))
    expect(screen.getByRole('radio', { name: /田坎党课/ })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByText('✓ 已选')).toBeInTheDocument()
  })

  it('checks the form with the contract schema before asking the server', () => {
    render(<Propose />)
    type('题目', '党')
    type('提纲', '太短了')
    fireEvent.click(screen.getByText('提交自荐'))
    expect(screen.getByText('请选择一种党课形式')).toBeInTheDocument()
    expect(screen.getByText('题目至少2个字')).toBeInTheDocument()
    expect(screen.getByText('提纲至少10个字')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalled()
  })

  it('submits the proposal and says it waits for the secretary', async () => {
    const outline = '一、老支书带头修路的故事；二、我们从中学到什么；三、怎样接好这一棒'
    callMock.mockResolvedValueOnce(ok(proposalView({ theme: 'village', title: '讲讲咱村的老支书', outline })))
    render(<Propose />)
    fireEvent.click(screen.getByText('乡味党课'))
    type('题目', ' 讲讲咱村的老支书 ')
    type('提纲', outline)
    expect(screen.getByText(`${outline.length} / 2000 字`)).toBeInTheDocument()
    fireEvent.click(screen.getByText('提交自荐'))

    expect(callMock).toHaveBeenCalledWith('proposal', 'propose', {
      theme: 'village',
      title: '讲讲咱村的老支书',
      outline,
    })
    expect(await screen.findByText('已提交')).toBeInTheDocument()
    expect(screen.getByText('等待书记审核')).toBeInTheDocument()
    expect(screen.getByText('讲讲咱村的老支书')).toBeInTheDocument()
    fireEvent.click(screen.getByText('回到我的'))
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' })
  })

  it("shows the server's refusal and keeps what was written", async () => {
    callMock.mockResolvedValueOnce(refusal('NOT_A_MEMBER'))
    render(<Propose />)
    fireEvent.click(screen.getByText('微党课'))
    type('题目', '一百秒讲初心')
    type('提纲', '用一百秒讲清楚什么是初心和使命')
    fireEvent.click(screen.getByText('提交自荐'))
    expect(await screen.findByRole('alert')).toHaveTextContent(ERROR_MESSAGES.NOT_A_MEMBER)
    expect(screen.getByLabelText('题目')).toHaveValue('一百秒讲初心')
  })
})
