/**
 * The organisations the caller may manage (member.me → `manages`), and which one a page is
 * showing. The choice is remembered across the manage pages and visits, so a secretary of two
 * branches does not pick again on every page.
 */
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../api/client'
import type { Me } from '../../shared/contract'
import { usePageLoad } from '../../components/PageState'
import { refusal, type Reply } from '../../shared/errors'
import type { Role } from '../../shared/model'

export type ManagedNode = NonNullable<Me['member']>['manages'][number]

interface Managed {
  nodes: ManagedNode[]
  /** The caller's roles (a page shows administrators' tools by them; the server still decides). */
  roles: Role[]
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
  const [selectedId, setSelectedId] = useState<string>()

  const page = usePageLoad(
    async (): Promise<Reply<Managed>> => {
      const reply = await call('member', 'me', {})
      if (!reply.ok) return reply
      const member = reply.data.bound ? reply.data.member : undefined
      if (!member) return refusal('NOT_A_MEMBER')
      const nodes = member.manages.filter((node) => !branchesOnly || node.kind === 'branch')
      const last = remembered()
      setSelectedId(nodes.find((node) => node.id === last)?.id ?? nodes[0]?.id)
      return { ok: true, data: { nodes, roles: member.roles } }
    },
    [branchesOnly],
    'mount',
  )

  const select = useCallback((id: string) => {
    setSelectedId(id)
    remember(id)
  }, [])

  const { nodes, roles } = page.data ?? { nodes: [], roles: [] }
  return { phase: page.phase, refusal: page.refusal, nodes, roles, selectedId, select, reload: page.reload }
}
