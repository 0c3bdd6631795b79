import { ScrollView, Text, View } from '@tarojs/components'
import { THEMES, type ThemeCode } from '../../shared/themes'
import './index.scss'

export interface ThemeTabsProps {
  /** The chosen theme; undefined is 全部. */
  value?: ThemeCode
  onChange: (theme: ThemeCode | undefined) => void
}

const TABS: { code: ThemeCode | undefined; name: string }[] = [
  { code: undefined, name: '全部' },
  ...THEMES.map((t) => ({ code: t.code, name: t.name })),
]

/** 全部 and the nine themes in a row that scrolls sideways. Class prefix `theme-tabs`. */
function ThemeTabs({ value, onChange }: ThemeTabsProps) {
  return (
    <ScrollView className='theme-tabs' scrollX enhanced showScrollbar={false}>
      {TABS.map((tab) => {
        const active = tab.code === value
        return (
          <View
            key={tab.code ?? 'all'}
            className={`theme-tabs__tab${active ? ' theme-tabs__tab--active' : ''}`}
            role='tab'
            aria-selected={active}
            onClick={() => onChange(tab.code)}
          >
            <Text className='theme-tabs__text'>{tab.name}</Text>
          </View>
        )
      })}
    </ScrollView>
  )
}

ThemeTabs.displayName = 'ThemeTabs'

export default ThemeTabs
