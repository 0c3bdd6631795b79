import { fireEvent, render, screen } from '@testing-library/react'
import PageState from '../../src/components/PageState'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'

describe('PageState', () => {
  it('has a displayName', () => {
    expect(PageState.displayName).toBe('PageState')
  })

  it('shows 正在加载… under the page class it is given', () => {
    const { container } = render(<PageState className='hours' phase='loading' />)
    expect(screen.getByText('正在加载…')).toBeInTheDocument()
    expect(container.firstElementChild).toHaveClass('page-state', 'hours')
  })

  it('shows the refusal and its explanation, with 重试 when the page offers it', () => {
    const onRetry = jest.fn()
    render(<PageState phase='refused' refusal={refusal('NETWORK', '请稍后再试')} onRetry={onRetry} />)
    expect(screen.queryByText('正在加载…')).not.toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(ERROR_MESSAGES.NETWORK)
    expect(screen.getByText('请稍后再试')).toBeInTheDocument()
    fireEvent.click(screen.getByText('重试'))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  it('offers no 重试 where another try cannot help', () => {
    render(<PageState phase='refused' refusal={refusal('NOT_FOUND', '没有指定党课')} />)
    expect(screen.getByRole('alert')).toHaveTextContent('没有指定党课')
    expect(screen.queryByText('重试')).not.toBeInTheDocument()
  })

  it('says what an empty list says', () => {
    render(<PageState phase='empty' empty='还没有人报名' />)
    expect(screen.getByText('还没有人报名')).toBeInTheDocument()
    expect(screen.queryByText('正在加载…')).not.toBeInTheDocument()
  })
})
