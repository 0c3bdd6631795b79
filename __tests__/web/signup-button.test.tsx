import { fireEvent, render, screen } from '@testing-library/react'
import SignupButton from '../../src/components/SignupButton'

describe('SignupButton', () => {
  it('has a displayName', () => {
    expect(SignupButton.displayName).toBe('SignupButton')
  })

  it('is a button with the action’s label that reports its kind', () => {
    const onPress = jest.fn()
    render(<SignupButton action={{ kind: 'waitlist', label: '加入候补' }} onPress={onPress} />)
    const button = screen.getByRole('button', { name: '加入候补' })
    expect(button).toHaveClass('signup-button', 'signup-button--waitlist')
    expect(button).not.toHaveAttribute('disabled')
    fireEvent.click(button)
    expect(onPress).toHaveBeenCalledWith('waitlist')
  })

  it('says 正在提交… while busy and ignores taps', () => {
    const onPress = jest.fn()
    render(<SignupButton action={{ kind: 'cancel', label: '取消报名' }} busy onPress={onPress} />)
    const button = screen.getByRole('button', { name: '正在提交…' })
    expect(button).toHaveClass('signup-button--busy')
    fireEvent.click(button)
    expect(onPress).not.toHaveBeenCalled()
  })

  it('shows the reason instead of a button when nothing can be done', () => {
    const onPress = jest.fn()
    render(<SignupButton action={{ kind: 'closed', label: '报名已截止' }} onPress={onPress} />)
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('报名已截止'))
    expect(onPress).not.toHaveBeenCalled()
  })
})
