import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call } from '../../api/client'
import { canScan, scanQr } from '../../api/scanner'
import PageState from '../../components/PageState'
import StatusTag from '../../components/StatusTag'
import { lectureIdOfQr } from '../../shared/checkinRules'
import type { Me, MyLectureItem, ProposalView } from '../../shared/contract'
import type { Refusal, Reply } from '../../shared/errors'
import { themeName } from '../../shared/themes'
import { formatDay, formatTimeRange } from '../../shared/chinaTime'
import { groupMyLectures, manageEntries, roleNames } from '../../utils/member'
import { routes } from '../../utils/routes'
import { proposalStatusLabel, signupStatusLabel } from '../../utils/status'
import './index.scss'

type Items<T> = Reply<{ items: T[] }>

interface MineState {
  phase: 'loading' | 'ready' | 'refused'
  me?: Me
  refusal?: Refusal
  upcoming?: Items<MyLectureItem>
  past?: Items<MyLectureItem>
  proposals?: Items<ProposalView>
}

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * 扫码签到 from "我的": scan the lecture's code and open its check-in page with it (the page sends it at
 * once). A printed mini-program code names a page of this app: open that page.
 */
async function scanToCheckIn() {
  const scanned = await scanQr()
  if (!scanned.ok) return
  if (scanned.path) {
    go(`/${scanned.path.replace(/^\//, '')}`)
    return
  }
  const lectureId = lectureIdOfQr(scanned.text)
  if (lectureId) go(routes.checkin(lectureId, scanned.text))
  else
    void Taro.showModal({
      title: '不是签到码',
      content: '这不是党课的签到二维码。请扫描党课现场屏幕上的签到码。',
      showCancel: false,
      confirmText: '知道了',
    })
}

/** Check-in and study hours: what every bound member may open. */
function CheckinEntries() {
  const entries = [
    ...(canScan() ? [{ title: '扫码签到', run: () => void scanToCheckIn() }] : []),
    { title: '我的学时', run: () => go(routes.hours) },
    { title: '我的党员码', run: () => go(routes.myCode) },
  ]
  return (
    <View className='mine__section'>
      <Text className='mine__section-title'>签到与学时</Text>
      {entries.map((e) => (
        <View key={e.title} className='mine__entry' hoverClass='mine__row--pressed' onClick={e.run}>
          <Text className='mine__entry-text'>{e.title}</Text>
          <Text className='mine__entry-arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}

function LectureRow({ item }: { item: MyLectureItem }) {
  return (
    <View className='mine__row' hoverClass='mine__row--pressed' onClick={() => go(routes.lecture(item.lecture.id))}>
      <View className='mine__row-main'>
        <Text className='mine__row-title'>{item.lecture.title}</Text>
        <Text className='mine__row-note'>{formatTimeRange(item.lecture.startAt, item.lecture.endAt)}</Text>
        <Text className='mine__row-note'>{item.lecture.address}</Text>
        {item.status === 'declined' && item.reason && (
          <Text className='mine__row-reason'>{`原因：${item.reason}`}</Text>
        )}
      </View>
      <StatusTag {...signupStatusLabel(item.status, item.position)} />
    </View>
  )
}

function LectureGroup({ title, items, empty }: { title: string; items: MyLectureItem[]; empty?: string }) {
  if (items.length === 0 && !empty) return null
  return (
    <View className='mine__group'>
      <Text className='mine__group-title'>{`${title}（${items.length}）`}</Text>
      {items.length === 0 && <Text className='mine__empty'>{empty}</Text>}
      {items.map((item) => (
        <LectureRow key={item.lecture.id} item={item} />
      ))}
    </View>
  )
}

function ProposalRow({ proposal }: { proposal: ProposalView }) {
  return (
    <View className='mine__row'>
      <View className='mine__row-main'>
        <Text className='mine__row-title'>{proposal.title}</Text>
        <Text className='mine__row-note'>{`${themeName(proposal.theme)} · ${formatDay(proposal.createdAt)}提交`}</Text>
        {proposal.status === 'declined' && proposal.reason && (
          <Text className='mine__row-reason'>{`原因：${proposal.reason}`}</Text>
        )}
      </View>
      <StatusTag {...proposalStatusLabel(proposal.status)} />
    </View>
  )
}

/** A section's own refusal (the rest of the page still shows). */
function SectionRefusal({ refusal }: { refusal: Refusal }) {
  return <Text className='mine__section-refusal'>{refusal.message}</Text>
}

/** 我的: who I am, my lectures by state, my proposals, and the secretary's pages for those who manage. */
export default function Mine() {
  const [state, setState] = useState<MineState>({ phase: 'loading' })
  const ticket = useRef(0)
  const shownOnce = useRef(false)

  /** Who the member is first; their lectures and proposals only when a member is bound. */
  const load = useCallback(async (quiet: boolean) => {
    const mine = ++ticket.current
    if (!quiet) setState({ phase: 'loading' })
    const me = await call('member', 'me', {})
    if (mine !== ticket.current) return
    if (!me.ok) {
      if (!quiet) setState({ phase: 'refused', refusal: me })
      return
    }
    if (!me.data.bound) {
      setState({ phase: 'ready', me: me.data })
      return
    }
    const [upcoming, past, proposals] = await Promise.all([
      call('signup', 'mine', { scope: 'upcoming' }),
      call('signup', 'mine', { scope: 'past' }),
      call('proposal', 'mine', {}),
    ])
    if (mine !== ticket.current) return
    setState({ phase: 'ready', me: me.data, upcoming, past, proposals })
  }, [])

  // A tab page: every return (after signing up, binding or proposing) shows the latest, in place.
  useDidShow(() => {
    void load(shownOnce.current)
    shownOnce.current = true
  })

  if (state.phase !== 'ready') {
    return (
      <PageState
        className='mine'
        phase={state.phase === 'loading' ? 'loading' : 'refused'}
        refusal={state.refusal}
        onRetry={() => void load(false)}
      />
    )
  }

  const member = state.me?.member
  if (!state.me?.bound || !member) {
    return (
      <View className='mine'>
        <View className='mine__card mine__card--bind'>
          <Text className='mine__card-title'>您还没有绑定党员身份</Text>
          <Text className='mine__card-text'>
            绑定后就能报名党课、查看自己的报名和学时。可以用支部给的6位邀请码绑定，也可以填写姓名和手机号绑定。
          </Text>
          <Button className='mine__button' onClick={() => go(routes.bind)}>
            去绑定
          </Button>
        </View>
      </View>
    )
  }

  const entries = manageEntries(member)
  const { upcoming, past, proposals } = state
  const groups = upcoming?.ok && past?.ok ? groupMyLectures(upcoming.data.items, past.data.items) : undefined
  const lectureRefusal = upcoming && !upcoming.ok ? upcoming : past && !past.ok ? past : undefined

  return (
    <View className='mine'>
      <View className='mine__card'>
        <Text className='mine__name'>{member.name}</Text>
        <Text className='mine__card-text'>{member.branchName}</Text>
        <Text className='mine__card-text'>{roleNames(member.roles)}</Text>
      </View>

      <CheckinEntries />

      {entries.length > 0 && (
        <View className='mine__section'>
          <Text className='mine__section-title'>支部工作</Text>
          {entries.map((e) => (
            <View key={e.url} className='mine__entry' hoverClass='mine__row--pressed' onClick={() => go(e.url)}>
              <Text className='mine__entry-text'>{e.title}</Text>
              <Text className='mine__entry-arrow'>›</Text>
            </View>
          ))}
        </View>
      )}

      <View className='mine__section'>
        <Text className='mine__section-title'>我的党课</Text>
        {lectureRefusal && <SectionRefusal refusal={lectureRefusal} />}
        {groups && (
          <>
            <LectureGroup title='已报名' items={groups.signedUp} empty='暂无，去“党课”页看看吧' />
            <LectureGroup title='候补中' items={groups.waitlisted} />
            <LectureGroup title='待审核' items={groups.pending} />
            <LectureGroup title='未通过审核' items={groups.declined} />
            <LectureGroup title='已参加' items={groups.attended} empty='暂无' />
          </>
        )}
      </View>

      <View className='mine__section'>
        <Text className='mine__section-title'>我的自荐</Text>
        {proposals && !proposals.ok && <SectionRefusal refusal={proposals} />}
        {proposals?.ok && proposals.data.items.length === 0 && <Text className='mine__empty'>您还没有自荐讲党课</Text>}
        {proposals?.ok && proposals.data.items.map((p) => <ProposalRow key={p.id} proposal={p} />)}
        <Button className='mine__button' onClick={() => go(routes.propose)}>
          我要讲党课
        </Button>
      </View>
    </View>
  )
}
