import {
  chinaDate,
  chinaDateTime,
  chinaIso,
  chinaParts,
  chinaWhen,
  chinaYear,
  formatDateTime,
  formatDay,
  formatPickedDate,
  formatTimeRange,
  minutesBetween,
} from '../../src/shared/chinaTime'

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

describe('China time of the form', () => {
  it('splits an instant into the China date and time, and joins them back with +08:00', () => {
    expect(chinaParts('2025-11-28T16:30:00.000Z')).toEqual({ date: '2025-11-29', time: '00:30' })
    expect(chinaParts('2025-11-28T14:30:00+08:00')).toEqual({ date: '2025-11-28', time: '14:30' })
    expect(chinaParts('nonsense')).toBeUndefined()
    expect(chinaParts(undefined)).toBeUndefined()
    expect(chinaIso('2025-11-28', '14:30')).toBe('2025-11-28T14:30:00+08:00')
    expect(chinaIso('2025-11-28', '')).toBe('')
    expect(chinaIso('', '14:30')).toBe('')
  })

  it('measures minutes only forwards, and writes dates as people read them', () => {
    expect(minutesBetween('2025-11-28T14:30:00+08:00', '2025-11-28T16:00:00+08:00')).toBe(90)
    expect(minutesBetween('2025-11-28T14:30:00+08:00', '2025-11-28T14:30:00+08:00')).toBeUndefined()
    expect(minutesBetween('', '2025-11-28T14:30:00+08:00')).toBeUndefined()
    expect(formatDateTime('2025-11-28T01:05:00.000Z')).toBe('11月28日 09:05')
    expect(formatDateTime('')).toBe('')
    expect(formatPickedDate('2025-03-07')).toBe('2025年3月7日 周五')
    expect(formatPickedDate('')).toBe('')
    expect(chinaDate(new Date('2025-11-28T17:00:00.000Z'))).toBe('2025-11-29')
  })
})

describe('China calendar of an instant', () => {
  it('gives the China day and year, not the UTC ones', () => {
    // 16:30Z on 31 December is 00:30 on 1 January in China.
    expect(chinaDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01')
    expect(chinaDate(Date.parse('2026-12-31T15:59:00Z'))).toBe('2026-12-31')
    expect(chinaYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027)
    expect(chinaYear(new Date('2026-12-31T15:59:00Z'))).toBe(2026)
    expect(chinaDateTime(Date.parse('2026-03-01T16:08:00Z'))).toBe('2026-03-02 00:08')
  })

  it('writes a deadline as a time today, else with its China date', () => {
    const now = new Date('2025-05-03T15:00:00Z') // 23:00 on 3 May in China
    expect(chinaWhen(new Date('2025-05-03T11:02:00Z'), now)).toBe('19:02')
    expect(chinaWhen(new Date('2025-05-03T16:30:00Z'), now)).toBe('5月4日 00:30')
    expect(chinaWhen(new Date('2024-05-03T11:02:00Z'), now)).toBe('5月3日 19:02')
  })
})
