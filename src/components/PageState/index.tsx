import { Text, View } from '@tarojs/components'
import type { Refusal } from '../../shared/errors'
import RefusalView from '../RefusalView'
import './index.scss'

export { usePageLoad, type LoadStart } from './usePageLoad'

export interface PageStateProps {
  /** loading: 正在加载…; refused: the refusal (RefusalView); empty: the `empty` text. */
  phase: 'loading' | 'refused' | 'empty'
  refusal?: Refusal
  /** What an empty list says, e.g. 还没有人报名. */
  empty?: string
  /** Offered as 重试 with the refusal, where another try may help (see RefusalView). */
  onRetry?: () => void
  /** The page's own root class (background, min-height), when this is all the page shows. */
  className?: string
}

/**
 * What a page, or its list area, shows while it has nothing else to show: 正在加载…, the refusal with
 * the one step that helps, or what an empty list says. Class prefix `page-state`.
 */
function PageState({ phase, refusal, empty, onRetry, className }: PageStateProps) {
  return (
    <View className={`page-state${className ? ` ${className}` : ''}`}>
      {phase === 'refused' && refusal && <RefusalView refusal={refusal} onRetry={onRetry} />}
      {phase !== 'refused' && (
        <View className='page-state__message'>
          <Text className='page-state__text'>{phase === 'loading' ? '正在加载…' : empty}</Text>
        </View>
      )}
    </View>
  )
}

PageState.displayName = 'PageState'

export default PageState
