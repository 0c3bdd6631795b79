/**
 * A branch roster from a spreadsheet with Chinese headings (姓名, 手机号, 职务): pure rules from the rows of
 * the file's first sheet to what importing it would do, row by row, with every reason in Chinese. The member
 * function turns the file's bytes into rows (exceljs for .xlsx, parseCsv here for .csv) and does the writes.
 */
import type { ImportReport } from './contract/member'
import type { Role } from './model'

/** A cell as a spreadsheet gives it. */
export type Cell = string | number | boolean | Date | null | undefined

/** The roles a roster gives; other roles (admin, judge) are not the roster's to change. */
export type BranchRole = 'member' | 'secretary' | 'committee'

/** One file holds one branch: more rows than this is a mistake (or several branches in one file). */
export const MAX_ROSTER_ROWS = 1000
/** A title row ("某某支部党员名册") may stand above the headings: they are looked for in this many rows. */
export const HEADING_SEARCH_ROWS = 5

const HEADINGS = {
  name: ['姓名'],
  phone: ['手机号', '手机', '联系电话', '手机号码'],
  duty: ['职务'],
} as const
type Column = keyof typeof HEADINGS

const DUTIES: Record<string, BranchRole> = {
  书记: 'secretary',
  支部书记: 'secretary',
  委员: 'committee',
  支部委员: 'committee',
  组织委员: 'committee',
  宣传委员: 'committee',
  纪检委员: 'committee',
  副书记: 'committee',
  支部副书记: 'committee',
  党员: 'member',
  普通党员: 'member',
  正式党员: 'member',
  预备党员: 'member',
}

const PHONE = /^1[3-9]\d{9}$/

/** One data row of the sheet, read and checked on its own. */
export interface RosterLine {
  /** The row number the person sees in Excel (the heading row is usually 1). */
  row: number
  name: string
  phone: string
  /** Undefined when the 职务 cell could not be understood (then `errors` says so). */
  role?: BranchRole
  errors: string[]
}

export type SheetReading = { ok: true; lines: RosterLine[] } | { ok: false; problem: string }

/** Finds the headings and reads every non-empty row after them. `rows[i]` is spreadsheet row i + 1. */
export function readRosterSheet(rows: Cell[][]): SheetReading {
  const headingIndex = rows.slice(0, HEADING_SEARCH_ROWS).findIndex((r) => columnsOf(r).name !== undefined)
  if (headingIndex < 0) {
    return { ok: false, problem: '没有找到“姓名”列。表格第一行应是标题：姓名、手机号、职务（职务可不填）' }
  }
  const headings = rows[headingIndex]
  const columns = columnsOf(headings)
  const twice = (Object.keys(HEADINGS) as Column[]).find((c) => columnsOf(headings, c).length > 1)
  if (twice) return { ok: false, problem: `“${HEADINGS[twice][0]}”列出现了不止一次，请只保留一列` }
  if (columns.phone === undefined) {
    return { ok: false, problem: '没有找到“手机号”列。表格第一行应是标题：姓名、手机号、职务（职务可不填）' }
  }
  const lines: RosterLine[] = []
  rows.forEach((cells, i) => {
    if (i <= headingIndex || !cells || cells.every((c) => text(c) === '')) return
    lines.push(readLine(i + 1, cells, columns))
  })
  if (lines.length === 0) return { ok: false, problem: '表格里没有党员信息：标题下面每行填一位党员' }
  if (lines.length > MAX_ROSTER_ROWS) {
    return { ok: false, problem: `一次最多导入${MAX_ROSTER_ROWS}人，这个表格超过了${MAX_ROSTER_ROWS}行，请分开导入` }
  }
  return { ok: true, lines }
}

function readLine(row: number, cells: Cell[], columns: Partial<Record<Column, number>>): RosterLine {
  const errors: string[] = []
  const name = normalName(text(cells[columns.name!]))
  if (!name) errors.push('缺少姓名')
  else if ([...name].length > 20) errors.push('姓名超过20个字')
  const rawPhone = text(cells[columns.phone!])
  const phone = normalPhone(rawPhone)
  if (!rawPhone) errors.push('缺少手机号')
  else if (!PHONE.test(phone)) errors.push(`手机号“${rawPhone}”不是有效的11位手机号`)
  const duty = columns.duty === undefined ? '' : text(cells[columns.duty]).replace(/\s/g, '')
  const role = duty === '' ? 'member' : DUTIES[duty]
  if (!role) errors.push(`职务“${duty}”无法识别，请填写：书记、委员或党员（也可不填）`)
  return { row, name, phone, role, errors }
}

/** A member already stored whose phone is in the file (in this branch or another). */
export interface ExistingMember {
  _id: string
  name: string
  phone: string
  branchId: string
  roles: Role[]
  /** Left the rolls: a row with their phone is refused, not a silent return. */
  status?: 'inactive'
}

export interface ImportPlan {
  /** True when every row is good: then the writes below are to be made, else none. */
  ok: boolean
  report: ImportReport
  creates: { row: number; name: string; phone: string; roles: Role[] }[]
  updates: { memberId: string; name: string; roles: Role[] }[]
}

/** The row of a member who left the rolls (退出党员名册): importing does not bring them back unnoticed. */
export const REJOIN_REFUSED = '这位党员已退出党员名册，不能再导入；如确需恢复，请联系上级管理员'

/**
 * What importing the lines into `branchId` does. File-wide checks (a phone twice in the file, a phone of
 * another branch's member, more than one 书记) are added to the rows they concern. A member is matched by
 * phone within the branch; members missing from the file are left as they are.
 */
export function planImport(lines: RosterLine[], existing: ExistingMember[], branchId: string): ImportPlan {
  const rows = lines.map((l) => ({ ...l, errors: [...l.errors] }))
  const valid = rows.filter((l) => PHONE.test(l.phone))
  for (const l of valid) {
    const others = valid.filter((o) => o !== l && o.phone === l.phone).map((o) => o.row)
    if (others.length) l.errors.push(`手机号与第${others.join('、')}行重复`)
  }
  const secretaries = rows.filter((l) => l.role === 'secretary')
  if (secretaries.length > 1) {
    const where = secretaries.map((l) => l.row).join('、')
    for (const l of secretaries) l.errors.push(`一个支部只能有一位书记，表中第${where}行都填了书记`)
  }
  // This branch's members are set last and win: a phone stored here matches here even if another branch has it.
  const byPhone = new Map<string, ExistingMember>()
  for (const m of [...existing].sort((a, b) => Number(a.branchId === branchId) - Number(b.branchId === branchId))) {
    byPhone.set(m.phone, m)
  }
  const plan: ImportPlan = {
    ok: true,
    report: { applied: false, created: 0, updated: 0, rows: [] },
    creates: [],
    updates: [],
  }
  for (const l of rows) {
    const stored = byPhone.get(l.phone)
    if (stored?.status === 'inactive') l.errors.push(REJOIN_REFUSED)
    else if (stored && stored.branchId !== branchId)
      l.errors.push('这个手机号已登记在其他支部的党员名下，请先联系该支部')
    if (l.errors.length || !l.role) {
      plan.report.rows.push({ row: l.row, name: l.name, result: 'error', errors: l.errors })
      continue
    }
    const roles = rosterRoles(stored?.roles ?? [], l.role)
    if (!stored) {
      plan.creates.push({ row: l.row, name: l.name, phone: l.phone, roles })
      plan.report.rows.push({ row: l.row, name: l.name, result: 'created', errors: [] })
    } else if (stored.name !== l.name || !sameRoles(stored.roles, roles)) {
      plan.updates.push({ memberId: stored._id, name: l.name, roles })
      plan.report.rows.push({ row: l.row, name: l.name, result: 'updated', errors: [] })
    } else {
      plan.report.rows.push({ row: l.row, name: l.name, result: 'unchanged', errors: [] })
    }
  }
  plan.ok = plan.report.rows.every((r) => r.result !== 'error')
  if (plan.ok) {
    plan.report.created = plan.creates.length
    plan.report.updated = plan.updates.length
  } else {
    plan.creates = []
    plan.updates = []
  }
  return plan
}

/** A member's roles with the branch role from the roster; roles given elsewhere (admin, judge) are kept. */
export function rosterRoles(current: Role[], role: BranchRole): Role[] {
  const kept = current.filter((r) => r !== 'member' && r !== 'secretary' && r !== 'committee')
  return role === 'member' ? ['member', ...kept] : ['member', role, ...kept]
}

function sameRoles(a: Role[], b: Role[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join()
}

/** Invite codes: no 0/O or 1/I, which people misread on a printed roster. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A 6-character invite code; `randomInt(n)` answers an integer in [0, n). */
export function newInviteCode(randomInt: (n: number) => number): string {
  return Array.from({ length: 6 }, () => INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]).join('')
}

/**
 * The rows of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF; a leading BOM dropped).
 * The separator is a comma, or a tab when the first line has tabs and no comma (Excel's "文本文件").
 */
export function parseCsv(input: string): string[][] {
  const src = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const firstLine = src.slice(0, src.search(/\r|\n|$/))
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]
    if (quoted) {
      if (ch !== '"') field += ch
      else if (src[i + 1] === '"') field += src[++i]
      else quoted = false
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === sep) {
      row.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length) rows.push([...row, field])
  return rows
}

/** Column of each heading (first match), or all columns of one heading. */
function columnsOf(cells: Cell[] | undefined): Partial<Record<Column, number>>
function columnsOf(cells: Cell[] | undefined, only: Column): number[]
function columnsOf(cells: Cell[] | undefined, only?: Column): Partial<Record<Column, number>> | number[] {
  const found: Record<Column, number[]> = { name: [], phone: [], duty: [] }
  ;(cells ?? []).forEach((c, i) => {
    const h = normalHeading(text(c))
    for (const col of Object.keys(HEADINGS) as Column[]) {
      if ((HEADINGS[col] as readonly string[]).includes(h)) found[col].push(i)
    }
  })
  if (only) return found[only]
  return { name: found.name[0], phone: found.phone[0], duty: found.duty[0] }
}

/** "手机号（必填）", " 姓名* " → the bare heading (the tree's sheet reads its headings so too, orgTree.ts). */
export function normalHeading(h: string): string {
  return h.replace(/[\s*＊]/g, '').replace(/[(（][^)）]*[)）]$/, '')
}

/** Spaces that pad a two-character name in Excel ("王  芳") go; a space between Latin words stays. */
export function normalName(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([^\x00-\x7f]) (?=[^\x00-\x7f])/g, '$1') // eslint-disable-line no-control-regex
}

/** Full-width digits, spaces, dashes and a +86 / 0086 prefix are what people type around a phone number. */
function normalPhone(s: string): string {
  const digits = s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-－—()（）]/g, '')
  return digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '')
}

export function text(c: Cell): string {
  if (c === null || c === undefined) return ''
  if (c instanceof Date) return c.toISOString().slice(0, 10)
  return String(c).replace(/\s/g, ' ').trim()
}
