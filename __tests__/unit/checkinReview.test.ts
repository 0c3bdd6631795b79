/** checkinReview.ts: which offline scans wait for the secretary, and what a decision makes of a record. */
import {
  decisionOf,
  heldForReview,
  myCheckinOf,
  PENDING_REASON,
  refusedBefore,
  reviewWithoutHeldCheckout,
} from '../../src/shared/checkinReview'
import type { CheckinDoc } from '../../src/shared/model'

const by = { at: new Date('2026-12-01T10:00:00Z'), by: 'sec1', byName: '王书记', reason: '不在会场' }

function record(overrides: Partial<CheckinDoc> = {}): CheckinDoc {
  return {
    _id: 'l1:m1',
    lectureId: 'l1',
    memberId: 'm1',
    memberName: '张三',
    branchId: 'b1',
    status: 'pending',
    round: 1,
    checkedInAt: new Date('2026-12-01T08:00:00Z'),
    method: 'qr',
    hours: 1.5,
    review: { held: 'in' },
    updatedAt: new Date('2026-12-01T09:00:00Z'),
    ...overrides,
  }
}

describe('heldForReview', () => {
  it('holds an offline scan at L1+ whose code expired before it arrived, and nothing else', () => {
    expect(heldForReview('L1', true, false)).toBe(true)
    expect(heldForReview('L3', true, false)).toBe(true)
    expect(heldForReview('L0', true, false)).toBe(false)
    expect(heldForReview('L1', true, true)).toBe(false)
    expect(heldForReview('L2', false, false)).toBe(false)
  })
})

describe('decisionOf', () => {
  it('confirms a check-in as in, and as out once the member checked out', () => {
    expect(decisionOf(record(), 'confirm', by)).toEqual({
      status: 'in',
      review: { held: 'in', decision: 'confirmed', ...by },
      drop: [],
    })
    expect(decisionOf(record({ checkedOutAt: new Date() }), 'confirm', by)?.status).toBe('out')
    expect(decisionOf(record({ review: { held: 'out' } }), 'confirm', by)?.status).toBe('out')
  })

  it('refuses a check-in as refused with no hours, a check-out back to in without it', () => {
    expect(decisionOf(record(), 'refuse', by)).toMatchObject({ status: 'refused', hours: 0, drop: [] })
    expect(decisionOf(record({ review: { held: 'out' }, checkedOutAt: new Date() }), 'refuse', by)).toMatchObject({
      status: 'in',
      hours: 0,
      drop: ['checkedOutAt', 'offline'],
    })
  })

  it('changes nothing on a record that is not pending', () => {
    for (const status of ['in', 'out', 'undone', 'refused'] as const) {
      expect(decisionOf(record({ status }), 'confirm', by)).toBeUndefined()
    }
  })
})

describe('reviewWithoutHeldCheckout', () => {
  it('drops what a held check-out wrote and keeps what was there before it', () => {
    // A live check-in: the held check-out's mark was all there was.
    expect(reviewWithoutHeldCheckout({ held: 'out' })).toBeUndefined()
    expect(reviewWithoutHeldCheckout(undefined)).toBeUndefined()
    // An offline check-in the secretary confirmed: the confirmation is of the check-in again.
    const confirmed = { held: 'out' as const, decision: 'confirmed' as const, ...by }
    expect(reviewWithoutHeldCheckout(confirmed)).toEqual({ ...confirmed, held: 'in' })
    // An earlier check-out the secretary refused: that refusal stays as it was.
    const refused = { held: 'out' as const, decision: 'refused' as const, ...by }
    expect(reviewWithoutHeldCheckout(refused)).toEqual(refused)
  })
})

describe('what the member sees', () => {
  it('待确认 and why while pending, no hours; the reason once refused; nothing while undone', () => {
    expect(myCheckinOf(record())).toEqual({
      status: 'pending',
      checkedInAt: '2026-12-01T08:00:00.000Z',
      hours: 0,
      review: { status: 'pending', reason: PENDING_REASON },
    })
    const refused = record({ status: 'refused', hours: 0, review: { held: 'in', decision: 'refused', ...by } })
    expect(myCheckinOf(refused)?.review).toEqual({ status: 'refused', reason: '不在会场' })
    expect(myCheckinOf(record({ status: 'in', review: undefined }))).toEqual({
      status: 'in',
      checkedInAt: '2026-12-01T08:00:00.000Z',
      hours: 1.5,
    })
    expect(myCheckinOf(record({ status: 'undone' }))).toBeUndefined()
  })

  it('a copy of a refused scan is one made before the refusal', () => {
    const refused = record({ status: 'refused', review: { held: 'in', decision: 'refused', ...by } })
    expect(refusedBefore(refused, new Date('2026-12-01T09:59:00Z'), 'in')).toBe(true)
    expect(refusedBefore(refused, new Date('2026-12-01T10:01:00Z'), 'in')).toBe(false)
    expect(refusedBefore(refused, new Date('2026-12-01T09:59:00Z'), 'out')).toBe(false)
  })
})
