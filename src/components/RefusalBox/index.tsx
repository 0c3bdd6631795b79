import { Text, View } from '@tarojs/components'
import type { Refusal } from '../../shared/errors'

export interface RefusalBoxProps {
  /** The page's class prefix: its style sheet styles `${block}__refusal` with the `refusal-box` mixin. */
  block: string
  /** Nothing shows without one. */
  refusal?: Refusal
}

/**
 * Why the server refused what the member just sent, above the button they pressed: the message and its
 * explanation. No style sheet of its own (see `refusal-box` in the mixins); RefusalView is the refusal
 * that stands where a page's content would.
 */
function RefusalBox({ block, refusal }: RefusalBoxProps) {
  if (!refusal) return null
  return (
    <View className={`${block}__refusal`} role='alert'>
      <Text className={`${block}__refusal-text`}>{refusal.message}</Text>
      {refusal.explanation && <Text className={`${block}__refusal-detail`}>{refusal.explanation}</Text>}
    </View>
  )
}

RefusalBox.displayName = 'RefusalBox'

export default RefusalBox
