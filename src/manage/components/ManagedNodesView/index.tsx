import type { ReactNode } from 'react'
import PageState from '../../../components/PageState'
import type { useManagedNodes } from '../useManagedNodes'

export interface ManagedNodesViewProps {
  nodes: ReturnType<typeof useManagedNodes>
  /** What the page says when the caller manages none of the organisations it is about. */
  empty: string
  /** The page itself, shown once there is an organisation to show it for. */
  children: ReactNode
}

/**
 * A manage page until the caller's organisations are known: 正在加载…, the refusal (with 重试), or
 * `empty` when there is none the page is about; then the page.
 */
function ManagedNodesView({ nodes, empty, children }: ManagedNodesViewProps) {
  if (nodes.phase !== 'ready') {
    return <PageState phase={nodes.phase} refusal={nodes.refusal} onRetry={() => void nodes.reload()} />
  }
  if (nodes.nodes.length === 0) return <PageState phase='empty' empty={empty} />
  return <>{children}</>
}

ManagedNodesView.displayName = 'ManagedNodesView'

export default ManagedNodesView
