import type { ImportReport } from '../../shared/contract'
import { ImportPanel, type FileImport } from '../components'

/** 导入名册: the roster's file, as ImportPanel imports it. */
export default function ImportSection({ roster }: { roster: FileImport<ImportReport> }) {
  return (
    <ImportPanel
      title='导入名册'
      help={[
        '用Excel（.xlsx）或CSV文件，第一行是标题：姓名、手机号、职务。职务可填党员、支部书记、支部委员，也可不填。',
        '按手机号对应：已有的党员更新，新的党员加上，文件里没有的党员不会删除。只要有一行出错，整个名册都不会改动。',
      ]}
      pickLabel='选择名册文件'
      file={roster}
      what='名册'
      unit='人'
    />
  )
}
