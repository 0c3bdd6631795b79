import { Text, View } from '@tarojs/components'
import { call } from '../../api/client'
import type { TopicChoice } from '../../shared/contract'
import { usePageLoad } from '../PageState/usePageLoad'
import './index.scss'

export interface TopicPickerProps {
  /** The lecture's year (China time): only that year's topics are offered. */
  year: number
  /** The lecture's host; absent: the caller's branch (a proposal). */
  orgId?: string
  value?: string
  /** The topic chosen, with its title; undefined: none. */
  onChange: (topic: TopicChoice | undefined) => void
}

/**
 * 重点选题 on the lecture and proposal forms: none, or one of the year's published topics in the host's
 * scope (the city's and its district's), as the server will check them (TOPIC_UNAVAILABLE). A topic chosen
 * before that the list no longer offers (another year, another host) stays shown, marked, so the server's
 * refusal is no surprise. Class prefix `topic-picker`.
 */
function TopicPicker({ year, orgId, value, onChange }: TopicPickerProps) {
  const choices = usePageLoad(
    () => call('topic', 'choices', orgId ? { year, orgId } : { year }),
    [year, orgId],
    'mount',
  )
  const items = choices.data?.items ?? []
  const missing = !!value && choices.phase === 'ready' && !items.some((t) => t.id === value)
  const option = (id: string | undefined, title: string, note?: string) => {
    const active = id === value
    return (
      <View
        key={id ?? ''}
        className={`topic-picker__option${active ? ' topic-picker__option--active' : ''}`}
        role='radio'
        aria-checked={active}
        onClick={() => onChange(id ? items.find((t) => t.id === id) : undefined)}
      >
        <Text className='topic-picker__title'>{title}</Text>
        {note && <Text className='topic-picker__note'>{note}</Text>}
      </View>
    )
  }
  return (
    <View className='topic-picker' role='radiogroup'>
      {option(undefined, '不选重点选题')}
      {items.map((t) => option(t.id, t.title, t.orgName))}
      {missing && <Text className='topic-picker__note'>原来选的选题已不在{year}年的可选范围内，请重新选择</Text>}
      {choices.phase === 'loading' && <Text className='topic-picker__note'>正在加载{year}年的重点选题…</Text>}
      {choices.phase === 'ready' && items.length === 0 && (
        <Text className='topic-picker__note'>{year}年还没有发布重点选题</Text>
      )}
      {choices.phase === 'refused' && <Text className='topic-picker__note'>{choices.refusal.message}</Text>}
    </View>
  )
}

TopicPicker.displayName = 'TopicPicker'

export default TopicPicker
