import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { call } from '../../api/client'
import LectureCard from '../../components/LectureCard'
import PageState, { usePageLoad } from '../../components/PageState'
import type { LectureSummary } from '../../shared/contract'
import { refusal } from '../../shared/errors'
import { TOPIC_STATUS } from '../../shared/words'
import { readParam, routes } from '../../utils/routes'
import './index.scss'

const open = (l: LectureSummary) => void Taro.navigateTo({ url: routes.lecture(l.id) })

/** One key topic (点题) and the lectures on it the member may see: upcoming first, then those held. */
export default function Topic() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const page = usePageLoad(() => (id ? call('topic', 'detail', { id }) : Promise.resolve(refusal('NOT_FOUND'))), [id])
  if (page.phase !== 'ready') {
    return <PageState className='topic' phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
  }
  const { topic, upcoming, held } = page.data
  return (
    <View className='topic'>
      <View className='topic__head'>
        <Text className='topic__title'>{topic.title}</Text>
        {topic.status !== 'published' && <Text className='topic__status'>{TOPIC_STATUS[topic.status]}</Text>}
        {topic.description && <Text className='topic__text'>{topic.description}</Text>}
        <Text className='topic__meta'>
          {topic.year}年 · {topic.orgName} · {topic.department}提出
        </Text>
      </View>
      <Text className='topic__section'>即将开讲（{upcoming.length}）</Text>
      {upcoming.length === 0 && <Text className='topic__empty'>暂时没有即将开讲的党课</Text>}
      {upcoming.map((l) => (
        <LectureCard key={l.id} lecture={l} onClick={open} />
      ))}
      <Text className='topic__section'>已经讲过（{held.length}）</Text>
      {held.length === 0 && <Text className='topic__empty'>还没有讲过的党课</Text>}
      {held.map((l) => (
        <LectureCard key={l.id} lecture={l} onClick={open} />
      ))}
    </View>
  )
}
