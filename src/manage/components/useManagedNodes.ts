/**
 * The organisations the caller may manage (member.me → `manages`), and which one a page is
 * showing. The choice is remembered across the manage pages and visits, so a secretary of two
 * branches does not pick again on every page. An administrator of many branches gets a few of them
 * (`managesMore`) and finds the others by name (OrgPicker): the node found is remembered whole, so it
 * comes back although member.me does not list it.
 */
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../api/client'
import type { Me } from '../../shared/contract'
import { usePageLoad } from '../../components/PageState'
import { refusal, type Reply } from '../../shared/errors'
import type { Role } from '../../shared/model'
import { ORG_KIND } from '../../shared/words'

export type ManagedNode = NonNullable<Me['member']>['manages'][number]

interface Managed {
  nodes: ManagedNode[]
  /** The caller's roles (a page shows administrators' tools by them; the server still decides). */
  roles: Role[]
  /** There are more nodes than listed: the page finds them by name. */
  more: boolean
}

const STORAGE_KEY = 'manage.orgId'

/** More chips than this do not fit a phone's screen. */
const CHIPS_AT_MOST = 8

/** A picker of `count` nodes finds them by name instead of showing chips (`more`: member.me listed only some). */
export const pickerSearches = (count: number, more: boolean | undefined) => Boolean(more) || count > CHIPS_AT_MOST

/** The node last chosen on a manage page (an id alone, as stored before nodes were found by name, is kept too). */
export function rememberedNode(): ManagedNode | { id: string } | undefined {
  try {
    const value: unknown = Taro.getStorageSync(STORAGE_KEY)
    if (typeof value === 'string') return value ? { id: value } : undefined
    const node = value as Partial<ManagedNode> | null
    const whole = typeof node?.id === 'string' && typeof node.name === 'string' && String(node.kind) in ORG_KIND
    return whole ? (node as ManagedNode) : undefined
  } catch (_err) {
    return undefined // storage is a convenience: without it, the first node is shown
  }
}

/** Where the picker searches, the node is kept whole (member.me may not list it); where it shows chips, its id. */
function remember(node: ManagedNode, found: boolean): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, found ? { id: node.id, name: node.name, kind: node.kind } : node.id)
  } catch (_err) {
    // not remembered; nothing else depends on it
  }
}

/** `branchesOnly`: rosters and proposals belong to branches, so a page about them offers branches only. */
export function useManagedNodes(branchesOnly = false) {
  const [selectedId, setSelectedId] = useState<string>()
  const fits = useCallback((node: ManagedNode) => !branchesOnly || node.kind === 'branch', [branchesOnly])

  const page = usePageLoad(
    async (): Promise<Reply<Managed>> => {
      const reply = await call('member', 'me', {})
      if (!reply.ok) return reply
      const member = reply.data.bound ? reply.data.member : undefined
      if (!member) return refusal('NOT_A_MEMBER')
      const nodes = member.manages.filter(fits)
      const more = Boolean(member.managesMore)
      const last = rememberedNode()
      let chosen = nodes.find((node) => node.id === last?.id)
      // a node found by name on an earlier visit: the server still decides whether the caller manages it
      const found = !chosen && last && 'kind' in last && fits(last) && pickerSearches(nodes.length, more)
      if (found) nodes.push((chosen = last))
      setSelectedId((chosen ?? nodes[0])?.id)
      return { ok: true, data: { nodes, roles: member.roles, more } }
    },
    [fits],
    'mount',
  )

  const { data, update } = page
  /** Shows the node (one found by name joins the list) and remembers it. */
  const select = useCallback(
    (node: ManagedNode) => {
      if (!data) return
      if (!data.nodes.some((n) => n.id === node.id)) update((m) => ({ ...m, nodes: [...m.nodes, node] }))
      setSelectedId(node.id)
      remember(node, pickerSearches(data.nodes.length, data.more))
    },
    [data, update],
  )

  const { nodes, roles, more } = page.data ?? { nodes: [], roles: [], more: false }
  return {
    phase: page.phase,
    refusal: page.refusal,
    nodes,
    roles,
    more,
    branchesOnly,
    selectedId,
    select,
    reload: page.reload,
  }
}
