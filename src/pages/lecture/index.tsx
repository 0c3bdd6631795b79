import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState, type ReactNode } from 'react'
import { call } from '../../api/client'
import PageState from '../../components/PageState'
import SignupButton from '../../components/SignupButton'
import StatusTag from '../../components/StatusTag'
import { checkinWindow } from '../../shared/checkinRules'
import type { LectureDetail, SignupStatus } from '../../shared/contract'
import { refusal, type Refusal } from '../../shared/errors'
import { themeName } from '../../shared/themes'
import { formatTimeRange } from '../../shared/chinaTime'
import { readParam, routes } from '../../utils/routes'
import { cancelPolicyText, signUpResultText, signupAction } from '../../utils/signup'
import { checkinStatusLabel, reviewText, signupStatusLabel } from '../../utils/status'
import './index.scss'

type Phase = { phase: 'loading' } | { phase: 'ready'; lecture: LectureDetail } | { phase: 'refused'; refusal: Refusal }

/** What cancelling gives up, said before the member confirms. */
const CANCEL_WARNING: Partial<Record<SignupStatus, string>> = {
  confirmed: '取消后，您的座位会让给候补的党员。',
  waitlisted: '取消后，您将不再排队候补。',
  pending: '取消后，支部将不再审核您的报名。',
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='lecture__row'>
      <Text className='lecture__label'>{label}</Text>
      <View className='lecture__value'>{children}</View>
    </View>
  )
}

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
  const [state, setState] = useState<Phase>({ phase: 'loading' })
  const [busy, setBusy] = useState(false)
  /** The last action's refusal, shown above the button until the next action. */
  const [actionRefusal, setActionRefusal] = useState<Refusal>()
  const ticket = useRef(0)
  const shownOnce = useRef(false)

  /** `quiet` keeps the lecture on screen while it reloads, and keeps it if the reload is refused. */
  const load = useCallback(
    async (quiet: boolean) => {
      if (!id) {
        setState({ phase: 'refused', refusal: refusal('NOT_FOUND') })
        return
      }
      const mine = ++ticket.current
      if (!quiet) setState({ phase: 'loading' })
      const reply = await call('lecture', 'detail', { id })
      if (mine !== ticket.current) return
      if (reply.ok) setState({ phase: 'ready', lecture: reply.data })
      else if (!quiet) setState({ phase: 'refused', refusal: reply })
    },
    [id],
  )

  // The first show loads; coming back (e.g. from the roster) refreshes seats and state in place.
  useDidShow(() => {
    void load(shownOnce.current)
    shownOnce.current = true
  })

  const act = async (kind: 'signUp' | 'waitlist' | 'cancel', lecture: LectureDetail) => {
    if (busy) return
    if (kind === 'cancel') {
      const status = lecture.mySignup?.status
      const answer = await Taro.showModal({
        title: '取消报名',
        content: `确定要取消报名吗？${(status && CANCEL_WARNING[status]) ?? ''}`,
        confirmText: '取消报名',
        cancelText: '不取消',
        confirmColor: '#C40000',
      })
      if (!answer.confirm) return
    }
    setBusy(true)
    setActionRefusal(undefined)
    const reply =
      kind === 'cancel'
        ? await call('signup', 'cancel', { lectureId: lecture.id })
        : await call('signup', 'signUp', { lectureId: lecture.id })
    if (reply.ok) {
      void Taro.showToast({ title: kind === 'cancel' ? '已取消报名' : signUpResultText(reply.data), icon: 'none' })
    } else {
      setActionRefusal(reply)
    }
    // Seats, waitlist and the member's state as the server now has them (also after a refusal:
    // "报名已截止" or a full lecture means the page was out of date).
    await load(true)
    setBusy(false)
  }

  if (state.phase !== 'ready') {
    return (
      <PageState
        className='lecture'
        phase={state.phase === 'loading' ? 'loading' : 'refused'}
        refusal={state.phase === 'refused' ? state.refusal : undefined}
        onRetry={() => void load(false)}
      />
    )
  }

  const l = state.lecture
  const now = new Date()
  const action = signupAction(l, now)
  const full = l.seatsLeft <= 0
  const stops = l.venue.stops

  return (
    <View className='lecture'>
      {l.status === 'cancelled' && (
        <View className='lecture__cancelled' role='alert'>
          <Text className='lecture__cancelled-title'>这场党课已取消</Text>
          {l.cancelReason && <Text className='lecture__cancelled-reason'>{`原因：${l.cancelReason}`}</Text>}
        </View>
      )}

      {l.coverUrl && <Image className='lecture__cover' src={l.coverUrl} mode='aspectFill' />}
      <View className='lecture__head'>
        <Text className='lecture__theme'>{themeName(l.theme)}</Text>
        <Text className='lecture__title'>{l.title}</Text>
      </View>

      <View className='lecture__section'>
        <Row label='主讲'>
          <Text className='lecture__text'>{l.lecturer.name}</Text>
          {l.lecturer.title && <Text className='lecture__note'>{l.lecturer.title}</Text>}
        </Row>
        <Row label='主办'>
          <Text className='lecture__text'>{l.hostOrgName}</Text>
        </Row>
        <Row label='时间'>
          <Text className='lecture__text'>{formatTimeRange(l.startAt, l.endAt)}</Text>
        </Row>
        <Row label='地点'>
          <Text className='lecture__text'>{l.venue.address}</Text>
        </Row>
        {stops.length > 0 && (
          <Row label='路线'>
            {stops.map((stop, i) => (
              <View key={`${i}-${stop.name}`} className='lecture__stop'>
                <Text className='lecture__text'>{`第${i + 1}站：${stop.name}`}</Text>
                <Text className='lecture__note'>{stop.address}</Text>
              </View>
            ))}
          </Row>
        )}
        <Row label='学时'>
          <Text className='lecture__text'>{`${l.credit.hours} 学时`}</Text>
        </Row>
      </View>

      <View className='lecture__section'>
        <Row label='名额'>
          <Text className={`lecture__seats${full ? ' lecture__seats--full' : ''}`}>
            {full ? `已满（共 ${l.capacity} 席）` : `余 ${l.seatsLeft} 席 / 共 ${l.capacity} 席`}
          </Text>
        </Row>
        {(full || l.waiting > 0) && (
          <Row label='候补'>
            <Text className='lecture__text'>{`${l.waiting} 人在候补`}</Text>
          </Row>
        )}
        <Row label='截止'>
          <Text className='lecture__text'>{`${formatTimeRange(l.signupDeadline)} 报名截止`}</Text>
        </Row>
        <Row label='审核'>
          <Text className='lecture__text'>{l.approvalRequired ? '报名后需支部审核' : '不需审核，报上即可'}</Text>
        </Row>
        <Row label='取消'>
          <Text className='lecture__text'>{cancelPolicyText(l)}</Text>
        </Row>
      </View>

      {l.summary !== '' && (
        <View className='lecture__section'>
          <Text className='lecture__section-title'>党课简介</Text>
          <Text className='lecture__summary'>{l.summary}</Text>
        </View>
      )}

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
        {actionRefusal && (
          <View className='lecture__refusal' role='alert'>
            <Text className='lecture__refusal-text'>{actionRefusal.message}</Text>
            {actionRefusal.explanation && <Text className='lecture__refusal-detail'>{actionRefusal.explanation}</Text>}
          </View>
        )}
        <SignupButton action={action} busy={busy} onPress={(kind) => void act(kind, l)} />
      </View>
    </View>
  )
}
