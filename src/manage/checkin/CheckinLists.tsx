import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { contract, type LiveCheckin, type LiveRow } from '../../shared/contract'
import { ActionButton, Notice, ReasonForm } from '../components'
import { CHECKIN_METHOD, CHECKIN_STATE } from '../../shared/words'
import { problemWith } from '../utils/validate'
import { clock, type CheckinActions, type RowAction } from './useCheckinActions'

const validateReason = problemWith(contract.checkin.manual.input.shape.reason)

/** The reason form of each row action: what it asks, the common reasons offered, its confirm button. */
const REASON_FORMS: Record<RowAction, { label: (name: string) => string; presets: string[]; confirmText: string }> = {
  manual: {
    label: (name) => `为${name}代签到，原因（记入操作记录）`,
    presets: ['年老体弱', '没带手机', '手机没电'],
    confirmText: '确认代签到',
  },
  undo: {
    label: (name) => `撤销${name}的签到，原因（记入操作记录）`,
    presets: ['误签', '本人未到场'],
    confirmText: '撤销签到',
  },
}

const AUDIT_ACTION = {
  manual: '代签到',
  undo: '撤销签到',
  memberCode: '扫党员码签到',
  confirm: '确认离线签到',
  refuse: '不予确认离线签到',
} as const

function Section(props: { title: string; empty?: string; children: ReactNode }) {
  return (
    <View className='manage-checkin__section'>
      <Text className='manage-checkin__section-title'>{props.title}</Text>
      {props.empty ? <Text className='manage-checkin__empty'>{props.empty}</Text> : props.children}
    </View>
  )
}

/** Under a member's row: the reason form of the action opened on it, and what the last action said. */
function RowFollowUp({ row, kind, actions }: { row: LiveRow; kind: RowAction; actions: CheckinActions }) {
  const { acting, busy, actionError, rowMessage } = actions
  const form = REASON_FORMS[kind]
  return (
    <>
      {acting?.memberId === row.memberId && acting.kind === kind && (
        <ReasonForm
          id={`${kind}-reason-${row.memberId}`}
          label={form.label(row.name)}
          placeholder='选一个，或写明原因'
          presets={form.presets}
          confirmText={form.confirmText}
          validate={validateReason}
          busy={busy === row.memberId}
          error={actionError}
          onConfirm={(reason) => void actions[kind](row, reason)}
          onBack={actions.close}
        />
      )}
      {rowMessage?.memberId === row.memberId && <Notice tone={rowMessage.tone} text={rowMessage.text} />}
    </>
  )
}

/** How a member checked in, in one line: "14:35 签到 · 扫码 · 16:02 签退". */
function inDetail(row: LiveRow): string {
  return [
    `${clock(row.checkedInAt)} 签到`,
    row.method ? CHECKIN_METHOD[row.method] : '',
    row.checkedOutAt ? `${clock(row.checkedOutAt)} 签退` : '',
    row.offline ? '离线补传' : '',
    row.signedUp ? '' : '未报名',
  ]
    .filter(Boolean)
    .join(' · ')
}

/** 未签到 and 已签到: each member with 代签到 or 撤销. */
export function MemberLists({ rows, actions }: { rows: LiveRow[]; actions: CheckinActions }) {
  const notIn = rows.filter((r) => r.state === 'none' || r.state === 'undone' || r.state === 'refused')
  const inRows = rows.filter((r) => r.state === 'in' || r.state === 'out')
  return (
    <>
      <Section title={`未签到（${notIn.length}）`} empty={notIn.length === 0 ? '报名的党员都已签到' : undefined}>
        {notIn.map((row) => (
          <View key={row.memberId} className='manage-checkin__row'>
            <View className='manage-checkin__line'>
              <Text className='manage-checkin__name'>{row.name}</Text>
              {row.state === 'undone' && <Text className='manage-checkin__tag'>{CHECKIN_STATE.undone}</Text>}
              {row.state === 'refused' && <Text className='manage-checkin__tag'>{CHECKIN_STATE.refused}</Text>}
              <ActionButton size='small' variant='plain' onClick={() => actions.open(row.memberId, 'manual')}>
                代签到
              </ActionButton>
            </View>
            <RowFollowUp row={row} kind='manual' actions={actions} />
          </View>
        ))}
      </Section>
      <Section title={`已签到（${inRows.length}）`} empty={inRows.length === 0 ? '还没有人签到' : undefined}>
        {inRows.map((row) => (
          <View key={row.memberId} className='manage-checkin__row'>
            <View className='manage-checkin__line'>
              <Text className='manage-checkin__name'>{row.name}</Text>
              <ActionButton size='small' variant='quiet' onClick={() => actions.open(row.memberId, 'undo')}>
                撤销
              </ActionButton>
            </View>
            <Text className='manage-checkin__detail'>{inDetail(row)}</Text>
            <RowFollowUp row={row} kind='undo' actions={actions} />
          </View>
        ))}
      </Section>
    </>
  )
}

/** 未通过的签到 and 操作记录: what a secretary and an auditor look back on. */
export function CheckinLog({ live }: { live: LiveCheckin }) {
  return (
    <>
      <Section title='未通过的签到' empty={live.failures.length === 0 ? '没有' : undefined}>
        {live.failures.map((f, i) => (
          <View key={`${f.at}-${i}`} className='manage-checkin__row'>
            <Text className='manage-checkin__name'>{`${f.name} · ${clock(f.at)}`}</Text>
            <Text className='manage-checkin__detail'>{f.message}</Text>
          </View>
        ))}
      </Section>
      <Section title='操作记录' empty={live.audit.length === 0 ? '没有' : undefined}>
        {live.audit.map((a, i) => (
          <View key={`${a.at}-${i}`} className='manage-checkin__row'>
            <Text className='manage-checkin__name'>{`${clock(a.at)} ${a.byName} ${AUDIT_ACTION[a.action]}：${a.name}`}</Text>
            <Text className='manage-checkin__detail'>{`原因：${a.reason}`}</Text>
          </View>
        ))}
      </Section>
    </>
  )
}
