import { fireEvent, render, screen } from '@testing-library/react'
import Bind from '../../src/pages/bind'
import Setup from '../../src/member/setup'
import { ERROR_MESSAGES, refusal, type ErrorCode } from '../../src/shared/errors'
import { type } from './support/fill'
import { meReply } from './support/replies'
import { callMock, resetCalls } from './support/serve'
import { navigateTo, reLaunch, showToast, switchTab } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const admin = meReply({ id: 'm-setup', name: '王建国', branchId: 'org-jn', roles: ['member', 'admin'] })

const fill = (code: string, name = '王建国', phone = '13812345678') => {
  type('启用码', code)
  type('姓名', name)
  type('手机号', phone)
  fireEvent.click(screen.getByRole('button', { name: '启用' }))
}

beforeEach(resetCalls)

describe('首次启用 page', () => {
  it('is reached from the bind page by its small link', () => {
    render(<Bind />)
    fireEvent.click(screen.getByText('首次启用（有启用码）'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/setup/index' })
  })

  it('checks the code, name and phone on the page without asking the server', () => {
    render(<Setup />)
    fill('ABCD-EFGH', '', '1381234')
    expect(screen.getByText('启用码是12位字母或数字，形如 ABCD-EFGH-JKLM')).toBeInTheDocument()
    expect(screen.getByText('请填写姓名（最多20个字）')).toBeInTheDocument()
    expect(screen.getByText('请填写11位手机号')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalled()
  })

  it('sends the code as its 12 characters (typed small, with dashes), then opens 我的 afresh', async () => {
    callMock.mockResolvedValueOnce(admin)
    render(<Setup />)
    fill('abcd-efgh-jklm', ' 王建国 ')
    expect(screen.getByLabelText('启用码')).toHaveValue('ABCD-EFGH-JKLM')
    expect(callMock).toHaveBeenCalledWith('member', 'claimSetup', {
      code: 'ABCDEFGHJKLM',
      name: '王建国',
      phone: '13812345678',
    })
    await screen.findByRole('button', { name: '启用' })
    expect(showToast).toHaveBeenCalledWith({ title: '启用成功', icon: 'success' })
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/mine/index' })
  })

  it.each<ErrorCode>(['SETUP_CODE_INVALID', 'TOO_MANY_ATTEMPTS'])("shows the server's %s in Chinese", async (code) => {
    callMock.mockResolvedValueOnce(refusal(code))
    render(<Setup />)
    fill('ABCD-EFGH-JKLM')
    expect(await screen.findByRole('alert')).toHaveTextContent(ERROR_MESSAGES[code])
    expect(reLaunch).not.toHaveBeenCalled()
    expect(screen.queryByText('回到我的')).not.toBeInTheDocument()
  })

  it('offers 回到我的 once the environment is set up', async () => {
    callMock.mockResolvedValueOnce(refusal('SETUP_DONE'))
    render(<Setup />)
    fill('ABCD-EFGH-JKLM')
    expect(await screen.findByText(ERROR_MESSAGES.SETUP_DONE)).toBeInTheDocument()
    fireEvent.click(screen.getByText('回到我的'))
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' })
  })
})
