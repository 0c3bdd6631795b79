/**
 * The demo organisation tree of Jinan: city → districts/counties (and two committees) → streets/towns →
 * party committees → branches. District, street and town names are real; community, village and company
 * names below them are plausible but made up unless noted (e.g. 朱家峪村, 房干村, 卧云铺村 are real villages).
 * Coordinates are approximate (a few hundred metres) and only place a venue in the right part of the city.
 */
import type { OrgDoc, OrgKind } from '../../src/shared/model'
import rows from './org-tree.json'

/** What a branch is made of: decides which lecture themes it hosts and where. */
export type BranchType = 'community' | 'village' | 'factory' | 'enterprise' | 'retired' | 'organ'

interface Node {
  id: string
  name: string
  kind: OrgKind
  loc?: [number, number]
  type?: BranchType
  place?: string
  children: Node[]
}

/** A host of lectures (a branch or a street) with where its lectures take place. */
export interface Host {
  id: string
  name: string
  kind: OrgKind
  type?: BranchType
  districtId: string
  /** Ancestors, root first (as OrgDoc.path). */
  path: string[]
  /** e.g. 济南市历下区解放路街道 (empty for the city-level organs, whose places say it all) */
  area: string
  /** e.g. 山师东路社区党群服务中心 */
  place: string
  lat: number
  lng: number
}

/**
 * One org a row of org-tree.json, each after its parent and in the order of the tree: [parentId, id, kind, name]
 * and then [lat, lng] for the city, a district or committee, or a street, [type, place] for a branch.
 */
type Row = [string | null, string, OrgKind, string, ...(string | number)[]]

/** The tree of the rows: a node's children in the order of their rows. */
function treeOf(rows: Row[]): Node {
  const byId = new Map<string, Node>()
  let root: Node | undefined
  for (const [parentId, id, kind, name, ...rest] of rows) {
    const node: Node = { id, name, kind, children: [] }
    if (kind === 'branch') [node.type, node.place] = rest as [BranchType, string]
    else if (rest.length) node.loc = rest as [number, number]
    byId.set(id, node)
    if (parentId === null) root = node
    else byId.get(parentId)!.children.push(node)
  }
  return root!
}

const TREE = treeOf(rows as Row[])

export interface OrgSeed {
  orgs: OrgDoc[]
  /** Every branch and street, with the place where it holds lectures. */
  hosts: Host[]
}

export function buildOrgs(): OrgSeed {
  const orgs: OrgDoc[] = []
  const hosts: Host[] = []
  const visit = (n: Node, path: string[], loc: [number, number], district: Node | null, street: Node | null): void => {
    orgs.push({ _id: n.id, name: n.name, kind: n.kind, parentId: path.length ? path[path.length - 1] : null, path })
    const here = n.loc ?? loc
    const d = n.kind === 'district' || n.kind === 'committee' ? n : district
    const s = n.kind === 'street' ? n : street
    if (d && (n.kind === 'branch' || n.kind === 'street')) {
      const prefix = d.id === 'org-szjg' ? '' : `济南市${d.name.replace(/^济南/, '')}${s ? s.name : ''}`
      const place = n.place ?? '新时代文明实践所'
      hosts.push({
        id: n.id,
        name: n.name,
        kind: n.kind,
        type: n.type,
        districtId: d.id,
        path,
        area: prefix,
        place,
        lat: here[0],
        lng: here[1],
      })
    }
    for (const c of n.children) visit(c, [...path, n.id], here, d, s)
  }
  visit(TREE, [], TREE.loc!, null, null)
  return { orgs, hosts }
}
