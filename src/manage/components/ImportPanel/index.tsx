import { Text, View } from '@tarojs/components'
import ActionButton from '../ActionButton'
import FilePicker from '../FilePicker'
import ImportReportView, { type ImportReportLike } from '../ImportReportView'
import Notice from '../Notice'
import type { FileImport } from '../useFileImport'
import './index.scss'

export interface ImportPanelProps {
  /** 导入名册, 导入组织架构 */
  title: string
  /** How the file must look and what importing it does, a paragraph each. */
  help: string[]
  /** The picker's words before a file is chosen, e.g. 选择名册文件. */
  pickLabel: string
  file: FileImport<ImportReportLike>
  /** For the report: what was imported (名册) and what its rows count (人). */
  what: string
  unit: string
}

/** An import of an Excel file: how it must look, picking it, importing it, and the report. Class prefix `import-panel`. */
function ImportPanel({ title, help, pickLabel, file, what, unit }: ImportPanelProps) {
  const { picked, importing, message, report } = file
  return (
    <View className='import-panel'>
      <Text className='import-panel__title'>{title}</Text>
      {help.map((paragraph) => (
        <Text key={paragraph} className='import-panel__help'>
          {paragraph}
        </Text>
      ))}
      {process.env.TARO_ENV === 'weapp' && (
        <Text className='import-panel__help'>在手机上：先把文件发到微信（如「文件传输助手」），再从聊天中选择。</Text>
      )}
      <View className='import-panel__actions'>
        <FilePicker label={picked ? '重新选择文件' : pickLabel} onPicked={file.choose} onProblem={file.pickProblem} />
      </View>
      {picked && (
        <View className='import-panel__picked'>
          <Text className='import-panel__picked-name'>{`已选择：${picked.name}`}</Text>
          <ActionButton busy={importing} onClick={() => void file.start()}>
            {importing ? '正在导入…' : '开始导入'}
          </ActionButton>
        </View>
      )}
      {message && <Notice {...message} />}
      {report && <ImportReportView report={report} what={what} unit={unit} />}
    </View>
  )
}

ImportPanel.displayName = 'ImportPanel'

export default ImportPanel
