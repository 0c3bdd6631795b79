import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../ActionButton'
import { PLACEHOLDER_STYLE } from '../FormField'
import './index.scss'

export interface SearchFieldProps {
  /** What to type, also the field's label for screen readers. */
  placeholder: string
  /** The trimmed text, on 搜索 or the keyboard's search key. */
  onSearch: (q: string) => void
  maxLength?: number
}

/**
 * The manage pages' search field: one line and a large 搜索 button. Not the main package's SearchBox: a
 * main-package component imported here moves its code into the main package (about 1.1 KB), which is full.
 * Class prefix `search-field`.
 */
function SearchField({ placeholder, onSearch, maxLength = 30 }: SearchFieldProps) {
  const [draft, setDraft] = useState('')
  return (
    <View className='search-field'>
      <Input
        className='search-field__input'
        value={draft}
        placeholder={placeholder}
        placeholderStyle={PLACEHOLDER_STYLE}
        aria-label={placeholder}
        maxlength={maxLength}
        confirmType='search'
        onInput={(e) => setDraft(e.detail.value)}
        onConfirm={() => onSearch(draft.trim())}
      />
      <ActionButton size='small' onClick={() => onSearch(draft.trim())}>
        搜索
      </ActionButton>
    </View>
  )
}

SearchField.displayName = 'SearchField'

export default SearchField
