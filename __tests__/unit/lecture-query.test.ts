import { DEFAULT_QUERY, listPayload } from '../../src/utils/lectureQuery'

describe('listPayload', () => {
  it('sends only the page size for the default query (upcoming, all themes, no search)', () => {
    expect(listPayload(DEFAULT_QUERY, 20)).toEqual({ pageSize: 20 })
  })

  it('adds what the member chose: theme, a filter other than upcoming, the trimmed search', () => {
    expect(listPayload({ theme: 'walking', filter: 'thisWeek', q: '  老支书 ' }, 20)).toEqual({
      pageSize: 20,
      theme: 'walking',
      filter: 'thisWeek',
      q: '老支书',
    })
    expect(listPayload({ filter: 'openToAll', q: '' }, 10)).toEqual({ pageSize: 10, filter: 'openToAll' })
  })

  it('leaves out a search of only spaces, and passes the cursor of the next page', () => {
    const after = { startAt: '2025-11-28T14:30:00+08:00', id: 'l1' }
    expect(listPayload({ filter: 'myBranch', q: '   ' }, 20, after)).toEqual({
      pageSize: 20,
      filter: 'myBranch',
      after,
    })
  })
})
