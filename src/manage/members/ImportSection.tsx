import { Text, View } from '@tarojs/components'
import { ActionButton, Notice } from '../components'
import FilePicker from '../components/FilePicker'
import ImportReportView from '../components/ImportReportView'
import type { RosterImport } from './useRosterImport'

/** 导入名册: how the file must look, picking it, importing it, and the report. */
export default function ImportSection({ roster }: { roster: RosterImport }) {
  const { picked, importing, message, report } = roster
  return (
    <View className='manage-members__import'>
      <Text className='manage-members__section-title'>导入名册</Text>
      <Text className='manage-members__help'>
        用Excel（.xlsx）或CSV文件，第一行是标题：姓名、手机号、职务。职务可填党员、支部书记、支部委员，也可不填。
      </Text>
      <Text className='manage-members__help'>
        按手机号对应：已有的党员更新，新的党员加上，文件里没有的党员不会删除。只要有一行出错，整个名册都不会改动。
      </Text>
      {process.env.TARO_ENV === 'weapp' && (
        <Text className='manage-members__help'>在手机上：先把文件发到微信（如「文件传输助手」），再从聊天中选择。</Text>
      )}
      <View className='manage-members__import-actions'>
        <FilePicker
          label={picked ? '重新选择文件' : '选择名册文件'}
          onPicked={roster.choose}
          onProblem={roster.pickProblem}
        />
      </View>
      {picked && (
        <View className='manage-members__picked'>
          <Text className='manage-members__picked-name'>{`已选择：${picked.name}`}</Text>
          <ActionButton busy={importing} onClick={() => void roster.start()}>
            {importing ? '正在导入…' : '开始导入'}
          </ActionButton>
        </View>
      )}
      {message && <Notice {...message} />}
      {report && <ImportReportView report={report} />}
    </View>
  )
}
