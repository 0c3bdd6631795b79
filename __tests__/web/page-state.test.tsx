import { fireEvent, render, screen } from '@testing-library/react'
import PageState from '../../src/components/PageState'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'

describe('PageState', () => {
  it('has a displayName', () => {
    expect(PageState.displayName).toBe('PageState')
  })

  it('shows 正在加载… under the page class it is given', () => {
    const { container } = render(<PageState className='hours' loading />)
    expect(screen.getByText('正在加载…')).toBeInTheDocument()
    expect(container.firstElementChild).toHaveClass('page-state', 'hours')
  })

  it('shows the refusal with 重试 instead of loading', () => {
    const onRetry = jest.fn()
    render(<PageState loading refusal={refusal('NETWORK')} onRetry={onRetry} />)
    expect(screen.queryByText('正在加载…')).not.toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(ERROR_MESSAGES.NETWORK)
    fireEvent.click(screen.getByText('重试'))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })
})
