import { demoCityTreeRows } from '../../scripts/demo-city-tree'
import { planTreeImport, readTreeSheet } from '../../src/shared/orgTree'

it('makes the demo city: 15 districts and areas, 200 streets, 5,000 branches, unique codes; all of it imports', () => {
  const rows = demoCityTreeRows()
  const count = (kind: string) => rows.filter((r) => r[1] === kind).length
  expect([count('区县') + count('工委'), count('街道（镇）'), count('支部')]).toEqual([15, 200, 5000])
  expect(new Set(rows.map((r) => r[3])).size).toBe(rows.length)
  expect(demoCityTreeRows()).toEqual(rows)
  const sheet = readTreeSheet([['名称', '类型', '上级', '组织代码'], ...rows])
  if (!sheet.ok) throw new Error(sheet.problem)
  let n = 0
  const started = Date.now()
  const plan = planTreeImport(
    sheet.lines,
    [{ _id: 'c', name: '济南市', kind: 'city', parentId: null, path: [] }],
    [],
    () => `n${++n}`,
  )
  expect(Date.now() - started).toBeLessThan(2000)
  expect(plan.report).toMatchObject({ created: rows.length, unchanged: 0 })
  expect(plan.creates.filter((c) => c.kind === 'branch').every((c) => c.path.length >= 3)).toBe(true)
})
