import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../api/client'
import { contract, type LectureSummary } from '../../shared/contract'
import type { Refusal } from '../../shared/errors'
import { ActionButton, ChoiceChips, Notice, OrgPicker, ReasonForm, StateView, useManagedNodes } from '../components'
import ManagedLectureItem from '../components/ManagedLectureItem'
import { actionsFor, SCOPE_TABS, type LectureAction, type ManagedScope } from '../utils/lectureActions'
import { pageUrl } from '../utils/route'
import './index.scss'

interface ListState {
  phase: 'loading' | 'ready' | 'refused'
  items: LectureSummary[]
  refusal?: Refusal
}

/** The outcome of the last action, shown under its lecture. */
interface ItemNotice {
  id: string
  tone: 'error' | 'success'
  text: string
  detail?: string
}

const cancelReason = contract.lecture.cancel.input.shape.reason

/**
 * 我的党课: the lectures of the organisations the secretary or administrator manages, by drafts,
 * upcoming and past, with what can be done to each.
 */
export default function ManageLectures() {
  const nodes = useManagedNodes()
  const [scope, setScope] = useState<ManagedScope>('upcoming')
  const [list, setList] = useState<ListState>({ phase: 'loading', items: [] })
  const [busy, setBusy] = useState<{ id: string; action: LectureAction }>()
  const [cancelling, setCancelling] = useState<string>()
  const [cancelError, setCancelError] = useState<string>()
  const [notice, setNotice] = useState<ItemNotice>()
  /** Only the latest request may change the list (a fast tab switch must not show a stale scope). */
  const ticket = useRef(0)
  const shownOnce = useRef(false)
  const orgId = nodes.selectedId

  const load = useCallback(
    async (quiet = false) => {
      if (!orgId) return
      const mine = ++ticket.current
      if (!quiet) setList({ phase: 'loading', items: [] })
      const reply = await call('lecture', 'managed', { scope, orgId })
      if (mine !== ticket.current) return
      if (reply.ok) setList({ phase: 'ready', items: reply.data.items })
      else if (!quiet) setList({ phase: 'refused', items: [], refusal: reply })
    },
    [scope, orgId],
  )

  useEffect(() => {
    void load()
  }, [load])

  // Back from the form or the roster: refresh statuses and seats without blanking the list.
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true
      return
    }
    void load(true)
  })

  const run = async (lecture: LectureSummary, action: LectureAction, work: () => Promise<void>) => {
    if (busy) return
    setBusy({ id: lecture.id, action })
    setNotice(undefined)
    try {
      await work()
    } finally {
      setBusy(undefined)
    }
  }

  const refused = (id: string, reply: Refusal, prefix = '') =>
    setNotice({ id, tone: 'error', text: prefix + reply.message, detail: reply.explanation })

  const publish = (lecture: LectureSummary) =>
    run(lecture, 'publish', async () => {
      const { confirm } = await Taro.showModal({
        title: '发布党课',
        content: `发布后，党员就能看到并报名「${lecture.title}」。确定发布吗？`,
        confirmText: '发布',
        cancelText: '再看看',
      })
      if (!confirm) return
      const reply = await call('lecture', 'publish', { id: lecture.id })
      if (!reply.ok) return refused(lecture.id, reply, '没有发布成功：')
      void Taro.showToast({ title: '已发布', icon: 'success' })
      await load(true)
    })

  const duplicate = (lecture: LectureSummary) =>
    run(lecture, 'duplicate', async () => {
      const reply = await call('lecture', 'duplicate', { id: lecture.id })
      if (!reply.ok) return refused(lecture.id, reply, '没有复制成功：')
      void Taro.navigateTo({ url: pageUrl('edit', { id: reply.data.id }) })
    })

  const cancel = (lecture: LectureSummary, reason: string) =>
    run(lecture, 'cancel', async () => {
      const reply = await call('lecture', 'cancel', { id: lecture.id, reason })
      if (!reply.ok) {
        setCancelError([reply.message, reply.explanation].filter(Boolean).join('：'))
        return
      }
      setCancelling(undefined)
      setNotice({ id: lecture.id, tone: 'success', text: `已取消，已通知报名的 ${reply.data.notified} 人` })
      await load(true)
    })

  const onAction = (action: LectureAction, lecture: LectureSummary) => {
    if (action === 'edit') void Taro.navigateTo({ url: pageUrl('edit', { id: lecture.id }) })
    else if (action === 'roster') void Taro.navigateTo({ url: pageUrl('roster', { id: lecture.id }) })
    else if (action === 'checkin') void Taro.navigateTo({ url: pageUrl('checkin', { id: lecture.id }) })
    else if (action === 'publish') void publish(lecture)
    else if (action === 'duplicate') void duplicate(lecture)
    else {
      setCancelling(cancelling === lecture.id ? undefined : lecture.id)
      setCancelError(undefined)
    }
  }

  const now = new Date()
  // The study hours of the branch in view; for a node above branches, the server takes the caller's own.
  const selectedBranch = nodes.nodes.find((node) => node.id === orgId && node.kind === 'branch')?.id
  return (
    <View className='manage-lectures'>
      {nodes.phase !== 'ready' && (
        <StateView phase={nodes.phase} refusal={nodes.refusal} onRetry={() => void nodes.reload()} />
      )}
      {nodes.phase === 'ready' && nodes.nodes.length === 0 && (
        <StateView phase='empty' text='您目前没有可以发布党课的组织。如需发布，请联系上级党组织。' />
      )}
      {nodes.phase === 'ready' && nodes.nodes.length > 0 && (
        <>
          <OrgPicker nodes={nodes.nodes} value={orgId} onChange={nodes.select} />
          <View className='manage-lectures__top'>
            <ActionButton block onClick={() => void Taro.navigateTo({ url: pageUrl('edit', { orgId }) })}>
              ＋ 发布新党课
            </ActionButton>
          </View>
          <ChoiceChips className='manage-lectures__tabs' options={SCOPE_TABS} value={scope} onChange={setScope} />
          <View className='manage-lectures__body'>
            {list.phase !== 'ready' && (
              <StateView phase={list.phase} refusal={list.refusal} onRetry={() => void load()} />
            )}
            {list.phase === 'ready' && list.items.length === 0 && (
              <StateView phase='empty' text={scope === 'drafts' ? '没有草稿' : '这里还没有党课'} />
            )}
            {list.phase === 'ready' &&
              list.items.map((lecture) => (
                <ManagedLectureItem
                  key={lecture.id}
                  lecture={lecture}
                  actions={actionsFor(lecture, now)}
                  onAction={onAction}
                  busyAction={busy?.id === lecture.id ? busy.action : undefined}
                >
                  {cancelling === lecture.id && (
                    <ReasonForm
                      id={`cancel-reason-${lecture.id}`}
                      label='取消的原因（报名的党员会看到）'
                      placeholder='如：因天气原因改期'
                      confirmText='确认取消党课'
                      validate={(reason) => {
                        const parsed = cancelReason.safeParse(reason)
                        return parsed.success ? undefined : parsed.error.issues[0]?.message
                      }}
                      busy={busy?.id === lecture.id && busy.action === 'cancel'}
                      error={cancelError}
                      onConfirm={(reason) => void cancel(lecture, reason)}
                      onBack={() => setCancelling(undefined)}
                    />
                  )}
                  {notice?.id === lecture.id && <Notice tone={notice.tone} text={notice.text} detail={notice.detail} />}
                </ManagedLectureItem>
              ))}
          </View>
          {nodes.nodes.some((node) => node.kind === 'branch') && (
            <View className='manage-lectures__links'>
              <Text className='manage-lectures__links-title'>支部事务</Text>
              <View className='manage-lectures__link-row'>
                <ActionButton
                  variant='plain'
                  className='manage-lectures__link'
                  onClick={() => void Taro.navigateTo({ url: pageUrl('proposals') })}
                >
                  党员自荐
                </ActionButton>
                <ActionButton
                  variant='plain'
                  className='manage-lectures__link'
                  onClick={() => void Taro.navigateTo({ url: pageUrl('members') })}
                >
                  支部名册
                </ActionButton>
                <ActionButton
                  variant='plain'
                  className='manage-lectures__link'
                  onClick={() => void Taro.navigateTo({ url: pageUrl('hours', { branchId: selectedBranch }) })}
                >
                  学时统计
                </ActionButton>
                {nodes.roles.includes('admin') && (
                  <ActionButton
                    variant='plain'
                    className='manage-lectures__link'
                    onClick={() => void Taro.navigateTo({ url: pageUrl('targets') })}
                  >
                    学时标准
                  </ActionButton>
                )}
              </View>
            </View>
          )}
        </>
      )}
    </View>
  )
}
