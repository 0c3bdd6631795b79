import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { LecturerSummary } from '../../../shared/contract'
import { ratingWords } from '../../../shared/lecturerRules'
import { SPEAKER_ROLE_OPTIONS } from '../../utils/labels'
import './index.scss'

export interface LecturerRowProps {
  lecturer: LecturerSummary
  /** The row's buttons (选择, 移出…). */
  children?: ReactNode
}

const roleName = (role: LecturerSummary['speakerRole']) => SPEAKER_ROLE_OPTIONS.find((o) => o.value === role)?.label

/** One lecturer of the pool: name, role, where from, lectures given and rating. Class prefix `lecturer-row`. */
function LecturerRow({ lecturer: p, children }: LecturerRowProps) {
  const where = [p.title, p.unit].filter(Boolean).join(' · ')
  return (
    <View className='lecturer-row'>
      <View className='lecturer-row__head'>
        <Text className='lecturer-row__name'>{p.name}</Text>
        <Text className='lecturer-row__role'>{roleName(p.speakerRole)}</Text>
      </View>
      {where && <Text className='lecturer-row__line'>{where}</Text>}
      <Text className='lecturer-row__line'>{`讲过 ${p.given} 场 · ${ratingWords(p)}`}</Text>
      {children && <View className='lecturer-row__actions'>{children}</View>}
    </View>
  )
}

LecturerRow.displayName = 'LecturerRow'
export default LecturerRow
