import { Text } from '@tarojs/components'
import type { Refusal } from '../../shared/errors'

/** A section's own refusal (the rest of the page still shows). */
export default function SectionRefusal({ refusal }: { refusal: Refusal }) {
  return <Text className='mine__section-refusal'>{refusal.message}</Text>
}
