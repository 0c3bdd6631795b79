import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import './index.scss'

export interface SearchBoxProps {
  /** The search in effect ('' for none); the box shows it and follows it when it changes. */
  value: string
  /** Called with the trimmed text on 搜索 or the keyboard's search key, and with '' on 清除. */
  onSearch: (q: string) => void
  placeholder?: string
  maxLength?: number
}

const defaultProps = {
  placeholder: '搜索题目或主讲人',
  maxLength: 30,
} satisfies Partial<SearchBoxProps>

/**
 * A search field that searches when asked (not on every keystroke: a request per character is slow on
 * village 4G), with a big 搜索 button for members who do not know the keyboard's search key, and 清除.
 * Class prefix `search-box`.
 */
function SearchBox(props: SearchBoxProps) {
  const { value, onSearch, placeholder, maxLength } = { ...defaultProps, ...props }
  const [draft, setDraft] = useState(value)

  useEffect(() => setDraft(value), [value])

  const submit = (text: string) => onSearch(text.trim())
  const clear = () => {
    setDraft('')
    if (value !== '') onSearch('')
  }

  return (
    <View className='search-box' role='search'>
      <View className='search-box__field'>
        <Input
          className='search-box__input'
          placeholderClass='search-box__placeholder'
          type='text'
          confirmType='search'
          value={draft}
          maxlength={maxLength}
          placeholder={placeholder}
          aria-label={placeholder}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={(e) => submit(e.detail.value)}
        />
        {draft !== '' && (
          <View className='search-box__clear' role='button' aria-label='清除搜索' onClick={clear}>
            <Text className='search-box__clear-text'>清除</Text>
          </View>
        )}
      </View>
      <Button className='search-box__button' onClick={() => submit(draft)}>
        搜索
      </Button>
    </View>
  )
}

SearchBox.displayName = 'SearchBox'

export default SearchBox
