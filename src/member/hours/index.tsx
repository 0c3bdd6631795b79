import { Button, Canvas, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import PrivacySheet from '../../components/PrivacySheet'
import type { HourEntryView, MyHours } from '../../shared/contract/hours'
import ProgressRing from '../components/ProgressRing'
import { formatDate } from '../../shared/chinaTime'
import { BUCKET_ORDER, formatHours, signedHours } from '../../shared/studyHours'
import { HOUR_BUCKET, HOUR_SOURCE } from '../../shared/words'
import { recordLayout } from './record'
import { RECORD_CANVAS_ID, saveRecord, type SaveOutcome } from './saveRecord'
import './index.scss'

function Entry({ entry }: { entry: HourEntryView }) {
  const minus = entry.hours < 0
  return (
    <View className='hours__entry'>
      <View className='hours__entry-main'>
        <Text className='hours__entry-title'>{entry.title}</Text>
        <Text className='hours__entry-note'>{`${formatDate(entry.at)} · ${HOUR_SOURCE[entry.source]}`}</Text>
        {entry.reason && <Text className='hours__entry-note'>{`原因：${entry.reason}`}</Text>}
      </View>
      <Text className={`hours__entry-hours${minus ? ' hours__entry-hours--minus' : ''}`}>
        {signedHours(entry.hours)}
      </Text>
    </View>
  )
}

/** 我的学时: a year's hours against the target, by bucket, every entry, earlier years, a record to keep. */
export default function Hours() {
  const [year, setYear] = useState<number>()
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState<SaveOutcome>()
  // Every show asks again (coming back from a check-in shows the new hours); another year reloads.
  const page = usePageLoad(() => {
    setSaved(undefined)
    return call('hours', 'mine', year === undefined ? {} : { year })
  }, [year])

  const save = async (h: MyHours) => {
    if (saving) return
    setSaving(true)
    setSaved(await saveRecord(recordLayout(h, new Date()), `学时记录-${h.name}-${h.year}.png`))
    setSaving(false)
  }

  if (page.phase !== 'ready') {
    return <PageState className='hours' phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
  }

  const h = page.data
  const current = h.year === h.currentYear
  const missing = Math.max(0, h.target - h.total)
  const scale = Math.max(h.target, h.total, 1)
  const summary = `${current ? '今年' : `${h.year}年`}已完成 ${formatHours(h.total)} / ${formatHours(h.target)} 学时`

  return (
    <View className='hours'>
      {h.years.length > 1 && (
        <View className='hours__years' role='radiogroup' aria-label='选择年份'>
          {h.years.map((y) => (
            <View
              key={y.year}
              className={`hours__year${y.year === h.year ? ' hours__year--active' : ''}`}
              role='radio'
              aria-checked={y.year === h.year}
              onClick={() => setYear(y.year)}
            >
              <Text className='hours__year-text'>{`${y.year}年`}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='hours__card hours__card--ring'>
        <ProgressRing share={h.target > 0 ? h.total / h.target : 1} label={summary}>
          <Text className='hours__ring-number'>{formatHours(h.total)}</Text>
          <Text className='hours__ring-unit'>{`/ ${formatHours(h.target)} 学时`}</Text>
        </ProgressRing>
        <Text className='hours__summary'>{summary}</Text>
        <Text className={`hours__missing${missing > 0 ? '' : ' hours__missing--reached'}`}>
          {missing > 0 ? `还差 ${formatHours(missing)} 学时` : '✓ 已完成年度目标'}
        </Text>
      </View>

      <View className='hours__card'>
        <Text className='hours__card-title'>分类</Text>
        {BUCKET_ORDER.map((b) => (
          <View key={b} className='hours__bucket'>
            <View className='hours__bucket-head'>
              <Text className='hours__bucket-name'>{HOUR_BUCKET[b]}</Text>
              <Text className='hours__bucket-value'>{`${formatHours(h.buckets[b])} 学时`}</Text>
            </View>
            <View className='hours__bucket-track'>
              <View
                className='hours__bucket-bar'
                style={{ width: `${Math.min(100, Math.max(0, (h.buckets[b] / scale) * 100))}%` }}
              />
            </View>
          </View>
        ))}
      </View>

      <View className='hours__card'>
        <Text className='hours__card-title'>{`明细（${h.entries.length} 条）`}</Text>
        {h.entries.length === 0 && <Text className='hours__empty'>这一年还没有学时记录</Text>}
        {h.entries.map((e) => (
          <Entry key={e.id} entry={e} />
        ))}
      </View>

      <View className='hours__card'>
        <Button className={`hours__button${saving ? ' hours__button--busy' : ''}`} onClick={() => void save(h)}>
          {saving ? '正在生成图片…' : '保存学时记录'}
        </Button>
        <Text className='hours__hint'>生成一张图片，写有姓名、年度学时和每一条明细，可以保存或出示。</Text>
        {saved && (
          <View role='status'>
            <Text className={`hours__saved${saved.ok ? '' : ' hours__saved--failed'}`}>{saved.message}</Text>
          </View>
        )}
      </View>

      {process.env.TARO_ENV === 'weapp' && (
        <Canvas type='2d' id={RECORD_CANVAS_ID} className='hours__canvas' style={recordCanvasStyle(h)} />
      )}
      <PrivacySheet />
    </View>
  )
}

/** The hidden canvas the record is drawn on, as large as the record (its own pixels, not rpx). */
function recordCanvasStyle(h: MyHours): string {
  const { width, height } = recordLayout(h, new Date())
  return `width:${width}px;height:${height}px;`
}
