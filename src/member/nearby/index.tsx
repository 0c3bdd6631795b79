import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { call } from '../../api/client'
import { canOpenSettings, type LocationProblem, locate, openSettings } from '../../api/location'
import LectureCard from '../../components/LectureCard'
import PageState from '../../components/PageState'
import PrivacySheet from '../../components/PrivacySheet'
import type { LectureSummary, NearbyLecture } from '../../shared/contract'
import { formatDistance } from '../../shared/distance'
import type { Refusal } from '../../shared/errors'
import { routes } from '../../utils/routes'
import './index.scss'

type State =
  | { phase: 'loading' }
  | { phase: 'noPlace'; problem: LocationProblem }
  | { phase: 'refused'; refusal: Refusal }
  | { phase: 'ready'; items: NearbyLecture[] }

const weapp = process.env.TARO_ENV === 'weapp'
/** Why there is no place, and how to give it (check-in's words in api/location.ts ask to 签到 instead). */
const NO_PLACE: Record<LocationProblem, [string, string]> = {
  denied: weapp
    ? ['您没有允许小程序使用位置', '点下面的“去设置”，打开“位置信息”，再点“重新定位”。']
    : ['浏览器没有允许使用位置', '请在浏览器的设置里允许本网站使用位置，再点“重新定位”。'],
  off: ['手机的定位没有打开', '请在手机设置里打开定位（GPS），并允许微信使用位置，再点“重新定位”。'],
  unavailable: ['暂时获取不到位置', '请到窗边或开阔处稍等一下，再点“重新定位”。'],
  refused: ['您没有同意使用位置', '想按远近找党课，请点“重新定位”并选“同意”。'],
}

const openLecture = (lecture: LectureSummary) => void Taro.navigateTo({ url: routes.lecture(lecture.id) })
const backToList = () => void Taro.switchTab({ url: routes.index })

/** The distance line of a card: a walking lecture names the stop it is measured to. */
const distanceOf = (l: NearbyLecture) =>
  `约 ${formatDistance(l.distanceM)}${l.nearestStop ? `（最近的站点：${l.nearestStop}）` : ''}`

/**
 * 附近的党课: asks for the phone's place once per opening (and per 重新定位), sends it with lecture.nearby and
 * keeps it nowhere; lists the lectures nearest first with their distance. Class prefix `nearby`.
 */
export default function Nearby() {
  const [state, setState] = useState<State>({ phase: 'loading' })
  const ticket = useRef(0)

  const find = async () => {
    const mine = ++ticket.current
    setState({ phase: 'loading' })
    const here = await locate()
    if (mine !== ticket.current) return
    if (!here.ok) return setState({ phase: 'noPlace', problem: here.problem })
    const { lat, lng } = here.location
    const reply = await call('lecture', 'nearby', { lat, lng })
    if (mine !== ticket.current) return
    setState(reply.ok ? { phase: 'ready', items: reply.data.items } : { phase: 'refused', refusal: reply })
  }
  // After mount, not on load: the consent sheet (a child) must be listening before the place is asked.
  useEffect(() => void find(), [])

  return (
    <View className='nearby'>
      <PrivacySheet />
      {state.phase === 'loading' && <PageState phase='loading' />}
      {state.phase === 'refused' && <PageState phase='refused' refusal={state.refusal} onRetry={() => void find()} />}

      {state.phase === 'noPlace' && (
        <View className='nearby__refusal' role='alert'>
          <Text className='nearby__refusal-text'>{NO_PLACE[state.problem][0]}</Text>
          <Text className='nearby__refusal-detail'>{NO_PLACE[state.problem][1]}</Text>
          <Text className='nearby__refusal-detail'>
            不用位置也能找党课：回到党课列表，按主题、“本周”“本支部”筛选或搜索。
          </Text>
          {state.problem === 'denied' && canOpenSettings() && (
            <Button className='nearby__button' onClick={openSettings}>
              去设置
            </Button>
          )}
          <Button className='nearby__button' onClick={() => void find()}>
            重新定位
          </Button>
          <Button className='nearby__button nearby__button--plain' onClick={backToList}>
            回到党课列表
          </Button>
        </View>
      )}

      {state.phase === 'ready' && (
        <>
          <Text className='nearby__help'>
            {state.items.length
              ? '按离您的直线距离排列，近的在前。没有在地图上标出地点的党课，这里找不到。'
              : '附近暂时没有您可以参加的党课。没有在地图上标出地点的党课，这里找不到。'}
          </Text>
          {state.items.map((lecture) => (
            <LectureCard key={lecture.id} lecture={lecture} distance={distanceOf(lecture)} onClick={openLecture} />
          ))}
          {state.items.length === 0 && (
            <Button className='nearby__button nearby__button--plain' onClick={backToList}>
              回到党课列表
            </Button>
          )}
        </>
      )}
    </View>
  )
}
