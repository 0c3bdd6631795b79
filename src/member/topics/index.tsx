import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import { routes } from '../../utils/routes'
import './index.scss'

/**
 * 重点选题: the year's key topics a member's lectures may answer (the city's, then their district's), each
 * with the department that asked for it; a tap opens the topic's lectures. Class prefix `topics`.
 */
export default function Topics() {
  const page = usePageLoad(async () => {
    const reply = await call('topic', 'list', {})
    if (!reply.ok) return reply
    return {
      ok: true as const,
      data: { ...reply.data, items: reply.data.items.filter((t) => t.status === 'published') },
    }
  }, [])
  if (page.phase !== 'ready' || page.data.items.length === 0) {
    return (
      <PageState
        className='topics'
        phase={page.phase === 'ready' ? 'empty' : page.phase}
        refusal={page.refusal}
        empty='今年还没有发布重点选题'
        onRetry={() => void page.reload()}
      />
    )
  }
  const { year, items } = page.data
  return (
    <View className='topics'>
      <Text className='topics__intro'>{year}年的重点选题。点开一个选题，看围绕它开讲的党课。</Text>
      {items.map((t) => (
        <View
          key={t.id}
          className='topics__item'
          hoverClass='topics__item--pressed'
          onClick={() => void Taro.navigateTo({ url: routes.topic(t.id) })}
        >
          <Text className='topics__title'>{t.title}</Text>
          {t.description && <Text className='topics__text'>{t.description}</Text>}
          <Text className='topics__meta'>
            {t.orgName} · {t.department}提出
          </Text>
        </View>
      ))}
    </View>
  )
}
