import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Refusal } from '../../shared/errors'
import { canSignIn, goToLogin } from '../../utils/login'
import { routes } from '../../utils/routes'
import './index.scss'

export interface RefusalViewProps {
  refusal: Refusal
  /** Offer 重试 (for refusals that another try may mend: network, busy server). */
  onRetry?: () => void
}

/**
 * A refusal where content would be: its Chinese message, the explanation if any, and the one step
 * that helps: 去登录 (h5, not signed in), 去绑定 (no member bound to this WeChat), or 重试.
 * Class prefix `refusal-view`.
 */
function RefusalView({ refusal, onRetry }: RefusalViewProps) {
  const step =
    refusal.code === 'NOT_SIGNED_IN' && canSignIn()
      ? { label: '去登录', run: goToLogin }
      : refusal.code === 'NOT_A_MEMBER'
        ? { label: '去绑定', run: () => void Taro.navigateTo({ url: routes.bind }) }
        : onRetry
          ? { label: '重试', run: onRetry }
          : undefined

  return (
    <View className='refusal-view' role='alert'>
      <Text className='refusal-view__message'>{refusal.message}</Text>
      {refusal.explanation && <Text className='refusal-view__detail'>{refusal.explanation}</Text>}
      {step && (
        <Button className='refusal-view__button' onClick={step.run}>
          {step.label}
        </Button>
      )}
    </View>
  )
}

RefusalView.displayName = 'RefusalView'

export default RefusalView
