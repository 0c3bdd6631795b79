import { Text, View } from '@tarojs/components'

export interface LabelRowProps {
  /** The card's class prefix: the card's style sheet styles `${block}__row`, `__label` and `__value`. */
  block: string
  label: string
  value: string
  /** Another class of the value, for one row the card sets apart (e.g. seats in bold). */
  valueClassName?: string
}

/** One label and its value side by side in a card (主讲 张三). No style sheet: see `label-rows` in the mixins. */
function LabelRow({ block, label, value, valueClassName }: LabelRowProps) {
  return (
    <View className={`${block}__row`}>
      <Text className={`${block}__label`}>{label}</Text>
      <Text className={`${block}__value${valueClassName ? ` ${valueClassName}` : ''}`}>{value}</Text>
    </View>
  )
}

LabelRow.displayName = 'LabelRow'

export default LabelRow
