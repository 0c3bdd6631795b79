import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import RefusalBox from '../../components/RefusalBox'
import SignupButton from '../../components/SignupButton'
import StatusTag from '../../components/StatusTag'
import { checkinWindow } from '../../shared/checkinRules'
import type { LectureDetail } from '../../shared/contract'
import { refusal } from '../../shared/errors'
import { readParam, routes } from '../../utils/routes'
import { signupAction } from '../../utils/signup'
import { checkinStatusLabel, reviewText, signupStatusLabel } from '../../utils/status'
import LectureFacts from './LectureFacts'
import { useSignupAction } from './useSignupAction'
import './index.scss'

/** Check-in is open now (the server decides again when the member scans). */
function checkinOpen(l: LectureDetail, now: Date): boolean {
  if (l.status !== 'published') return false
  const { opensAt, closesAt } = checkinWindow({ startAt: new Date(l.startAt), endAt: new Date(l.endAt) })
  return opensAt.getTime() <= now.getTime() && now.getTime() <= closesAt.getTime()
}

/** One lecture: everything a member needs to decide, their own state, and the one action that fits it. */
export default function Lecture() {
  const params = useRouter().params
  // A printed mini-program code opens the page with `scene` = the lecture id (WeChat hands it encoded).
  const id = readParam(params, 'id') ?? readParam(params, 'scene') ?? ''
  // The first show loads; coming back (e.g. from the roster) refreshes seats and state in place.
  const page = usePageLoad(() => (id ? call('lecture', 'detail', { id }) : Promise.resolve(refusal('NOT_FOUND'))), [id])
  const signup = useSignupAction(page.quietReload)

  if (page.phase !== 'ready') {
    return (
      <PageState className='lecture' phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
    )
  }

  const l = page.data
  const now = new Date()
  return (
    <View className='lecture'>
      <LectureFacts lecture={l} />

      {l.canManage && (
        <Button className='lecture__manage' onClick={() => void Taro.navigateTo({ url: routes.manageRoster(l.id) })}>
          管理这场党课
        </Button>
      )}

      <View className='lecture__bar'>
        {l.mySignup && (
          <View className='lecture__mine'>
            <Text className='lecture__mine-label'>我的报名</Text>
            <StatusTag {...signupStatusLabel(l.mySignup.status, l.mySignup.position)} />
          </View>
        )}
        {l.myCheckin && (
          <View className='lecture__mine'>
            <Text className='lecture__mine-label'>我的签到</Text>
            <StatusTag {...checkinStatusLabel(l.myCheckin, l.checkinLevel)} />
            {l.myCheckin.review && <Text className='lecture__mine-note'>{reviewText(l.myCheckin.review)}</Text>}
          </View>
        )}
        {checkinOpen(l, now) && (
          <Button className='lecture__checkin' onClick={() => void Taro.navigateTo({ url: routes.checkin(l.id) })}>
            {l.checkinLevel === 'L3' ? '签到 / 签退' : '签到'}
          </Button>
        )}
        {l.myRating && (l.myRating.open || l.myRating.rated) && (
          <Button
            className={l.myRating.rated ? 'lecture__rated' : 'lecture__checkin'}
            onClick={() => void Taro.navigateTo({ url: routes.rate(l.id) })}
          >
            {l.myRating.rated ? '我的评价' : '评价'}
          </Button>
        )}
        <RefusalBox block='lecture' refusal={signup.refusal} />
        <SignupButton action={signupAction(l, now)} busy={signup.busy} onPress={(kind) => void signup.act(kind, l)} />
      </View>
    </View>
  )
}
