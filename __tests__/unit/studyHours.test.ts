import type { HourBucket, Role } from '../../src/shared/model'
import {
  BRANCH_HOURS_COLUMNS,
  behindFirst,
  branchHoursFileName,
  branchHoursRow,
  branchHoursSheetRows,
  defaultCreditHours,
  emptyBuckets,
  hoursYear,
  missingHours,
  officeName,
  targetFor,
  targetsOf,
  totalsByYear,
  sumEntries,
} from '../../src/shared/studyHours'

describe('defaultCreditHours', () => {
  it.each([
    [0, 0],
    [29, 0],
    [30, 0.5],
    [59, 0.5],
    [60, 1],
    [90, 1.5],
    [119, 1.5],
    [240, 4],
    [290, 4], // half a day: at most 4
    [480, 8],
    [720, 8], // a day: at most 8
  ])('%i minutes give %f 学时', (minutes, hours) => {
    expect(defaultCreditHours('standard', minutes)).toBe(hours)
  })

  it('gives a micro lecture 0.5', () => {
    expect(defaultCreditHours('micro', 5)).toBe(0.5)
  })
})

describe('targets', () => {
  const settings = {
    defaults: { member: 30, officer: 50 },
    years: { '2027': { member: 40, officer: 60 } },
  }

  it('are 32 and 56 without settings, the defaults of the settings, or the year’s own', () => {
    expect(targetsOf(undefined, 2026)).toEqual({ member: 32, officer: 56 })
    expect(targetsOf(settings, 2026)).toEqual({ member: 30, officer: 50 })
    expect(targetsOf(settings, 2027)).toEqual({ member: 40, officer: 60 })
  })

  it('give secretaries and committee members the officer target, everyone else the member one', () => {
    const t = { member: 32, officer: 56 }
    expect(targetFor(['member', 'secretary'], t)).toBe(56)
    expect(targetFor(['member', 'committee'], t)).toBe(56)
    expect(targetFor(['member'], t)).toBe(32)
    expect(targetFor(['member', 'admin', 'judge'], t)).toBe(32)
  })
})

describe('hoursYear', () => {
  it('counts in the China calendar year: 31 December 23:59 and 1 January 00:00 in Jinan', () => {
    expect(hoursYear(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026) // 23:59:59 in Jinan
    expect(hoursYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027) // 00:00 on 1 January in Jinan
    expect(hoursYear(new Date('2027-01-01T02:00:00Z'))).toBe(2027)
  })
})

describe('sumEntries and totalsByYear', () => {
  const e = (year: number, hours: number, bucket: HourBucket) => ({ year, hours, bucket })
  const entries = [
    e(2026, 2, 'collective'),
    e(2026, 1.5, 'collective'),
    e(2026, -1.5, 'collective'), // the reversal of the 1.5
    e(2026, 1, 'lecturing'),
    e(2026, 3, 'training'),
    e(2026, -0.5, 'training'), // a downward adjustment
    e(2025, 4, 'online'),
    e(2024, 0.5, 'collective'),
  ]

  it('sum a year by bucket, reversals and corrections included', () => {
    expect(sumEntries(entries.filter((x) => x.year === 2026))).toEqual({
      total: 5.5,
      buckets: { training: 2.5, collective: 2, lecturing: 1, online: 0 },
    })
    expect(sumEntries([])).toEqual({ total: 0, buckets: emptyBuckets() })
  })

  it('give each year’s total, latest first', () => {
    expect([...totalsByYear([...entries].reverse())]).toEqual([
      [2026, 5.5],
      [2025, 4],
      [2024, 0.5],
    ])
  })
})

describe('a branch’s hours', () => {
  const targets = { member: 32, officer: 56 }
  const row = (name: string, roles: Role[], buckets?: Partial<Record<HourBucket, number>>) =>
    branchHoursRow({ _id: name, name, roles }, buckets && { ...emptyBuckets(), ...buckets }, targets)

  it('count each member against their target, nothing missing once it is reached', () => {
    expect(row('王建华', ['member', 'secretary'], { collective: 20, lecturing: 2 })).toEqual({
      memberId: '王建华',
      name: '王建华',
      roles: ['member', 'secretary'],
      target: 56,
      total: 22,
      buckets: { training: 0, collective: 20, lecturing: 2, online: 0 },
      missing: 34,
    })
    expect(row('李秀英', ['member'])).toMatchObject({ total: 0, missing: 32, buckets: emptyBuckets() })
    expect(row('张明', ['member'], { training: 40 })).toMatchObject({ total: 40, missing: 0 })
    expect(missingHours(32, 31.5)).toBe(0.5)
    expect(missingHours(32, 33)).toBe(0)
  })

  it('put the ones behind first, then sort by name as Chinese readers do', () => {
    const rows = [
      row('张明', ['member'], { collective: 10 }),
      row('王芳', ['member'], { collective: 40 }),
      row('李强', ['member'], { collective: 10 }),
      row('赵刚', ['member', 'committee'], { collective: 10 }),
      row('陈静', ['member']),
    ]
    expect(behindFirst(rows).map((r) => [r.name, r.missing])).toEqual([
      ['赵刚', 46],
      ['陈静', 32],
      ['李强', 22],
      ['张明', 22],
      ['王芳', 0],
    ])
    expect(rows[0].name).toBe('张明') // the input is left as it was
  })

  it('read in the exported sheet as the columns say, with the office that sets the target', () => {
    const rows = [row('赵刚', ['member', 'committee'], { training: 4, collective: 6, lecturing: 1, online: 2 })]
    expect(BRANCH_HOURS_COLUMNS).toEqual([
      '姓名',
      '职务',
      '目标学时',
      '已完成',
      '集中培训',
      '集体学习',
      '讲授',
      '线上学习',
      '还差',
    ])
    expect(branchHoursSheetRows(rows)).toEqual([['赵刚', '支部委员', 56, 13, 4, 6, 1, 2, 43]])
    expect(officeName(['member', 'secretary', 'admin'])).toBe('支部书记')
    expect(officeName(['member', 'admin'])).toBe('党员')
  })

  it('name the file after the branch and the year, without characters a file name may not have', () => {
    expect(branchHoursFileName('千佛山社区党支部', 2026)).toBe('千佛山社区党支部2026年度学时统计.xlsx')
    expect(branchHoursFileName('A/B:C', 2026)).toBe('A B C2026年度学时统计.xlsx')
    expect(branchHoursFileName(' / ', 2026)).toBe('党支部2026年度学时统计.xlsx')
  })
})
