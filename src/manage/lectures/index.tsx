import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import { contract } from '../../shared/contract'
import {
  ActionButton,
  ChoiceChips,
  ManagedNodesView,
  Notice,
  OrgPicker,
  PageState,
  ReasonForm,
  usePageLoad,
  useManagedNodes,
} from '../components'
import ManagedLectureItem from '../components/ManagedLectureItem'
import { actionsFor, SCOPE_TABS, type ManagedScope } from '../utils/lectureActions'
import { pageUrl } from '../utils/route'
import { problemWith } from '../utils/validate'
import BranchLinks from './BranchLinks'
import { useLectureActions } from './useLectureActions'
import './index.scss'

const validateCancelReason = problemWith(contract.lecture.cancel.input.shape.reason)

/**
 * 我的党课: the lectures of the organisations the secretary or administrator manages, by drafts,
 * upcoming and past, with what can be done to each. Back from the form or the roster, the list is
 * asked again in place (statuses and seats), without blanking it.
 */
export default function ManageLectures() {
  const nodes = useManagedNodes()
  const [scope, setScope] = useState<ManagedScope>('upcoming')
  const orgId = nodes.selectedId
  const list = usePageLoad(() => (orgId ? call('lecture', 'managed', { scope, orgId }) : undefined), [scope, orgId])
  const acts = useLectureActions(list.quietReload)
  const items = list.phase === 'ready' ? list.data.items : []

  const now = new Date()
  return (
    <View className='manage-lectures'>
      <ManagedNodesView nodes={nodes} empty='您目前没有可以发布党课的组织。如需发布，请联系上级党组织。'>
        <OrgPicker managed={nodes} />
        <View className='manage-lectures__top'>
          <ActionButton block onClick={() => void Taro.navigateTo({ url: pageUrl('edit', { orgId }) })}>
            ＋ 发布新党课
          </ActionButton>
        </View>
        <ChoiceChips className='manage-lectures__tabs' options={SCOPE_TABS} value={scope} onChange={setScope} />
        <View className='manage-lectures__body'>
          {items.length === 0 && (
            <PageState
              phase={list.phase === 'ready' ? 'empty' : list.phase}
              refusal={list.refusal}
              empty={scope === 'drafts' ? '没有草稿' : '这里还没有党课'}
              onRetry={() => void list.reload()}
            />
          )}
          {items.map((lecture) => (
            <ManagedLectureItem
              key={lecture.id}
              lecture={lecture}
              actions={actionsFor(lecture, now)}
              onAction={acts.onAction}
              busyAction={acts.busy?.id === lecture.id ? acts.busy.action : undefined}
            >
              {acts.cancelling === lecture.id && (
                <ReasonForm
                  id={`cancel-reason-${lecture.id}`}
                  label='取消的原因（报名的党员会看到）'
                  placeholder='如：因天气原因改期'
                  confirmText='确认取消党课'
                  validate={validateCancelReason}
                  busy={acts.busy?.id === lecture.id && acts.busy.action === 'cancel'}
                  error={acts.cancelError}
                  onConfirm={(reason) => void acts.cancel(lecture, reason)}
                  onBack={acts.stopCancelling}
                />
              )}
              {acts.notice?.id === lecture.id && (
                <Notice tone={acts.notice.tone} text={acts.notice.text} detail={acts.notice.detail} />
              )}
            </ManagedLectureItem>
          ))}
        </View>
        {nodes.nodes.some((node) => node.kind === 'branch') && (
          <BranchLinks
            // The study hours of the branch in view; for a node above branches, the server takes the caller's own.
            branchId={nodes.nodes.find((node) => node.id === orgId && node.kind === 'branch')?.id}
            admin={nodes.roles.includes('admin')}
          />
        )}
      </ManagedNodesView>
    </View>
  )
}
