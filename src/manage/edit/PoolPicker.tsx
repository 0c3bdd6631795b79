import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import type { LecturerSummary } from '../../shared/contract'
import { ActionButton, LecturerRow, PageState, SearchField, usePageLoad } from '../components'
import './PoolPicker.scss'

/** What the form takes from a picked pool lecturer. */
export type PoolPick = LecturerSummary

export interface PoolPickerProps {
  onPick: (lecturer: PoolPick) => void
  onClose: () => void
}

/**
 * 从师资库选择: a sheet over the lecture form, searching the pool by name (best rated first). A lecturer of
 * another node is marked: they are put on the lecture by an invitation. Class prefix `pool-picker`.
 */
export default function PoolPicker({ onPick, onClose }: PoolPickerProps) {
  const [q, setQ] = useState('')
  const list = usePageLoad(() => call('lecturer', 'search', { q: q || undefined, pageSize: 30 }), [q], 'mount')
  return (
    <View className='pool-picker'>
      <View className='pool-picker__sheet'>
        <View className='pool-picker__head'>
          <Text className='pool-picker__title'>从师资库选择主讲人</Text>
          <ActionButton size='small' variant='plain' onClick={onClose}>
            关闭
          </ActionButton>
        </View>
        <SearchField placeholder='输入主讲人姓名' maxLength={20} onSearch={setQ} />
        <View className='pool-picker__list'>
          {list.phase !== 'ready' && (
            <PageState phase={list.phase} refusal={list.refusal} onRetry={() => void list.reload()} />
          )}
          {list.phase === 'ready' && list.data.items.length === 0 && (
            <PageState phase='empty' empty={q ? `师资库里没有名字含“${q}”的主讲人` : '师资库还是空的'} />
          )}
          {list.phase === 'ready' &&
            list.data.items.map((p) => (
              <LecturerRow key={p.id} lecturer={p}>
                <ActionButton className='lecturer-row__action' size='small' onClick={() => onPick(p)}>
                  {`选择${p.name}`}
                </ActionButton>
                {p.needsInvitation && <Text className='pool-picker__note'>外单位主讲人，保存后发出邀请</Text>}
              </LecturerRow>
            ))}
        </View>
      </View>
    </View>
  )
}
