import { Text, View } from '@tarojs/components'
import type { Refusal } from '../../shared/errors'
import RefusalView from '../RefusalView'
import './index.scss'

export interface PageStateProps {
  /** Show 正在加载… (a refusal, if any, wins). */
  loading?: boolean
  refusal?: Refusal
  /** Offered as 重试 with the refusal (see RefusalView). */
  onRetry?: () => void
  /** The page's own root class (background, min-height), when this is all the page shows. */
  className?: string
}

/**
 * What a page (or its list area) shows while it has nothing else to show: 正在加载… or the refusal.
 * Class prefix `page-state`; the manage sub-package has its own StateView (with 暂无 texts).
 */
function PageState({ loading, refusal, onRetry, className }: PageStateProps) {
  return (
    <View className={`page-state${className ? ` ${className}` : ''}`}>
      {refusal ? (
        <RefusalView refusal={refusal} onRetry={onRetry} />
      ) : (
        loading && (
          <View className='page-state__loading'>
            <Text className='page-state__text'>正在加载…</Text>
          </View>
        )
      )}
    </View>
  )
}

PageState.displayName = 'PageState'

export default PageState
