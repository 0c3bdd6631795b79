import { actionsFor, seatsText } from '../../src/manage/utils/lectureActions'
import { pageUrl, readParam } from '../../src/manage/utils/route'

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
    expect(actionsFor({ status: 'published', endAt: past }, now)).toEqual(['checkin', 'roster', 'ratings', 'duplicate'])
    expect(actionsFor({ status: 'finished', endAt: past }, now)).toEqual(['roster', 'ratings', 'duplicate'])
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
