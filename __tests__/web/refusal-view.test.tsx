import { fireEvent, render, screen } from '@testing-library/react'
import RefusalView from '../../src/components/RefusalView'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { goToLogin } from '../../src/utils/login'
import { navigateTo } from './support/taro'

jest.mock('../../src/utils/login', () => ({ canSignIn: jest.fn(() => true), goToLogin: jest.fn() }))

beforeEach(() => jest.clearAllMocks())

describe('RefusalView', () => {
  it('has a displayName', () => {
    expect(RefusalView.displayName).toBe('RefusalView')
  })

  it('shows the message and the explanation, and 重试 when it may help', () => {
    const onRetry = jest.fn()
    render(<RefusalView refusal={refusal('INVALID_INPUT', '每页最多 50 条')} onRetry={onRetry} />)
    expect(screen.getByRole('alert')).toHaveTextContent(ERROR_MESSAGES.INVALID_INPUT)
    expect(screen.getByText('每页最多 50 条')).toBeInTheDocument()
    fireEvent.click(screen.getByText('重试'))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  it('offers no button when there is nothing to do', () => {
    render(<RefusalView refusal={refusal('NOT_FOUND')} />)
    expect(screen.getByText(ERROR_MESSAGES.NOT_FOUND)).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  it('offers 去登录 to a visitor who is not signed in (h5)', () => {
    render(<RefusalView refusal={refusal('NOT_SIGNED_IN')} onRetry={jest.fn()} />)
    fireEvent.click(screen.getByText('去登录'))
    expect(goToLogin).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('重试')).not.toBeInTheDocument()
  })

  it('offers 去绑定 to a WeChat user with no member bound', () => {
    render(<RefusalView refusal={refusal('NOT_A_MEMBER')} />)
    fireEvent.click(screen.getByText('去绑定'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  })
})
