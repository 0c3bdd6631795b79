import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import { formatDateTime, formatTimeRange } from '../../shared/chinaTime'
import { routes } from '../../utils/routes'
import './index.scss'

/** 待评价: the lectures the member attended whose rating window is open and that they have not rated. */
export default function ToRate() {
  const page = usePageLoad(async () => {
    const reply = await call('rating', 'pending', {})
    return reply.ok ? { ok: true as const, data: reply.data.items } : reply
  }, [])

  if (page.phase !== 'ready' || page.data.length === 0) {
    return (
      <PageState
        className='torate'
        phase={page.phase === 'ready' ? 'empty' : page.phase}
        refusal={page.refusal}
        empty='没有待评价的党课'
        onRetry={() => void page.reload()}
      />
    )
  }
  return (
    <View className='torate'>
      <Text className='torate__help'>
        您参加过的这些党课可以评价了。评价提交后不能修改。讲课人和支部看不到您的姓名（区县以上组织部门能看到，只用于处理不当言论）。
      </Text>
      {page.data.map(({ lecture, closesAt }) => (
        <View key={lecture.id} className='torate__item'>
          <Text className='torate__title'>{lecture.title}</Text>
          <Text className='torate__note'>{`${lecture.lecturerName} · ${formatTimeRange(lecture.startAt, lecture.endAt)}`}</Text>
          <Text className='torate__note'>{`${formatDateTime(closesAt)} 前可评价`}</Text>
          <Button className='torate__button' onClick={() => void Taro.navigateTo({ url: routes.rate(lecture.id) })}>
            去评价
          </Button>
        </View>
      ))}
    </View>
  )
}
