/** What a member's own pages read: a scan's result and the study-hour record, for page and unit tests. */
import type { CheckinResult, MyHours } from '../../src/shared/contract'

/** A first check-in at 19:02 China time on 28 November 2025, crediting 1.5 hours. */
export const checkinResult = (over: Partial<CheckinResult> = {}): CheckinResult => ({
  kind: 'checkedIn',
  already: false,
  lectureTitle: '沿着红色足迹学党史',
  checkedInAt: '2025-11-28T11:02:00.000Z',
  hours: 1.5,
  checkoutNeeded: false,
  ...over,
})

/** 王建国's 2025 record: 18.5 of 32 hours, one entry of each source (attendance, lecturing, reversal, adjustment). */
export const myHours = (over: Partial<MyHours> = {}): MyHours => ({
  name: '王建国',
  year: 2025,
  currentYear: 2025,
  target: 32,
  total: 18.5,
  buckets: { training: 8, collective: 8, lecturing: 2, online: 0.5 },
  entries: [
    {
      id: 'e1',
      hours: 1.5,
      bucket: 'collective',
      source: 'attendance',
      title: '沿着红色足迹学党史',
      at: '2025-11-28T11:02:00.000Z',
      lectureId: 'l1',
    },
    {
      id: 'e2',
      hours: 2,
      bucket: 'lecturing',
      source: 'lecturing',
      title: '讲讲咱村的老支书',
      at: '2025-10-08T06:00:00.000Z',
      lectureId: 'l2',
    },
    {
      id: 'e3',
      hours: -1.5,
      bucket: 'collective',
      source: 'reversal',
      title: '误签的一场',
      at: '2025-09-01T02:00:00.000Z',
    },
    {
      id: 'e4',
      hours: 0.5,
      bucket: 'online',
      source: 'adjustment',
      title: '补录：线上学习',
      reason: '外出期间线上学习',
      at: '2025-08-01T02:00:00.000Z',
    },
  ],
  years: [
    { year: 2025, total: 18.5, target: 32 },
    { year: 2024, total: 34, target: 32 },
  ],
  ...over,
})
