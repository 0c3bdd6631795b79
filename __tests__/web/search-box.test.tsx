import { fireEvent, render, screen } from '@testing-library/react'
import SearchBox from '../../src/components/SearchBox'

// The shared Input stand-in has no keyboard confirm key: here Enter is Taro's onConfirm.
type MockConfirm = (e: { detail: { value: string } }) => void
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('@tarojs/components')
  const { createElement } = jest.requireActual('react')
  const Input = (props: Record<string, unknown>) => {
    const onConfirm = props.onConfirm as MockConfirm | undefined
    return createElement(
      'span',
      {
        onKeyDown: (ev: { key: string; target: { value: string } }) => {
          if (ev.key === 'Enter') onConfirm?.({ detail: { value: ev.target.value } })
        },
      },
      createElement(actual.Input, props),
    )
  }
  return { ...actual, Input }
})

const box = () => screen.getByPlaceholderText('搜索题目或主讲人')

describe('SearchBox', () => {
  it('has a displayName', () => {
    expect(SearchBox.displayName).toBe('SearchBox')
  })

  it('searches the trimmed text on 搜索, not while typing', () => {
    const onSearch = jest.fn()
    render(<SearchBox value='' onSearch={onSearch} />)
    fireEvent.change(box(), { target: { value: ' 老支书 ' } })
    expect(onSearch).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('搜索'))
    expect(onSearch).toHaveBeenCalledWith('老支书')
  })

  it("searches on the keyboard's search key", () => {
    const onSearch = jest.fn()
    render(<SearchBox value='' onSearch={onSearch} />)
    fireEvent.change(box(), { target: { value: '王建国' } })
    fireEvent.keyDown(box(), { key: 'Enter' })
    expect(onSearch).toHaveBeenCalledWith('王建国')
  })

  it('shows 清除 only with text; 清除 empties the box and clears a search in effect', () => {
    const onSearch = jest.fn()
    const { rerender } = render(<SearchBox value='' onSearch={onSearch} />)
    expect(screen.queryByText('清除')).not.toBeInTheDocument()

    fireEvent.change(box(), { target: { value: '田间' } })
    fireEvent.click(screen.getByText('清除'))
    expect(box()).toHaveValue('')
    expect(onSearch).not.toHaveBeenCalled() // nothing was searched yet

    rerender(<SearchBox value='田间' onSearch={onSearch} />)
    expect(box()).toHaveValue('田间')
    fireEvent.click(screen.getByText('清除'))
    expect(onSearch).toHaveBeenCalledWith('')
    expect(box()).toHaveValue('')
  })

  it('limits the text to the contract’s 30 characters by default', () => {
    render(<SearchBox value='' onSearch={jest.fn()} placeholder='搜索' />)
    expect(screen.getByPlaceholderText('搜索')).toHaveAttribute('maxlength', '30')
  })
})
