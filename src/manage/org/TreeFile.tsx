import { View } from '@tarojs/components'
import { useEffect } from 'react'
import { call } from '../../api/client'
import type { OrgNodeView } from '../../shared/contract'
import { ExportButton, ImportPanel, useFileImport } from '../components'

/**
 * 导入组织架构 under this node (all rows or none, a row-by-row report) and 导出 its subtree in the same
 * format, so that a file exported, corrected and imported again changes only what was corrected.
 */
export default function TreeFile({ node, refresh }: { node: OrgNodeView; refresh: () => Promise<unknown> }) {
  const file = useFileImport('orgTree', (fileId) => call('org', 'importTree', { rootId: node.id, fileId }), refresh)
  const { reset } = file
  // another node: nothing left over from the last one's import
  useEffect(() => reset(), [node.id, reset])

  return (
    <View className='manage-org__file'>
      <ImportPanel
        title='导入组织架构'
        help={[
          `用Excel（.xlsx）文件导入「${node.name}」下面的组织，第一行是标题：名称、类型、上级、组织代码（选填）。`,
          '类型填区县、工委、街道（镇）、党委或支部；上级填上级组织的组织代码或名称。已有的组织不变，只要有一行出错，整个文件都不会导入。',
        ]}
        pickLabel='选择组织架构文件'
        file={file}
        what='组织架构'
        unit='个组织'
      />
      <View className='manage-org__export'>
        <ExportButton noun='组织架构' request={() => call('org', 'exportTree', { rootId: node.id })} />
      </View>
    </View>
  )
}
