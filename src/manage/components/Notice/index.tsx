import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Refusal } from '../../../shared/errors'
import './index.scss'

export interface NoticeProps {
  /** error: a refusal or what to fix; success: it worked; info: good to know. */
  tone?: 'error' | 'success' | 'info'
  text: string
  detail?: string
  /** Buttons that go with the message (e.g. 去编辑). */
  children?: ReactNode
  className?: string
}

/** An action's outcome as a page keeps it until it shows it: `<Notice {...message} />`. */
export interface NoticeMessage {
  tone: 'error' | 'success'
  text: string
  detail?: string
}

/** A refusal as a message, its text after `prefix` (e.g. 没有保存成功：). */
export function refusalNotice(reply: Refusal, prefix = ''): NoticeMessage {
  return { tone: 'error', text: prefix + reply.message, detail: reply.explanation }
}

const defaultProps = { tone: 'info' } satisfies Partial<NoticeProps>

/** A message in a framed box, next to what it is about. Class prefix `notice`. */
function Notice(props: NoticeProps) {
  const { tone, text, detail, children, className } = { ...defaultProps, ...props }
  return (
    <View className={`notice notice--${tone}${className ? ` ${className}` : ''}`}>
      <Text className='notice__text'>{text}</Text>
      {detail && <Text className='notice__detail'>{detail}</Text>}
      {children && <View className='notice__actions'>{children}</View>}
    </View>
  )
}

Notice.displayName = 'Notice'

export default Notice
