/** The member pages' words and the study-hour record image's layout (pure). */
import { recordLayout } from '../../src/member/hours/record'
import { formatClock, formatDate } from '../../src/shared/chinaTime'
import { formatHours, signedHours } from '../../src/shared/studyHours'
import { outcomeText, resultNote, resultTitle } from '../../src/member/checkin/outcome'
import { checkinResult, myHours } from '../support/memberViews'

const result = checkinResult

describe('member words', () => {
  it('writes China times, dates and halves of hours', () => {
    expect(formatClock('2025-11-28T11:02:00.000Z')).toBe('19:02')
    expect(formatClock('2025-11-28T16:30:00.000Z')).toBe('00:30')
    expect(formatDate('2025-12-31T16:30:00.000Z')).toBe('2026年1月1日')
    expect(formatClock('x')).toBe('')
    expect(formatHours(0.1 + 0.2 + 18.2)).toBe('18.5')
    expect(signedHours(1.5)).toBe('+1.5')
    expect(signedHours(-2)).toBe('−2')
  })

  it('says what a scan did', () => {
    expect(resultTitle(result())).toBe('签到成功 · 获得 1.5 学时')
    expect(resultTitle(result({ hours: 0, checkoutNeeded: true }))).toBe('签到成功')
    expect(resultNote(result({ hours: 0, checkoutNeeded: true }))).toMatch(/离开时请再扫码签退/)
    expect(resultTitle(result({ already: true }))).toBe('您已在 19:02 签到')
    expect(resultTitle(result({ kind: 'checkedOut', already: true, checkedOutAt: '2025-11-28T12:31:00.000Z' }))).toBe(
      '您已在 20:31 签退',
    )
    expect(resultTitle(result({ kind: 'checkedOut', hours: 1 }))).toBe('签退成功 · 获得 1 学时')
    const base = { key: 'l|in', lectureId: 'l', scannedAt: '', settledAt: '' }
    expect(outcomeText({ ...base, result: result() })).toBe('离线签到已提交：签到成功 · 获得 1.5 学时')
    expect(
      outcomeText({ ...base, refusal: { code: 'CODE_EXPIRED', message: '签到码已过期', explanation: '扫码时' } }),
    ).toBe('离线签到被拒：签到码已过期（扫码时）')
  })
})

describe('study-hour record layout', () => {
  const hours = myHours({
    entries: Array.from({ length: 30 }, (_, i) => ({
      id: `e${i}`,
      hours: i === 0 ? -1.5 : 1.5,
      bucket: 'collective' as const,
      source: i === 0 ? ('reversal' as const) : ('attendance' as const),
      title: i === 1 ? '一个非常非常非常非常非常长的党课题目会被截短' : `党课${i}`,
      at: '2025-11-28T11:02:00.000Z',
    })),
    years: [{ year: 2025, total: 18.5, target: 32 }],
  })

  it('puts who, the year, the total, the buckets and every entry on the card, growing with the entries', () => {
    const layout = recordLayout(hours, new Date('2025-11-30T02:00:00.000Z'))
    const texts = layout.texts.map((t) => t.text)
    expect(texts).toEqual(
      expect.arrayContaining([
        '2025年度 党员学时记录',
        '姓名：王建国',
        '已完成 18.5 / 32 学时',
        '还差 13.5 学时',
        '集中培训',
        '0.5 学时',
        '学时明细（30 条）',
        '−1.5',
        '2025年11月28日 · 撤销签到',
        '一个非常非常非常非常非常长…',
        '生成于 2025年11月30日 · 我来讲党课',
      ]),
    )
    expect(layout.height).toBeGreaterThan(30 * 90)
    expect(Math.max(...layout.texts.map((t) => t.y))).toBeLessThan(layout.height)
    const fewer = recordLayout({ ...hours, entries: [] }, new Date())
    expect(fewer.texts.map((t) => t.text)).toContain('这一年还没有学时记录')
    expect(fewer.height).toBeLessThan(layout.height)
  })
})
