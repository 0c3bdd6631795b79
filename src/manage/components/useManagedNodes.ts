/**
 * The organisations the caller may manage (member.me → `manages`), and which one a page is
 * showing. The choice is remembered across the manage pages and visits, so a secretary of two
 * branches does not pick again on every page.
 */
import Taro, { useLoad } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../api/client'
import type { Me } from '../../shared/contract'
import { refusal, type Refusal } from '../../shared/errors'
import type { Role } from '../../shared/model'

export type ManagedNode = NonNullable<Me['member']>['manages'][number]

interface NodesState {
  phase: 'loading' | 'ready' | 'refused'
  nodes: ManagedNode[]
  /** The caller's roles (a page shows administrators' tools by them; the server still decides). */
  roles: Role[]
  refusal?: Refusal
}

const STORAGE_KEY = 'manage.orgId'

function remembered(): string | undefined {
  try {
    const value: unknown = Taro.getStorageSync(STORAGE_KEY)
    return typeof value === 'string' && value ? value : undefined
  } catch (_err) {
    return undefined // storage is a convenience: without it, the first node is shown
  }
}

function remember(id: string): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, id)
  } catch (_err) {
    // not remembered; nothing else depends on it
  }
}

/** `branchesOnly`: rosters and proposals belong to branches, so a page about them offers branches only. */
export function useManagedNodes(branchesOnly = false) {
  const [state, setState] = useState<NodesState>({ phase: 'loading', nodes: [], roles: [] })
  const [selectedId, setSelectedId] = useState<string>()

  const load = useCallback(async () => {
    setState({ phase: 'loading', nodes: [], roles: [] })
    const reply = await call('member', 'me', {})
    if (!reply.ok) {
      setState({ phase: 'refused', nodes: [], roles: [], refusal: reply })
      return
    }
    const member = reply.data.bound ? reply.data.member : undefined
    if (!member) {
      setState({ phase: 'refused', nodes: [], roles: [], refusal: refusal('NOT_A_MEMBER') })
      return
    }
    const nodes = member.manages.filter((node) => !branchesOnly || node.kind === 'branch')
    const last = remembered()
    setSelectedId(nodes.find((node) => node.id === last)?.id ?? nodes[0]?.id)
    setState({ phase: 'ready', nodes, roles: member.roles })
  }, [branchesOnly])

  useLoad(() => {
    void load()
  })

  const select = useCallback((id: string) => {
    setSelectedId(id)
    remember(id)
  }, [])

  return { ...state, selectedId, select, reload: load }
}
