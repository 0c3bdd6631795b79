/** Every date an action takes lies in 2000–2100 (China time); free search text holds no control character. */
import { contract } from '../../src/shared/contract'
import { isoDate } from '../../src/shared/contract/common'
import { lectureToSave } from '../support/lectures'

const lecture = (startAt: string, endAt: string, signupDeadline: string) =>
  lectureToSave({ startAt, endAt, signupDeadline })

it('takes dates from 2000-01-01 to 2100-12-31 China time, and no other', () => {
  const ok = (s: string) => isoDate.safeParse(s).success
  const inRange = ['2000-01-01T00:00:00+08:00', '2026-12-01T06:30:00Z', '2100-12-31T23:59:59+08:00']
  const outside = [
    '0001-01-01T00:00:00Z',
    '1999-12-31T23:59:59+08:00',
    '2101-01-01T00:00:00+08:00',
    '9999-12-31T00:00:00Z',
  ]
  expect(inRange.filter(ok)).toEqual(inRange)
  expect(outside.filter(ok)).toEqual([])
})

it('every date field of every action uses that one schema', () => {
  const save = (l: object) => contract.lecture.save.input.safeParse({ lecture: l }).success
  expect(save(lecture('2026-12-01T09:00:00+08:00', '2026-12-01T10:00:00+08:00', '2026-12-01T08:00:00+08:00'))).toBe(
    true,
  )
  expect(save(lecture('0001-01-01T09:00:00+08:00', '0001-01-01T10:00:00+08:00', '0001-01-01T08:00:00+08:00'))).toBe(
    false,
  )
  expect(save(lecture('2026-12-01T09:00:00+08:00', '2026-12-01T10:00:00+08:00', '0001-01-01T08:00:00+08:00'))).toBe(
    false,
  )
  const after = { startAt: '0001-01-01T00:00:00Z', id: 'lec-1' }
  expect(contract.lecture.list.input.safeParse({ after }).success).toBe(false)
  const scan = { lectureId: 'lec-1', typed: '123456', scannedAt: '0001-01-01T00:00:00Z' }
  expect(contract.checkin.scan.input.safeParse(scan).success).toBe(false)
})

it('refuses a control character in the lecture search (a BSON regex cannot hold a NUL)', () => {
  const q = (text: string) => contract.lecture.list.input.safeParse({ q: text }).success
  expect(q('党课 王建华')).toBe(true)
  expect(q('党\u0000课')).toBe(false)
  expect(q('党\u0007课')).toBe(false)
})
