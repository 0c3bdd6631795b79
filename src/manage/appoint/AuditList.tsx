import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import type { AuditCursor, AuditView } from '../../shared/contract'
import { formatDateTime } from '../../shared/chinaTime'
import { ActionButton, Notice, PageState, refusalNotice, type NoticeMessage, usePageLoad } from '../components'

/** 操作记录: who changed what in this subtree (tree, appointments, transfers), newest first, 20 at a time. */
export default function AuditList({ orgId }: { orgId: string }) {
  const first = usePageLoad(() => call('org', 'audit', { orgId }), [orgId], 'mount')
  const [more, setMore] = useState<{ items: AuditView[]; next?: AuditCursor }>()
  const [loading, setLoading] = useState(false)
  const [message, setMessage] = useState<NoticeMessage>()

  if (first.phase !== 'ready') {
    return <PageState phase={first.phase} refusal={first.refusal} onRetry={() => void first.reload()} />
  }
  const items = [...first.data.items, ...(more?.items ?? [])]
  const next = more ? more.next : first.data.next

  const loadMore = async () => {
    if (!next || loading) return
    setLoading(true)
    setMessage(undefined)
    const reply = await call('org', 'audit', { orgId, cursor: next })
    setLoading(false)
    if (!reply.ok) return setMessage(refusalNotice(reply))
    setMore({ items: [...(more?.items ?? []), ...reply.data.items], next: reply.data.next })
  }

  return (
    <View className='manage-appoint__audit'>
      {items.length === 0 && <PageState phase='empty' empty='还没有操作记录' />}
      {items.map((item) => (
        <View key={item.id} className='manage-appoint__entry'>
          <Text className='manage-appoint__entry-text'>{item.detail}</Text>
          <Text className='manage-appoint__detail'>{`${formatDateTime(item.at)} · ${item.byName}`}</Text>
        </View>
      ))}
      {message && <Notice {...message} />}
      {next && (
        <ActionButton variant='plain' busy={loading} onClick={() => void loadMore()}>
          {loading ? '正在加载…' : '加载更多'}
        </ActionButton>
      )}
    </View>
  )
}
