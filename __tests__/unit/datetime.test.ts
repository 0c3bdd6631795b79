import { formatDay, formatTimeRange } from '../../src/utils/datetime'

describe('formatTimeRange', () => {
  it('writes a same-day lecture as day, weekday and a time range', () => {
    expect(formatTimeRange('2025-11-28T14:30:00+08:00', '2025-11-28T16:00:00+08:00')).toBe('11月28日 周五 14:30–16:00')
  })

  it('reads UTC instants in China time, whatever the zone of the input', () => {
    // 06:30Z is 14:30 in Beijing; 16:30Z on the 27th is 00:30 on the 28th.
    expect(formatTimeRange('2025-11-28T06:30:00Z', '2025-11-28T08:00:00.000Z')).toBe('11月28日 周五 14:30–16:00')
    expect(formatTimeRange('2025-11-27T16:30:00Z', '2025-11-27T17:00:00Z')).toBe('11月28日 周五 00:30–01:00')
  })

  it('writes both days when the lecture ends on another day', () => {
    expect(formatTimeRange('2025-12-31T20:00:00+08:00', '2026-01-01T09:05:00+08:00')).toBe(
      '12月31日 周三 20:00 – 1月1日 周四 09:05',
    )
  })

  it('writes only the start without a valid end, and nothing for an invalid start', () => {
    expect(formatTimeRange('2025-11-30T09:00:00+08:00')).toBe('11月30日 周日 09:00')
    expect(formatTimeRange('2025-11-30T09:00:00+08:00', 'not a date')).toBe('11月30日 周日 09:00')
    expect(formatTimeRange('not a date', '2025-11-30T09:00:00+08:00')).toBe('')
  })
})

describe('formatDay', () => {
  it('gives month, day and weekday', () => {
    expect(formatDay('2025-12-01T08:00:00+08:00')).toBe('12月1日 周一')
    expect(formatDay('')).toBe('')
  })
})
