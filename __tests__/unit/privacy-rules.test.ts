/** The retention setting's reading, the removed phone's mark, and 我的数据's tables (page and export alike). */
import type { MyData } from '../../src/shared/contract'
import { myDataFileName, myDataTables } from '../../src/shared/myData'
import { isRemovedPhone, removedPhone, RETENTION_DAYS_DEFAULT, retentionDaysOf } from '../../src/shared/privacy'

it('reads the retention in whole days, the default for a missing or senseless value', () => {
  expect(retentionDaysOf(undefined)).toBe(RETENTION_DAYS_DEFAULT)
  expect(retentionDaysOf({ retentionDays: 30 })).toBe(30)
  for (const bad of [0, -5, 1.5, NaN]) expect(retentionDaysOf({ retentionDays: bad })).toBe(RETENTION_DAYS_DEFAULT)
})

it('marks a removed phone uniquely per member, never a phone a member could type', () => {
  expect(removedPhone('m-1')).toBe('removed:m-1')
  expect(isRemovedPhone(removedPhone('m-1'))).toBe(true)
  expect(isRemovedPhone('13800000001')).toBe(false)
})

it('writes one table per kind of record, in words and China time; a removed phone says so', () => {
  const data: MyData = {
    profile: { name: '王建国', phone: '', branchName: '一支部', roles: ['member', 'secretary'], inactive: true },
    binding: { boundAt: '2025-03-01T02:00:00.000Z' },
    signups: [],
    checkins: [{ lectureTitle: '党章', status: 'out', method: 'typed', at: '2025-05-03T11:02:00.000Z', hours: 2 }],
    hours: [],
    proposals: [{ title: '讲讲家风', status: 'pending', at: '2025-04-01T02:00:00.000Z' }],
    cut: [],
  }
  const tables = myDataTables(data)
  expect(tables.map((t) => t.title)).toEqual(['个人信息', '报名', '签到', '学时', '党课申报'])
  expect(tables[0].rows[0]).toEqual(['王建国', '已删除', '一支部', '党员、支部书记', '已退出', '2025-03-01 10:00'])
  expect(tables[2].rows[0]).toEqual(['党章', '已签退', '输码', '2025-05-03 19:02', '2', ''])
  for (const t of tables) for (const row of t.rows) expect(row).toHaveLength(t.columns.length)
  expect(myDataFileName('王建国', new Date('2025-05-03T17:00:00.000Z'))).toBe('我的数据-王建国-2025-05-04.xlsx')
})
