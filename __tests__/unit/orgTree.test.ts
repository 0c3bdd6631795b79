import type { OrgDoc } from '../../src/shared/model'
import {
  kindOf,
  MAX_TREE_ROWS,
  mayNestUnder,
  planTreeImport,
  readTreeSheet,
  type StoredNode,
  treeOrder,
  treeSheetRows,
  type TreeLine,
} from '../../src/shared/orgTree'

const CITY: StoredNode = { _id: 'c', name: '济南市', kind: 'city', parentId: null, path: [] }
const LIXIA: StoredNode = { _id: 'd1', name: '历下区', kind: 'district', parentId: 'c', path: ['c'], code: '3701' }
const STREET: StoredNode = { _id: 's1', name: '解放路街道', kind: 'street', parentId: 'd1', path: ['c', 'd1'] }
const STORED = [CITY, LIXIA, STREET]

function ids() {
  let n = 0
  return () => `org-new-${++n}`
}
const lines = (rows: (string | number | undefined)[][]): TreeLine[] => {
  const sheet = readTreeSheet([['名称', '类型', '上级', '组织代码'], ...rows])
  if (!sheet.ok) throw new Error(sheet.problem)
  return sheet.lines
}
const errorsOf = (plan: ReturnType<typeof planTreeImport>) =>
  Object.fromEntries(plan.report.rows.filter((r) => r.result === 'error').map((r) => [r.row, r.errors]))

describe('kinds and nesting', () => {
  it('nests as design15 says, and reads the usual words for a kind', () => {
    expect(mayNestUnder('street', 'district')).toBe(true)
    expect(mayNestUnder('street', 'committee')).toBe(true)
    expect(mayNestUnder('branch', 'partyCommittee')).toBe(true)
    expect(mayNestUnder('partyCommittee', 'partyCommittee')).toBe(false)
    expect(mayNestUnder('district', 'street')).toBe(false)
    expect(mayNestUnder('branch', 'city')).toBe(false)
    expect(['区', '县', '区县', '街道', '镇', '街道(镇)', '社区党委', '党总支', '党支部', '支部'].map(kindOf)).toEqual([
      'district',
      'district',
      'district',
      'street',
      'street',
      'street',
      'partyCommittee',
      'partyCommittee',
      'branch',
      'branch',
    ])
    expect(kindOf('小组')).toBeUndefined()
  })

  it('lists children by kind, then by name', () => {
    const sorted = treeOrder([
      { kind: 'branch', name: '乙' },
      { kind: 'street', name: '甲' },
      { kind: 'partyCommittee', name: '丙' },
    ] as OrgDoc[])
    expect(sorted.map((n) => n.kind)).toEqual(['street', 'partyCommittee', 'branch'])
  })
})

describe('reading the sheet', () => {
  it('finds the headings under a title row and says what a row lacks', () => {
    const sheet = readTreeSheet([
      ['济南市组织架构'],
      ['名称', '类型（必填）', '上级', '组织代码'],
      ['历城区', '区', '济南市', 370112],
      [],
      ['', '小组', '', '37 01*'],
    ])
    expect(sheet).toMatchObject({
      ok: true,
      lines: [
        { row: 3, name: '历城区', kind: 'district', parent: '济南市', code: '370112', errors: [] },
        { row: 5, errors: ['缺少名称', expect.stringContaining('类型“小组”无法识别'), '缺少上级', expect.any(String)] },
      ],
    })
  })

  it('refuses a file without the headings, and one over the limit', () => {
    expect(readTreeSheet([['姓名', '手机号']])).toMatchObject({ ok: false })
    const many = Array.from({ length: MAX_TREE_ROWS + 1 }, (_, i) => [`支部${i}`, '支部', '解放路街道'])
    expect(readTreeSheet([['名称', '类型', '上级'], ...many])).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/最多/),
    })
  })
})

describe('the plan of an import', () => {
  it('creates rows in any order, each after its parent, resolving parents by code or name', () => {
    const plan = planTreeImport(
      lines([
        ['第一党支部', '支部', 'P-1'],
        ['山师东路社区党委', '党委', '解放路街道', 'P-1'],
        ['文化东路街道', '街道', '3701'],
        ['第二党支部', '支部', '文化东路街道'],
      ]),
      STORED,
      [],
      ids(),
    )
    expect(errorsOf(plan)).toEqual({})
    expect(plan.ok).toBe(true)
    expect(plan.report).toMatchObject({ applied: false, created: 4, unchanged: 0 })
    const byName = new Map(plan.creates.map((c) => [c.name, c]))
    const committee = byName.get('山师东路社区党委')!
    expect(committee).toMatchObject({ parentId: 's1', path: ['c', 'd1', 's1'], code: 'P-1', kind: 'partyCommittee' })
    expect(byName.get('第一党支部')).toMatchObject({
      parentId: committee._id,
      path: [...committee.path, committee._id],
    })
    expect(byName.get('第二党支部')!.path).toEqual(['c', 'd1', byName.get('文化东路街道')!._id])
    const order = plan.creates.map((c) => c._id)
    for (const c of plan.creates)
      if (c.parentId!.startsWith('org-new')) expect(order.indexOf(c.parentId!)).toBeLessThan(order.indexOf(c._id))
  })

  it('finds stored nodes unchanged by code or by name under the same parent', () => {
    const plan = planTreeImport(
      lines([
        ['历下区', '区县', '济南市', '3701'],
        ['解放路街道', '街道（镇）', '历下区'],
        ['新支部', '支部', '解放路街道'],
      ]),
      STORED,
      [],
      ids(),
    )
    expect(plan.report).toMatchObject({ created: 1, unchanged: 2 })
    expect(plan.creates).toEqual([expect.objectContaining({ name: '新支部', parentId: 's1' })])
  })

  it('writes nothing when any row is wrong, and says why on each row in Chinese', () => {
    const plan = planTreeImport(
      lines([
        ['甲支部', '支部', '解放路街道', 'X1'],
        ['乙支部', '支部', '解放路街道', 'X1'],
        ['丙街道', '街道', '解放路街道'],
        ['丁支部', '支部', '不存在的党委'],
        ['戊支部', '支部', '丙街道'],
        ['己支部', '支部', '解放路街道'],
        ['己支部', '支部', '解放路街道'],
        ['历下区', '区', '济南市', '3799'],
      ]),
      STORED,
      [{ _id: 'far', name: '远方支部', kind: 'branch', parentId: 'x', path: ['c', 'x'], code: 'X9' }],
      ids(),
    )
    expect(plan.ok).toBe(false)
    expect(plan.creates).toEqual([])
    const errors = errorsOf(plan)
    expect(errors[2]).toEqual(['组织代码与第3行重复'])
    expect(errors[4]).toEqual(['街道（镇）不能设在街道（镇）之下（上级“解放路街道”）'])
    expect(errors[5][0]).toMatch(/没有找到上级“不存在的党委”/)
    expect(errors[6]).toEqual(['上级“丙街道”那一行有错误，请先改正它'])
    expect(errors[7]).toEqual(['与第8行重复（同一上级下名称相同）'])
    expect(errors[9]).toEqual(['“历下区”已存在，组织代码是3701'])
  })

  it('asks for the code when a parent name is not unique, and refuses a code used elsewhere or a closed parent', () => {
    const twin: StoredNode = { _id: 's2', name: '解放路街道', kind: 'street', parentId: 'd2', path: ['c', 'd2'] }
    const closed: StoredNode = { ...STREET, _id: 's3', name: '已撤街道', closedAt: new Date() }
    const plan = planTreeImport(
      lines([
        ['甲支部', '支部', '解放路街道'],
        ['乙支部', '支部', '历下区', 'X9'],
        ['丙支部', '支部', '已撤街道'],
      ]),
      [...STORED, twin, closed],
      [{ _id: 'far', name: '远方支部', kind: 'branch', parentId: 'x', path: ['c', 'x'], code: 'X9' }],
      ids(),
    )
    const errors = errorsOf(plan)
    expect(errors[2]).toEqual(['上级名称重复，请填写上级的组织代码'])
    expect(errors[3][0]).toMatch(/组织代码“X9”已用于“远方支部”/)
    expect(errors[4]).toEqual(['上级“已撤街道”已撤销'])
  })

  it('reports a cycle of parents', () => {
    const plan = planTreeImport(
      lines([
        ['甲', '支部', '乙'],
        ['乙', '支部', '甲'],
      ]),
      STORED,
      [],
      ids(),
    )
    expect(plan.ok).toBe(false)
    expect(plan.report.rows.every((r) => r.result === 'error')).toBe(true)
  })
})

describe('the exported sheet', () => {
  it('imports again as all unchanged, naming parents by code, name, or id where a name is not unique', () => {
    const below: StoredNode[] = [
      LIXIA,
      STREET,
      { _id: 'd2', name: '市中区', kind: 'district', parentId: 'c', path: ['c'] },
      { _id: 's2', name: '解放路街道', kind: 'street', parentId: 'd2', path: ['c', 'd2'] },
      { _id: 'b1', name: '第一党支部', kind: 'branch', parentId: 's1', path: ['c', 'd1', 's1'] },
      { _id: 'b2', name: '第一党支部', kind: 'branch', parentId: 's2', path: ['c', 'd2', 's2'], code: 'B2' },
    ]
    const rows = treeSheetRows(CITY, below)
    expect(rows[0]).toEqual(['历下区', '区县', '济南市', '3701'])
    expect(rows.find((r) => r[3] === 'B2')![2]).toBe('s2')
    const plan = planTreeImport(lines(rows), [CITY, ...below], [], ids())
    expect(errorsOf(plan)).toEqual({})
    expect(plan.report).toMatchObject({ created: 0, unchanged: below.length })
  })
})
