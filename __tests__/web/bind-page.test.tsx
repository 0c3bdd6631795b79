import { fireEvent, render, screen } from '@testing-library/react'
import Bind from '../../src/pages/bind'
import type { Me } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal, type ErrorCode, type Reply } from '../../src/shared/errors'
import { type } from './support/fill'
import { meReply } from './support/replies'
import { callMock, resetCalls } from './support/serve'
import { showToast, switchTab } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const bound = meReply({ id: 'm-0001', name: '王建国', branchId: 'b1', roles: ['member'] })

beforeEach(resetCalls)

describe('bind page', () => {
  it('starts with the invite code; a wrong code is refused on the page without asking the server', () => {
    render(<Bind />)
    expect(screen.getByRole('tab', { name: '用邀请码' })).toHaveAttribute('aria-selected', 'true')
    type('邀请码', 'ab1')
    fireEvent.click(screen.getByRole('button', { name: '绑定' }))
    expect(screen.getByText('邀请码是6位字母或数字')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalled()
  })

  it('binds with an invite code (as capitals), then goes back to 我的', async () => {
    callMock.mockResolvedValueOnce(bound)
    render(<Bind />)
    type('邀请码', 'ab12cd')
    expect(screen.getByLabelText('邀请码')).toHaveValue('AB12CD')
    fireEvent.click(screen.getByRole('button', { name: '绑定' }))

    expect(callMock).toHaveBeenCalledWith('member', 'bind', { method: 'invite', code: 'AB12CD' })
    await screen.findByRole('button', { name: '绑定' })
    expect(showToast).toHaveBeenCalledWith({ title: '绑定成功', icon: 'success' })
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' })
  })

  it('checks name and phone on the page, in words a member understands', () => {
    render(<Bind />)
    fireEvent.click(screen.getByRole('tab', { name: '用姓名和手机号' }))
    type('手机号', '1381234')
    fireEvent.click(screen.getByRole('button', { name: '绑定' }))
    expect(screen.getByText('请填写姓名（最多20个字）')).toBeInTheDocument()
    expect(screen.getByText('请填写11位手机号')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalled()
  })

  it('binds with name and phone (trimmed by the schema)', async () => {
    callMock.mockResolvedValueOnce(bound)
    render(<Bind />)
    fireEvent.click(screen.getByText('用姓名和手机号'))
    type('姓名', ' 王建国 ')
    type('手机号', '13812345678')
    fireEvent.click(screen.getByRole('button', { name: '绑定' }))
    expect(callMock).toHaveBeenCalledWith('member', 'bind', { method: 'roster', name: '王建国', phone: '13812345678' })
    await screen.findByRole('button', { name: '绑定' })
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' })
  })

  it.each<ErrorCode>(['NO_MATCH', 'MEMBER_TAKEN', 'TOO_MANY_ATTEMPTS'])(
    "shows the server's %s in Chinese",
    async (code) => {
      callMock.mockResolvedValueOnce(refusal(code))
      render(<Bind />)
      type('邀请码', 'AB12CD')
      fireEvent.click(screen.getByRole('button', { name: '绑定' }))
      expect(await screen.findByRole('alert')).toHaveTextContent(ERROR_MESSAGES[code])
      expect(switchTab).not.toHaveBeenCalled()
      expect(screen.queryByText('回到我的')).not.toBeInTheDocument()
    },
  )

  it('offers 回到我的 to a WeChat user who is already bound', async () => {
    callMock.mockResolvedValueOnce(refusal('ALREADY_BOUND'))
    render(<Bind />)
    type('邀请码', 'AB12CD')
    fireEvent.click(screen.getByRole('button', { name: '绑定' }))
    expect(await screen.findByText(ERROR_MESSAGES.ALREADY_BOUND)).toBeInTheDocument()
    fireEvent.click(screen.getByText('回到我的'))
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' })
  })

  it('says 正在绑定… while waiting and ignores a second tap', async () => {
    let answer!: (r: Reply<Me>) => void
    callMock.mockReturnValueOnce(new Promise((r) => (answer = r)))
    render(<Bind />)
    type('邀请码', 'AB12CD')
    fireEvent.click(screen.getByRole('button', { name: '绑定' }))
    fireEvent.click(screen.getByRole('button', { name: '正在绑定…' }))
    expect(callMock).toHaveBeenCalledTimes(1)
    answer(refusal('NETWORK'))
    expect(await screen.findByText(ERROR_MESSAGES.NETWORK)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '绑定' })).toBeInTheDocument()
  })
})
