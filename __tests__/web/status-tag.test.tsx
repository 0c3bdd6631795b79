import { render, screen } from '@testing-library/react'
import StatusTag from '../../src/components/StatusTag'
import { signupStatusLabel } from '../../src/utils/status'

describe('StatusTag', () => {
  it('has a displayName', () => {
    expect(StatusTag.displayName).toBe('StatusTag')
  })

  it('shows the words with the class of its tone', () => {
    render(<StatusTag {...signupStatusLabel('waitlisted', 3)} />)
    expect(screen.getByText('候补第3位')).toHaveClass('status-tag', 'status-tag--waiting')
  })

  it('is neutral without a tone', () => {
    render(<StatusTag text='已取消' />)
    expect(screen.getByText('已取消')).toHaveClass('status-tag--neutral')
  })
})
