import { actionsFor, seatsText } from '../../src/manage/utils/lectureActions'
import {
  chinaIso,
  chinaParts,
  chinaToday,
  formatDateTime,
  formatPickedDate,
  minutesBetween,
} from '../../src/manage/utils/chinaTime'
import { pageUrl, readParam } from '../../src/manage/utils/route'

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
    expect(chinaToday(new Date('2025-11-28T17:00:00.000Z'))).toBe('2025-11-29')
  })
})

describe('what a secretary can do with a lecture', () => {
  const now = new Date('2025-11-28T12:00:00+08:00')
  const future = '2025-12-01T16:00:00+08:00'
  const past = '2025-11-20T16:00:00+08:00'

  it('offers by status and time', () => {
    expect(actionsFor({ status: 'draft', endAt: future }, now)).toEqual(['edit', 'publish', 'duplicate'])
    expect(actionsFor({ status: 'published', endAt: future }, now)).toEqual([
      'edit',
      'checkin',
      'roster',
      'duplicate',
      'cancel',
    ])
    expect(actionsFor({ status: 'published', endAt: past }, now)).toEqual(['checkin', 'roster', 'duplicate'])
    expect(actionsFor({ status: 'finished', endAt: past }, now)).toEqual(['roster', 'duplicate'])
    expect(actionsFor({ status: 'cancelled', endAt: future }, now)).toEqual(['roster', 'duplicate'])
  })

  it('writes seats as signed up of capacity', () => {
    expect(seatsText({ capacity: 40, seatsLeft: 28 })).toBe('12 / 40')
    expect(seatsText({ capacity: 40, seatsLeft: 0 })).toBe('40 / 40')
    expect(seatsText({ capacity: 40, seatsLeft: -2 })).toBe('40 / 40')
  })
})

describe('page addresses', () => {
  it('builds urls with encoded parameters and reads them back', () => {
    expect(pageUrl('edit')).toBe('/manage/edit/index')
    expect(pageUrl('edit', { id: 'l 1', orgId: undefined })).toBe('/manage/edit/index?id=l%201')
    expect(pageUrl('roster', { id: 'a&b' })).toBe('/manage/roster/index?id=a%26b')
    expect(readParam({ id: 'l%201' }, 'id')).toBe('l 1')
    expect(readParam({ id: '100%' }, 'id')).toBe('100%')
    expect(readParam({}, 'id')).toBeUndefined()
    expect(readParam(undefined, 'id')).toBeUndefined()
  })
})
