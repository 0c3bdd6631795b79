import { Text, View } from '@tarojs/components'
import type { ListFilter } from '../../utils/lectureQuery'
import './index.scss'

export interface FilterBarProps {
  value: ListFilter
  onChange: (filter: ListFilter) => void
}

const FILTERS: { code: ListFilter; name: string }[] = [
  { code: 'upcoming', name: '即将开始' },
  { code: 'thisWeek', name: '本周' },
  { code: 'myBranch', name: '本支部' },
  { code: 'openToAll', name: '全市开放' },
]

/** Four filter chips, one chosen at a time; they wrap on narrow phones. Class prefix `filter-bar`. */
function FilterBar({ value, onChange }: FilterBarProps) {
  return (
    <View className='filter-bar' role='radiogroup'>
      {FILTERS.map((f) => {
        const active = f.code === value
        return (
          <View
            key={f.code}
            className={`filter-bar__chip${active ? ' filter-bar__chip--active' : ''}`}
            role='radio'
            aria-checked={active}
            onClick={() => onChange(f.code)}
          >
            <Text className='filter-bar__text'>{f.name}</Text>
          </View>
        )
      })}
    </View>
  )
}

FilterBar.displayName = 'FilterBar'

export default FilterBar
