import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { call } from '../../api/client'
import { newRequestId } from '../../api/requestId'
import type { BranchHoursRow } from '../../shared/contract'
import { behindFirst, hoursYear } from '../../shared/studyHours'
import { ActionButton, ChoiceChips, ExportButton, Notice, PageState, usePageLoad } from '../components'
import { ROLE } from '../../shared/words'
import { readParam } from '../utils/route'
import AdjustForm, { type Adjustment } from './AdjustForm'
import './index.scss'

/** This year and the two before it (the ledger keeps every year; older ones are rarely asked for). */
const YEARS_SHOWN = 3

/** Officers' roles first; 党员 only for whom it is the only role. */
function roleText(row: BranchHoursRow): string {
  const roles = row.roles.filter((r) => r !== 'member')
  return (roles.length ? roles : row.roles).map((r) => ROLE[r]).join('、')
}

/** "12.5" not "12.500000001": hours are halves, sums of many can carry float noise. */
const h = (n: number) => String(Math.round(n * 10) / 10)

/**
 * 支部学时 (?branchId=, default the caller's branch): each member's hours this year against their
 * target, the ones behind first and marked, a year picker, export to Excel, and 补录学时.
 */
export default function ManageHours() {
  const { params } = useRouter()
  const branchId = readParam(params, 'branchId')
  const currentYear = hoursYear(new Date())
  const [year, setYear] = useState(currentYear)
  const [adjusting, setAdjusting] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [adjustError, setAdjustError] = useState<string>()
  const [done, setDone] = useState<{ memberId: string; text: string }>()
  /** The adjustment being sent and its requestId, kept while a retry of the same content may follow. */
  const sending = useRef<{ content: string; requestId: string }>()

  const page = usePageLoad(
    () => call('hours', 'branch', { ...(branchId ? { branchId } : {}), year }),
    [branchId, year],
    'mount',
  )

  const adjust = async (row: BranchHoursRow, a: Adjustment) => {
    if (busy) return
    setBusy(true)
    setAdjustError(undefined)
    try {
      // The same content pressed again (the reply was lost) goes with the same requestId: the server adds it once.
      const content = JSON.stringify([row.memberId, year, a.hours, a.bucket, a.reason])
      if (sending.current?.content !== content) sending.current = { content, requestId: newRequestId() }
      const { requestId } = sending.current
      const reply = await call('hours', 'adjust', { memberId: row.memberId, year, ...a, requestId })
      // Only an answer that may not have come from a finished write keeps the id for the retry.
      if (reply.ok || (reply.code !== 'NETWORK' && reply.code !== 'INTERNAL')) sending.current = undefined
      if (!reply.ok) return setAdjustError([reply.message, reply.explanation].filter(Boolean).join('：'))
      setAdjusting(undefined)
      const what = a.hours > 0 ? `补录 ${h(a.hours)}` : `扣减 ${h(-a.hours)}`
      setDone({ memberId: row.memberId, text: `已为${row.name}${what} 学时` })
      await page.quietReload()
    } finally {
      setBusy(false)
    }
  }

  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => currentYear - i)
  const data = page.data
  const rows = data ? behindFirst(data.rows) : []
  const behind = rows.filter((r) => r.missing > 0).length

  return (
    <View className='manage-hours'>
      <View className='manage-hours__head'>
        <Text className='manage-hours__title'>{data ? `${data.branchName} 学时` : '支部学时'}</Text>
        <ChoiceChips
          className='manage-hours__years'
          options={years.map((y) => ({ value: String(y), label: `${y}年` }))}
          value={String(year)}
          onChange={(y) => {
            setYear(Number(y))
            setAdjusting(undefined)
            setDone(undefined)
          }}
        />
        {data && (
          <>
            <Text className='manage-hours__summary'>
              {`共 ${rows.length} 人，${behind > 0 ? `${behind} 人未达标` : '全部达标'}`}
            </Text>
            <ExportButton
              noun='学时表'
              request={() => call('hours', 'exportBranch', { branchId: data.branchId, year: data.year })}
            />
          </>
        )}
      </View>

      <View className='manage-hours__list'>
        {page.phase !== 'ready' && (
          <PageState phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
        )}
        {page.phase === 'ready' && rows.length === 0 && <PageState phase='empty' empty='这个支部还没有党员' />}
        {rows.map((row) => {
          const percent = row.target > 0 ? Math.min(100, (row.total / row.target) * 100) : 100
          const isBehind = row.missing > 0
          return (
            <View key={row.memberId} className={`manage-hours__row${isBehind ? ' manage-hours__row--behind' : ''}`}>
              <View className='manage-hours__line'>
                <Text className='manage-hours__name'>{row.name}</Text>
                <Text className='manage-hours__roles'>{roleText(row)}</Text>
              </View>
              <View className='manage-hours__line'>
                <Text className='manage-hours__total'>{`${h(row.total)} / ${h(row.target)} 学时`}</Text>
                <Text className={`manage-hours__missing${isBehind ? ' manage-hours__missing--behind' : ''}`}>
                  {isBehind ? `还差 ${h(row.missing)} 学时` : '已达标'}
                </Text>
              </View>
              <View className='manage-hours__bar'>
                <View
                  className={`manage-hours__fill${isBehind ? ' manage-hours__fill--behind' : ''}`}
                  style={{ width: `${percent}%` }}
                />
              </View>
              {adjusting === row.memberId ? (
                <AdjustForm
                  name={row.name}
                  busy={busy}
                  error={adjustError}
                  onConfirm={(a) => void adjust(row, a)}
                  onBack={() => setAdjusting(undefined)}
                />
              ) : (
                <ActionButton
                  size='small'
                  variant='quiet'
                  className='manage-hours__adjust-open'
                  onClick={() => {
                    setAdjusting(row.memberId)
                    setAdjustError(undefined)
                    setDone(undefined)
                  }}
                >
                  补录学时
                </ActionButton>
              )}
              {done?.memberId === row.memberId && <Notice tone='success' text={done.text} />}
            </View>
          )
        })}
      </View>
    </View>
  )
}
