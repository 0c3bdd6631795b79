import { ScrollView } from '@tarojs/components'
import { THEMES, type ThemeCode } from '../../shared/themes'
import OneOf, { type Option } from '../OneOf'
import './index.scss'

export interface ThemeTabsProps {
  /** The chosen theme; undefined is 全部. */
  value?: ThemeCode
  onChange: (theme: ThemeCode | undefined) => void
}

const TABS: Option<ThemeCode | undefined>[] = [
  { code: undefined, name: '全部' },
  ...THEMES.map((t) => ({ code: t.code, name: t.name })),
]

/** 全部 and the nine themes in a row that scrolls sideways. Class prefix `theme-tabs`. */
function ThemeTabs({ value, onChange }: ThemeTabsProps) {
  return (
    <ScrollView className='theme-tabs' scrollX enhanced showScrollbar={false}>
      <OneOf options={TABS} value={value} onChange={onChange} block='theme-tabs' item='tab' role='tab' />
    </ScrollView>
  )
}

ThemeTabs.displayName = 'ThemeTabs'

export default ThemeTabs
