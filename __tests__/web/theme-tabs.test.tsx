import { fireEvent, render, screen } from '@testing-library/react'
import ThemeTabs from '../../src/components/ThemeTabs'

describe('ThemeTabs', () => {
  it('has a displayName', () => {
    expect(ThemeTabs.displayName).toBe('ThemeTabs')
  })

  it('shows 全部 and the nine themes in order, the chosen one marked', () => {
    const { container } = render(<ThemeTabs value='walking' onChange={jest.fn()} />)
    const tabs = screen.getAllByRole('tab')
    expect(tabs.map((t) => t.textContent)).toEqual([
      '全部',
      '乡味党课',
      '田坎党课',
      '车间党课',
      '情景党课',
      '体验党课',
      '行走党课',
      '沉浸党课',
      '微党课',
      '常规党课',
    ])
    expect(container.querySelector('.theme-tabs__tab--active')).toHaveTextContent('行走党课')
    expect(screen.getByRole('tab', { name: '行走党课' })).toHaveAttribute('aria-selected', 'true')
  })

  it('marks 全部 when no theme is chosen, and reports the tapped theme (undefined for 全部)', () => {
    const onChange = jest.fn()
    render(<ThemeTabs onChange={onChange} />)
    expect(screen.getByRole('tab', { name: '全部' })).toHaveClass('theme-tabs__tab--active')
    fireEvent.click(screen.getByText('微党课'))
    expect(onChange).toHaveBeenLastCalledWith('micro')
    fireEvent.click(screen.getByText('全部'))
    expect(onChange).toHaveBeenLastCalledWith(undefined)
  })
})
