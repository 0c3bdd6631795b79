/**
 * The organisation tree's rules: which kind of node may sit under which (design15.md), the order a node's
 * children are listed in, and the tree's Excel sheet (名称, 类型, 上级, 组织代码) both ways: rows → what
 * importing them under a node would create, row by row with every reason in Chinese; nodes → rows of the
 * same sheet, so that a file exported and imported again is all "unchanged". Pure; the `org` function reads
 * the file and does the writes.
 */
import type { TreeImportReport } from './contract/org'
import type { OrgDoc, OrgKind } from './model'
import { type Cell, HEADING_SEARCH_ROWS, normalHeading, normalName, text } from './roster'
import { ORG_KIND } from './words'

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

/** A node's name: what a page or a sheet may give. */
export const MAX_ORG_NAME = 50
/** One file holds at most this many nodes (a city's whole tree is about 6,000). */
export const MAX_TREE_ROWS = 10_000

export const TREE_COLUMNS = ['名称', '类型', '上级', '组织代码'] as const

const HEADINGS = {
  name: ['名称', '组织名称'],
  kind: ['类型', '组织类型'],
  parent: ['上级', '上级组织'],
  code: ['组织代码', '代码'],
}
type Column = keyof typeof HEADINGS

/** What people write in 类型: the words of ORG_KIND and the usual names of each level. */
const KIND_WORDS: Record<string, OrgKind> = {
  ...Object.fromEntries(Object.entries(ORG_KIND).map(([kind, word]) => [word, kind as OrgKind])),
  区: 'district',
  县: 'district',
  县级市: 'district',
  区县: 'district',
  党工委: 'committee',
  街道: 'street',
  镇: 'street',
  乡: 'street',
  乡镇: 'street',
  街镇: 'street',
  街道办事处: 'street',
  社区党委: 'partyCommittee',
  村党委: 'partyCommittee',
  机关党委: 'partyCommittee',
  党总支: 'partyCommittee',
  总支: 'partyCommittee',
  党支部: 'branch',
  联合党支部: 'branch',
}

const CODE = /^[0-9A-Za-z-]{1,40}$/

/** A node's kind from the text of a 类型 cell; undefined when it cannot be understood. */
export function kindOf(word: string): OrgKind | undefined {
  return KIND_WORDS[word.replace(/\s/g, '').replace(/\(/g, '（').replace(/\)/g, '）')]
}

/** One data row of the sheet, read and checked on its own. */
export interface TreeLine {
  /** The row number the person sees in Excel. */
  row: number
  name: string
  kind?: OrgKind
  /** The parent's 组织代码 or name (or, in an exported file, a node's id where its name is not unique). */
  parent: string
  code?: string
  errors: string[]
}

export type TreeSheetReading = { ok: true; lines: TreeLine[] } | { ok: false; problem: string }

const NO_HEADINGS = '没有找到“名称”“类型”“上级”列。表格第一行应是标题：名称、类型、上级、组织代码（组织代码可不填）'

/** Finds the headings (a title row may stand above them) and reads every non-empty row after them. */
export function readTreeSheet(rows: Cell[][]): TreeSheetReading {
  const headingIndex = rows.slice(0, HEADING_SEARCH_ROWS).findIndex((r) => columnsOf(r).name !== undefined)
  if (headingIndex < 0) return { ok: false, problem: NO_HEADINGS }
  const columns = columnsOf(rows[headingIndex])
  if (columns.kind === undefined || columns.parent === undefined) return { ok: false, problem: NO_HEADINGS }
  const lines: TreeLine[] = []
  rows.forEach((cells, i) => {
    if (i <= headingIndex || !cells || cells.every((c) => text(c) === '')) return
    lines.push(readLine(i + 1, cells, columns))
  })
  if (lines.length === 0) return { ok: false, problem: '表格里没有组织：标题下面每行填一个组织' }
  if (lines.length > MAX_TREE_ROWS) {
    return { ok: false, problem: `一次最多导入${MAX_TREE_ROWS}个组织，这个表格超过了，请按区县分开导入` }
  }
  return { ok: true, lines }
}

function readLine(row: number, cells: Cell[], columns: Partial<Record<Column, number>>): TreeLine {
  const errors: string[] = []
  const name = normalName(text(cells[columns.name!]))
  if (!name) errors.push('缺少名称')
  else if ([...name].length > MAX_ORG_NAME) errors.push(`名称超过${MAX_ORG_NAME}个字`)
  const kindText = text(cells[columns.kind!])
  const kind = kindOf(kindText)
  if (!kindText) errors.push('缺少类型')
  else if (!kind) errors.push(`类型“${kindText}”无法识别，请填写：区县、工委、街道（镇）、党委或支部`)
  else if (kind === 'city') errors.push('市级组织已经存在，不能导入；请从区县一级填起')
  const parent = normalName(text(cells[columns.parent!]))
  if (!parent) errors.push('缺少上级')
  const code = columns.code === undefined ? '' : text(cells[columns.code]).replace(/\s/g, '')
  if (code && !CODE.test(code)) errors.push(`组织代码“${code}”只能由数字和字母组成`)
  return { row, name, kind, parent, code: code || undefined, errors }
}

function columnsOf(cells: Cell[] | undefined): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {}
  ;(cells ?? []).forEach((c, i) => {
    const h = normalHeading(text(c))
    for (const col of Object.keys(HEADINGS) as Column[]) {
      if (found[col] === undefined && HEADINGS[col].includes(h)) found[col] = i
    }
  })
  return found
}

/** A node already stored in the subtree being imported into (its root included). */
export type StoredNode = Pick<OrgDoc, '_id' | 'name' | 'kind' | 'parentId' | 'path' | 'code' | 'closedAt'>

export interface TreeImportPlan {
  /** True when every row is good: then the creates are to be written, else nothing. */
  ok: boolean
  report: TreeImportReport
  /** New nodes, each after its parent. */
  creates: OrgDoc[]
}

type Target = { row: TreeLine } | { node: StoredNode }
interface Resolved {
  /** The node the row is (stored: unchanged; else created), once the row is good. */
  node?: StoredNode
  created?: boolean
  /** While its parent is being resolved: a row met again is a cycle. */
  visiting?: boolean
}

/**
 * What importing the lines under the subtree of `stored[0]` (the root the caller administers, then its
 * descendants) does. `elsewhere`: stored nodes outside the subtree that hold one of the file's codes (codes are
 * unique in the city). Rows may come in any order; a row's 上级 is a code (of a row or a stored node), a stored
 * node's id, or a name that only one row or stored node has. A row is "unchanged" when a stored node has its
 * code, or its name under the same parent; anything else is created with `newId()`.
 */
export function planTreeImport(
  lines: TreeLine[],
  stored: StoredNode[],
  elsewhere: StoredNode[],
  newId: () => string,
): TreeImportPlan {
  const rows = lines.map((l) => ({ ...l, errors: [...l.errors] }))
  const byCode = new Map<string, Target[]>()
  const byName = new Map<string, Target[]>()
  const add = (map: Map<string, Target[]>, key: string | undefined, t: Target) => {
    if (!key) return
    const list = map.get(key)
    if (list) list.push(t)
    else map.set(key, [t])
  }
  for (const row of rows) {
    add(byCode, row.code, { row })
    add(byName, row.name, { row })
  }
  for (const node of stored) {
    add(byCode, node.code, { node })
    add(byName, node.name, { node })
  }
  const storedById = new Map(stored.map((n) => [n._id, n]))
  const childByName = new Map(stored.map((n) => [`${n.parentId}/${n.name}`, n]))
  const storedByCode = new Map([...stored, ...elsewhere].filter((n) => n.code).map((n) => [n.code!, n]))

  const rowsOf = (key: (r: TreeLine) => string | undefined) => {
    const groups = new Map<string, number[]>()
    for (const r of rows) {
      const k = key(r)
      if (!k) continue
      const list = groups.get(k)
      if (list) list.push(r.row)
      else groups.set(k, [r.row])
    }
    return (r: TreeLine) => (key(r) ? groups.get(key(r)!)!.filter((n) => n !== r.row) : [])
  }
  const sameCode = rowsOf((r) => r.code)
  const sameName = rowsOf((r) => (r.name ? `${r.parent}/${r.name}` : undefined))
  for (const row of rows) {
    const twins = sameCode(row)
    if (twins.length) row.errors.push(`组织代码与第${twins.join('、')}行重复`)
    const same = sameName(row)
    if (same.length) row.errors.push(`与第${same.join('、')}行重复（同一上级下名称相同）`)
  }

  const state = new Map<TreeLine, Resolved>()
  const creates: OrgDoc[] = []

  /** The stored or created node a row stands for, or undefined (its errors say why). */
  const resolve = (row: TreeLine): StoredNode | undefined => {
    const known = state.get(row)
    if (known?.visiting) {
      row.errors.push('上级关系成环（这一行直接或间接是它自己的上级）')
      return undefined
    }
    if (known) return known.node
    state.set(row, { visiting: true })
    const node = row.errors.length ? undefined : place(row)
    state.set(row, { node, created: node ? !storedById.has(node._id) : undefined })
    return node
  }

  /** Finds the row's parent, checks the nesting, and matches the row with a stored node or makes a new one. */
  const place = (row: TreeLine): StoredNode | undefined => {
    const target = parentOf(row.parent, row.kind)
    if (typeof target === 'string') return void row.errors.push(target)
    const parentKind = 'row' in target ? target.row.kind : target.node.kind
    if (row.kind && parentKind && !mayNestUnder(row.kind, parentKind)) {
      return void row.errors.push(`${ORG_KIND[row.kind]}不能设在${ORG_KIND[parentKind]}之下（上级“${row.parent}”）`)
    }
    const parent = 'row' in target ? resolve(target.row) : target.node
    if (!parent) return void row.errors.push(`上级“${row.parent}”那一行有错误，请先改正它`)
    if (parent.closedAt) return void row.errors.push(`上级“${parent.name}”已撤销`)
    const path = [...parent.path, parent._id]
    const byCodeNode = row.code ? storedByCode.get(row.code) : undefined
    const match = byCodeNode ?? childByName.get(`${parent._id}/${row.name}`)
    if (match) {
      const problem = mismatch(row, match, parent)
      if (problem) return void row.errors.push(problem)
      return match
    }
    const doc: OrgDoc = { _id: newId(), name: row.name, kind: row.kind!, parentId: parent._id, path }
    if (row.code) doc.code = row.code
    creates.push(doc)
    return doc
  }

  /** The row or stored node a 上级 cell names, or why it names none. */
  const parentOf = (ref: string, kind: OrgKind | undefined): Target | string => {
    const coded = byCode.get(ref) ?? []
    const byItsCode = coded.length === 1 ? coded[0] : sameNode(coded, kind)
    if (byItsCode) return byItsCode
    const node = storedById.get(ref)
    if (node) return { node }
    const named = byName.get(ref) ?? []
    if (named.length === 1) return named[0]
    if (named.length > 1) return sameNode(named, kind) ?? '上级名称重复，请填写上级的组织代码'
    return `没有找到上级“${ref}”：请填写本表中或已有的组织的名称或组织代码`
  }

  /**
   * One row and one stored node of the same name (or code) are one node when the row is that node (a file
   * exported and imported again names parents so). The row is resolved only if it may be the parent, so that resolving
   * climbs the kinds and stays shallow.
   */
  const sameNode = (named: Target[], kind: OrgKind | undefined): Target | undefined => {
    const inFile = named.filter((t): t is { row: TreeLine } => 'row' in t)
    const inStore = named.filter((t): t is { node: StoredNode } => 'node' in t)
    if (inFile.length !== 1 || inStore.length !== 1) return undefined
    const parentKind = inFile[0].row.kind
    if (!kind || !parentKind || !mayNestUnder(kind, parentKind)) return undefined
    return resolve(inFile[0].row)?._id === inStore[0].node._id ? inFile[0] : undefined
  }

  for (const row of rows) resolve(row)

  const report: TreeImportReport = { applied: false, created: 0, unchanged: 0, rows: [] }
  for (const row of rows) {
    const s = state.get(row)
    if (row.errors.length || !s?.node) {
      report.rows.push({ row: row.row, name: row.name, result: 'error', errors: row.errors })
    } else if (s.created) {
      report.rows.push({ row: row.row, name: row.name, result: 'created', errors: [] })
    } else report.unchanged++
  }
  const ok = report.rows.every((r) => r.result !== 'error')
  if (ok) report.created = creates.length
  return { ok, report, creates: ok ? creates : [] }
}

/** Why a row cannot be the stored node it matched (by code, or by name under the same parent). */
function mismatch(row: TreeLine, node: StoredNode, parent: StoredNode): string | undefined {
  if (node.parentId !== parent._id) {
    return `组织代码“${row.code}”已用于“${node.name}”（在其他上级下）；调整上级请在小程序里操作`
  }
  if (node.name !== row.name) return `组织代码“${row.code}”已用于“${node.name}”；改名请在小程序里操作`
  if (node.kind !== row.kind) return `“${node.name}”已存在，类型是${ORG_KIND[node.kind]}`
  if (row.code && node.code && node.code !== row.code) return `“${node.name}”已存在，组织代码是${node.code}`
  return undefined
}

/**
 * The rows of the tree's sheet for the nodes below `root` (each after its parent): 上级 is the parent's code,
 * else its name when that is unique in the file and the subtree, else its id, so that importing the file
 * again finds every parent.
 */
export function treeSheetRows(root: StoredNode, below: StoredNode[]): string[][] {
  const all = [root, ...below]
  const names = new Map<string, number>()
  for (const n of all) names.set(n.name, (names.get(n.name) ?? 0) + 1)
  const children = new Map<string, StoredNode[]>()
  for (const n of below) {
    const list = children.get(n.parentId!)
    if (list) list.push(n)
    else children.set(n.parentId!, [n])
  }
  const rows: string[][] = []
  const walk = (parent: StoredNode) => {
    const ref = parent.code ?? (names.get(parent.name) === 1 ? parent.name : parent._id)
    for (const n of treeOrder(children.get(parent._id) ?? [])) {
      rows.push([n.name, ORG_KIND[n.kind], ref, n.code ?? ''])
      walk(n)
    }
  }
  walk(root)
  return rows
}
