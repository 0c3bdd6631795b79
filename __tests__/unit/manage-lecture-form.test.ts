import type { LectureDetail } from '../../src/shared/contract'
import { lectureDetail, walkingVenue } from '../support/lectures'
import {
  defaultHours,
  emptyForm,
  fieldErrors,
  formFromDetail,
  formToInput,
  validateForm,
  type LectureForm,
} from '../../src/manage/utils/lectureForm'

/** A form a secretary could submit as it is. */
function filled(over: Partial<LectureForm> = {}): LectureForm {
  return {
    ...emptyForm('b-1'),
    title: '学习二十届四中全会精神',
    lecturerName: '王建国',
    address: '城关村党群服务中心二楼',
    startDate: '2025-12-05',
    startTime: '14:30',
    endDate: '2025-12-05',
    endTime: '16:00',
    deadlineDate: '2025-12-04',
    deadlineTime: '18:00',
    capacity: '40',
    ...over,
  }
}

/** A loaded walking lecture with two stops, a co-host, a member lecturer and L2 check-in. */
const detail = (over: Partial<LectureDetail> = {}) =>
  lectureDetail({
    startAt: '2025-12-05T06:30:00.000Z',
    endAt: '2025-12-05T09:30:00.000Z',
    signupDeadline: '2025-12-04T10:00:00.000Z',
    capacity: 30,
    hours: 3,
    lecturer: { name: '李秀英', title: '老党员', memberId: 'm-7' },
    coHostOrgIds: ['b-2'],
    theme: 'walking',
    venue: { ...walkingVenue(), radiusM: 300 },
    checkinLevel: 'L2',
    ...over,
  })

describe('lecture form → lectureInput', () => {
  it('accepts a filled form, with times in China time and no credit when hours follow the default', () => {
    const result = validateForm(filled())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.input).toMatchObject({
      title: '学习二十届四中全会精神',
      hostOrgId: 'b-1',
      startAt: '2025-12-05T14:30:00+08:00',
      endAt: '2025-12-05T16:00:00+08:00',
      signupDeadline: '2025-12-04T18:00:00+08:00',
      capacity: 40,
      venue: { address: '城关村党群服务中心二楼', stops: [] },
      checkinLevel: 'L1',
      signupRequired: true,
      cancelPolicy: 'untilDeadline',
    })
    expect(result.input.credit).toBeUndefined()
    expect(result.input.lecturer).toEqual({ name: '王建国' })
  })

  it('sends typed hours with the bucket, and leaves out stops unless the lecture is a walking one', () => {
    const input = formToInput(
      filled({ hours: '1.5', stops: [{ name: '站', address: '地址', lat: '36.6', lng: '117.0' }] }),
    )
    expect(input.credit).toEqual({ hours: 1.5, bucket: 'collective' })
    expect(input.venue.stops).toEqual([])
    const walking = formToInput(
      filled({ theme: 'walking', stops: [{ name: '站', address: '地址', lat: '36.6', lng: '117.0' }] }),
    )
    expect(walking.venue.stops).toEqual([{ name: '站', address: '地址', lat: 36.6, lng: 117 }])
  })

  it('gives one Chinese line per field, using the schema message or a field hint instead of a generic one', () => {
    const result = validateForm(
      filled({ title: '党', lecturerName: ' ', address: '', capacity: '', startTime: '', hours: '1.2' }),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual({
      title: '标题至少2个字',
      'lecturer.name': '请填写主讲人',
      'venue.address': '请填写地点',
      capacity: '请填写人数上限，1到5000之间的整数',
      startAt: '请选择开始的日期和时间',
      'credit.hours': '学时须为0.5的整数倍',
    })
  })

  it('reports the order rules (end after start, deadline before start) once the fields are there', () => {
    const result = validateForm(filled({ endTime: '13:00', deadlineDate: '2025-12-06' }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual({
      endAt: '结束时间须晚于开始时间',
      signupDeadline: '报名截止须不晚于开始时间',
    })
  })

  it('asks a walking lecture for two stops and names the stop fields that are wrong', () => {
    const none = validateForm(filled({ theme: 'walking' }))
    expect(none.ok || none.errors).toEqual({ 'venue.stops': '行走党课至少要有两个站点' })

    const bad = validateForm(
      filled({
        theme: 'walking',
        stops: [
          { name: '', address: '历下区', lat: 'abc', lng: '117' },
          { name: '趵突泉', address: '历下区', lat: '36.6', lng: '' },
        ],
      }),
    )
    expect(bad.ok || bad.errors).toEqual({
      'venue.stops.0.name': '请填写站点名称，最多40个字',
      'venue.stops.0.lat': '请填写纬度，-90到90之间的数字，如 36.6512',
      'venue.stops.1.lng': '请填写经度，-180到180之间的数字，如 117.1201',
    })
  })

  it('asks a lecture with location check-in (L2, L3) for the venue position, except a walking one', () => {
    for (const checkinLevel of ['L2', 'L3'] as const) {
      const none = validateForm(filled({ checkinLevel }))
      expect(none.ok || none.errors).toEqual({ 'venue.lat': '定位签到须填写地点的经纬度' })
      expect(validateForm(filled({ checkinLevel, venueLat: '36.65', venueLng: '117.12' })).ok).toBe(true)
    }
    const stops = [
      { name: '解放阁', address: '历下区', lat: '36.66', lng: '117.02' },
      { name: '趵突泉', address: '历下区', lat: '36.66', lng: '117.01' },
    ]
    expect(validateForm(filled({ checkinLevel: 'L3', theme: 'walking', stops })).ok).toBe(true)
  })

  it('sends whether check-in needs a sign-up', () => {
    expect(formToInput(filled({ signupRequired: false })).signupRequired).toBe(false)
  })

  it('keeps the first message of a field and falls back to a general line for unknown fields', () => {
    expect(
      fieldErrors([
        { path: ['title'], message: '标题至少2个字' },
        { path: ['title'], message: '另一条' },
        { path: ['somethingNew'], message: '无效输入' },
      ]),
    ).toEqual({ title: '标题至少2个字', somethingNew: '请检查这一项' })
  })
})

describe('lecture form from a loaded lecture', () => {
  it('splits times into China dates and times and keeps everything the form does not show', () => {
    const form = formFromDetail(detail())
    expect(form).toMatchObject({
      startDate: '2025-12-05',
      startTime: '14:30',
      endTime: '17:30',
      deadlineDate: '2025-12-04',
      deadlineTime: '18:00',
      capacity: '30',
      lecturerMemberId: 'm-7',
      coHostOrgIds: ['b-2'],
      radiusM: 300,
      hours: '', // 3 hours for 180 minutes is the default
      checkinLevel: 'L2',
      signupRequired: true,
    })
    expect(formFromDetail(detail({ signupRequired: false })).signupRequired).toBe(false)
    expect(form.stops[1]).toEqual({ name: '济南战役纪念馆', address: '英雄山路18号', lat: '36.64', lng: '117.01' })

    const input = validateForm(form)
    expect(input.ok).toBe(true)
    if (!input.ok) return
    expect(input.input.lecturer).toEqual({ name: '李秀英', title: '老党员', memberId: 'm-7' })
    expect(input.input.coHostOrgIds).toEqual(['b-2'])
    expect(input.input.venue.radiusM).toBe(300)
  })

  it('shows hours that differ from the default as typed hours', () => {
    expect(formFromDetail(detail({ credit: { hours: 2, bucket: 'training' } }))).toMatchObject({
      hours: '2',
      bucket: 'training',
    })
  })
})

describe('default hours on the form', () => {
  it('follow the times and the theme, and are unknown until both times are set', () => {
    expect(defaultHours(filled())).toBe(1.5)
    expect(defaultHours(filled({ theme: 'micro' }))).toBe(0.5)
    expect(defaultHours(filled({ endTime: '' }))).toBeUndefined()
    expect(defaultHours(filled({ endTime: '14:00' }))).toBeUndefined()
  })
})
