import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ImportReport } from '../../../shared/contract'
import { IMPORT_RESULT } from '../../../shared/words'
import ActionButton from '../ActionButton'
import Notice from '../Notice'
import './index.scss'

/**
 * A roster's report (every row listed) or a tree's (rows already stored are counted in `unchanged`, not
 * listed, and nothing is updated: no `updated`).
 */
export interface ImportReportLike {
  applied: boolean
  created: number
  updated?: number
  unchanged?: number
  rows: ImportReport['rows']
}

export interface ImportReportViewProps {
  report: ImportReportLike
  /** What was imported (名册, 组织架构) and what its rows count (人, 个组织). */
  what?: string
  unit?: string
}

/**
 * The row-by-row answer of an import. With errors, nothing was written: the rows to correct come
 * first. Otherwise the rows that changed; "显示全部" shows every row. Class prefix `import-report`.
 */
function ImportReportView(props: ImportReportViewProps) {
  const { report, what = '名册', unit = '人' } = props
  const [showAll, setShowAll] = useState(false)
  const errors = report.rows.filter((r) => r.result === 'error')
  const changed = report.rows.filter((r) => r.result === 'created' || r.result === 'updated')
  const unchanged = report.unchanged ?? report.rows.filter((r) => r.result === 'unchanged').length
  const updated = report.updated === undefined ? '' : `更新 ${report.updated} ${unit}，`
  const focus = report.applied ? changed : errors.length > 0 ? errors : report.rows
  const rows = showAll ? report.rows : focus

  return (
    <View className='import-report'>
      {report.applied ? (
        <Notice tone='success' text={`导入完成：新增 ${report.created} ${unit}，${updated}未变 ${unchanged} ${unit}`} />
      ) : (
        <Notice
          tone='error'
          text={`有错误，${what}没有任何改动，请改正后重新导入`}
          detail={`共 ${report.rows.length} 行，其中 ${errors.length} 行有错误，见下表。`}
        />
      )}
      {rows.map((row) => (
        <View key={row.row} className={`import-report__row import-report__row--${row.result}`}>
          <View className='import-report__line'>
            <Text className='import-report__number'>{`第${row.row}行`}</Text>
            <Text className='import-report__name'>{row.name || '（无姓名）'}</Text>
            <Text className={`import-report__result import-report__result--${row.result}`}>
              {IMPORT_RESULT[row.result]}
            </Text>
          </View>
          {row.errors.map((reason) => (
            <Text key={reason} className='import-report__reason'>
              {reason}
            </Text>
          ))}
        </View>
      ))}
      {focus.length < report.rows.length && (
        <ActionButton
          size='small'
          variant='quiet'
          onClick={() => setShowAll(!showAll)}
          className='import-report__toggle'
        >
          {showAll ? (report.applied ? '只看有变化的行' : '只看有错误的行') : `显示全部 ${report.rows.length} 行`}
        </ActionButton>
      )}
    </View>
  )
}

ImportReportView.displayName = 'ImportReportView'

export default ImportReportView
