import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import RefusalBox from '../../components/RefusalBox'
import type { MyLectureItem } from '../../shared/contract'
import { formatTimeRange } from '../../shared/chinaTime'
import type { Refusal } from '../../shared/errors'
import './index.scss'

/**
 * After moving to another branch: the member's sign-ups for lectures not yet held that are no longer open to
 * them (signup.mine marks them `movedAway`), each with 取消报名 so that the seat goes to someone who can come.
 */
export default function Moved() {
  const page = usePageLoad(async () => {
    const reply = await call('signup', 'mine', { scope: 'upcoming' })
    return reply.ok ? { ok: true as const, data: reply.data.items.filter((i) => i.movedAway) } : reply
  }, [])
  const [busy, setBusy] = useState<string>()
  const [refusal, setRefusal] = useState<{ id: string; reply: Refusal }>()

  const cancel = async (item: MyLectureItem) => {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: `您已转出原支部，确定取消“${item.lecture.title}”的报名吗？`,
      confirmText: '取消报名',
      cancelText: '不取消',
    })
    if (!confirm) return
    setBusy(item.lecture.id)
    setRefusal(undefined)
    const reply = await call('signup', 'cancel', { lectureId: item.lecture.id })
    if (reply.ok) void Taro.showToast({ title: '已取消报名', icon: 'none' })
    else setRefusal({ id: item.lecture.id, reply })
    await page.quietReload()
    setBusy(undefined)
  }

  if (page.phase !== 'ready' || page.data.length === 0) {
    return (
      <PageState
        className='moved'
        phase={page.phase === 'ready' ? 'empty' : page.phase}
        refusal={page.refusal}
        empty='没有需要处理的报名'
        onRetry={() => void page.reload()}
      />
    )
  }
  return (
    <View className='moved'>
      <Text className='moved__help'>
        您已转到新的支部，下面这些党课是原支部的，您已看不到。去不了的，请取消报名，把座位让给别人。
      </Text>
      {page.data.map((item) => (
        <View key={item.lecture.id} className='moved__item'>
          <Text className='moved__title'>{item.lecture.title}</Text>
          <Text className='moved__note'>{formatTimeRange(item.lecture.startAt, item.lecture.endAt)}</Text>
          <Text className='moved__note'>{item.lecture.address}</Text>
          {refusal?.id === item.lecture.id && <RefusalBox block='moved' refusal={refusal.reply} />}
          <Button
            className={`moved__button${busy === item.lecture.id ? ' moved__button--busy' : ''}`}
            onClick={() => void cancel(item)}
          >
            {busy === item.lecture.id ? '正在取消…' : '取消报名'}
          </Button>
        </View>
      ))}
    </View>
  )
}
