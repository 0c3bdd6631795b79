import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import PrivacySheet from '../../components/PrivacySheet'
import { ManagedNodesView, PageState, usePageLoad, useManagedNodes } from '../components'
import ChildList from './ChildList'
import NodeTools from './NodeTools'
import OrgPath from './OrgPath'
import TreeFile from './TreeFile'
import './index.scss'

/**
 * 组织架构: the caller's node first (org.children without parentId), its path back up and its children,
 * each a tap that goes down. Administrators also edit the node on screen and import or export the tree
 * below it (the server decides; the tools only show to those who may use them).
 */
export default function ManageOrg() {
  const managed = useManagedNodes()
  const [at, setAt] = useState<string>()
  const page = usePageLoad(() => call('org', 'children', at ? { parentId: at } : {}), [at], 'mount')
  const admin = managed.roles.includes('admin')

  return (
    <View className='manage-org'>
      <ManagedNodesView nodes={managed} empty='您没有可以管理的组织。'>
        {page.phase === 'ready' ? (
          <>
            <OrgPath at={page.data} onGo={setAt} />
            {admin && <NodeTools key={page.data.node.id} at={page.data} refresh={page.quietReload} />}
            <ChildList nodes={page.data.children} onGo={setAt} />
            {admin && !page.data.node.closed && <TreeFile node={page.data.node} refresh={page.quietReload} />}
          </>
        ) : (
          <PageState phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
        )}
      </ManagedNodesView>
      {/* the tree's import picks a file from a chat (chooseMessageFile, a privacy API) */}
      <PrivacySheet />
    </View>
  )
}
