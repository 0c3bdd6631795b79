import { Text, View } from '@tarojs/components'
import type { Refusal } from '../../../shared/errors'
import ActionButton from '../ActionButton'
import './index.scss'

export interface StateViewProps {
  /** loading: 正在加载…; refused: the refusal and 重试; empty: `text`. */
  phase: 'loading' | 'refused' | 'empty'
  text?: string
  refusal?: Refusal
  onRetry?: () => void
}

/** What a list area shows when it has no list to show. Class prefix `state-view`. */
function StateView(props: StateViewProps) {
  const { phase, text, refusal, onRetry } = props
  return (
    <View className='state-view'>
      {phase === 'loading' && <Text className='state-view__text'>正在加载…</Text>}
      {phase === 'empty' && <Text className='state-view__text'>{text}</Text>}
      {phase === 'refused' && (
        <>
          <Text className='state-view__text'>{text ?? refusal?.message}</Text>
          {refusal?.explanation && <Text className='state-view__detail'>{refusal.explanation}</Text>}
          {onRetry && (
            <ActionButton className='state-view__retry' onClick={onRetry}>
              重试
            </ActionButton>
          )}
        </>
      )}
    </View>
  )
}

StateView.displayName = 'StateView'

export default StateView
