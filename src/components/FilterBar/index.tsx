import { View } from '@tarojs/components'
import type { ListFilter } from '../../utils/lectureQuery'
import OneOf, { type Option } from '../OneOf'
import './index.scss'

/** 附近 is not a list filter: it opens 附近的党课 (member/nearby), which asks for the phone's place first. */
export type FilterChoice = ListFilter | 'nearby'

export interface FilterBarProps {
  value: ListFilter
  onChange: (filter: FilterChoice) => void
}

const FILTERS: Option<FilterChoice>[] = [
  { code: 'upcoming', name: '即将开始' },
  { code: 'thisWeek', name: '本周' },
  { code: 'myBranch', name: '本支部' },
  { code: 'openToAll', name: '全市开放' },
  { code: 'nearby', name: '附近' },
]

/** Five filter chips, one chosen at a time; they wrap on narrow phones. Class prefix `filter-bar`. */
function FilterBar({ value, onChange }: FilterBarProps) {
  return (
    <View className='filter-bar' role='radiogroup'>
      <OneOf options={FILTERS} value={value} onChange={onChange} block='filter-bar' item='chip' role='radio' />
    </View>
  )
}

FilterBar.displayName = 'FilterBar'

export default FilterBar
