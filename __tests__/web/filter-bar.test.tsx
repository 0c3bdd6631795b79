import { fireEvent, render, screen } from '@testing-library/react'
import FilterBar from '../../src/components/FilterBar'

describe('FilterBar', () => {
  it('has a displayName', () => {
    expect(FilterBar.displayName).toBe('FilterBar')
  })

  it('shows the four filters and 附近 with the chosen one checked', () => {
    render(<FilterBar value='upcoming' onChange={jest.fn()} />)
    const chips = screen.getAllByRole('radio')
    expect(chips.map((c) => c.textContent)).toEqual(['即将开始', '本周', '本支部', '全市开放', '附近'])
    expect(screen.getByRole('radio', { name: '即将开始' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByRole('radio', { name: '即将开始' })).toHaveClass('filter-bar__chip--active')
    expect(screen.getByRole('radio', { name: '本周' })).toHaveAttribute('aria-checked', 'false')
  })

  it('reports the code of a tapped filter', () => {
    const onChange = jest.fn()
    render(<FilterBar value='upcoming' onChange={onChange} />)
    fireEvent.click(screen.getByText('本周'))
    expect(onChange).toHaveBeenLastCalledWith('thisWeek')
    fireEvent.click(screen.getByText('本支部'))
    expect(onChange).toHaveBeenLastCalledWith('myBranch')
    fireEvent.click(screen.getByText('全市开放'))
    expect(onChange).toHaveBeenLastCalledWith('openToAll')
    fireEvent.click(screen.getByText('附近'))
    expect(onChange).toHaveBeenLastCalledWith('nearby')
  })
})
