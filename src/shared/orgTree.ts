/**
 * The organisation tree's rules: which kind of node may sit under which (design15.md), and the order a
 * node's children are listed in. Pure; the `org` function and the tree pages share them.
 */
import type { OrgKind } from './model'

export const ORG_KINDS = ['city', 'district', 'committee', 'street', 'partyCommittee', 'branch'] as const

/** The kinds a node of each kind may sit under (the city is the root and sits under nothing). */
export const PARENT_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  city: [],
  district: ['city'],
  committee: ['city'],
  street: ['district', 'committee'],
  partyCommittee: ['city', 'district', 'committee', 'street'],
  branch: ['district', 'committee', 'street', 'partyCommittee'],
}

export const mayNestUnder = (kind: OrgKind, parentKind: OrgKind): boolean => PARENT_KINDS[kind].includes(parentKind)

/** Children listed as the tree reads: districts and committees, streets, party committees, then branches; by name within a kind. */
export function treeOrder<T extends { kind: OrgKind; name: string }>(nodes: T[]): T[] {
  const rank = (k: OrgKind) => ORG_KINDS.indexOf(k)
  return [...nodes].sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name, 'zh-Hans-CN'))
}
