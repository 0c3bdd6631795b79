import { fireEvent, render, screen, within } from '@testing-library/react'
import Propose from '../../src/member/propose'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { THEMES } from '../../src/shared/themes'
import { proposalView } from '../support/proposals'
import type { Reply } from '../../src/shared/errors'
import { callMock, ok, resetCalls, serve } from './support/serve'
import { type } from './support/fill'
import { switchTab } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const TOPICS = [{ id: 'tp-1', title: '大党学习的力量', orgName: '济南市' }]
/** The year's topics for the picker, and the server's answer to the proposal. */
const answer = (proposed: Reply<unknown> = refusal('INTERNAL')) =>
  serve({ 'topic.choices': () => ok({ items: TOPICS }), 'proposal.propose': () => proposed })
const proposeCalls = () => callMock.mock.calls.filter(([fn, action]) => fn === 'proposal' && action === 'propose')

beforeEach(() => {
  resetCalls()
  answer()
})

describe('propose page', () => {
  it('offers the nine themes with their meanings', () => {
    render(<Propose />)
    const options = within(screen.getAllByRole('radiogroup')[0]).getAllByRole('radio')
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
    expect(proposeCalls()).toHaveLength(0)
  })

  it('submits the proposal and says it waits for the secretary', async () => {
    const outline = '一、老支书带头修路的故事；二、我们从中学到什么；三、怎样接好这一棒'
    answer(ok(proposalView({ theme: 'village', title: '讲讲咱村的老支书', outline })))
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
    answer(refusal('NOT_A_MEMBER'))
    render(<Propose />)
    fireEvent.click(screen.getByText('微党课'))
    type('题目', '一百秒讲初心')
    type('提纲', '用一百秒讲清楚什么是初心和使命')
    fireEvent.click(screen.getByText('提交自荐'))
    expect(await screen.findByRole('alert')).toHaveTextContent(ERROR_MESSAGES.NOT_A_MEMBER)
    expect(screen.getByLabelText('题目')).toHaveValue('一百秒讲初心')
  })

  it('offers the year’s key topics and sends the one chosen', async () => {
    answer(ok(proposalView({ topicId: 'tp-1', topicTitle: '大党学习的力量' })))
    render(<Propose />)
    expect(callMock).toHaveBeenCalledWith('topic', 'choices', { year: expect.any(Number) })
    fireEvent.click(await screen.findByText('大党学习的力量'))
    expect(screen.getByRole('radio', { name: /大党学习的力量/ })).toHaveAttribute('aria-checked', 'true')
    fireEvent.click(screen.getByText('乡味党课'))
    type('题目', '讲讲咱村的老支书')
    type('提纲', '一、老支书带头修路的故事；二、我们从中学到什么')
    fireEvent.click(screen.getByText('提交自荐'))
    expect(proposeCalls()[0][2]).toMatchObject({ topicId: 'tp-1' })
    expect(await screen.findByText('已提交')).toBeInTheDocument()
  })
})
