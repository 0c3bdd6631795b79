import { Text } from '@tarojs/components'
import type { StatusTone } from '../../utils/status'
import './index.scss'

export interface StatusTagProps {
  text: string
  tone?: StatusTone
}

const defaultProps = {
  tone: 'neutral',
} satisfies Partial<StatusTagProps>

/**
 * A short state in a coloured box: "已报名", "候补第3位", "未通过". The words carry the meaning, the
 * colour only helps. Spread a label from utils/status.ts into it. Class prefix `status-tag`.
 */
function StatusTag(props: StatusTagProps) {
  const { text, tone } = { ...defaultProps, ...props }
  return <Text className={`status-tag status-tag--${tone}`}>{text}</Text>
}

StatusTag.displayName = 'StatusTag'

export default StatusTag
