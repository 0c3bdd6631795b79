import { formatDistance } from '../../src/shared/distance'
import {
  duplicateLecture,
  lectureFields,
  nearestStop,
  newLecture,
  venueGeo,
  withGeo,
} from '../../src/shared/lectureRules'
import { lectureInput } from '../../src/shared/contract'
import type { LectureDoc } from '../../src/shared/model'
import { lectureToSave } from '../support/lectures'

const host = { _id: 'br-a', name: '甲社区党支部', path: ['org-city', 'org-d'] }
const NOW = new Date('2026-11-20T02:00:00Z')
const stops = [
  { name: '解放阁', address: '黑虎泉西路1号', lat: 36.66, lng: 117.03 },
  { name: '济南战役纪念馆', address: '英雄山路18号', lat: 36.64, lng: 117.01 },
]
const form = (venue: object, over: object = {}) =>
  lectureInput.parse(lectureToSave({ venue: { address: '甲社区党群服务中心', ...venue }, ...over }))

describe('venueGeo: the venue as GeoJSON for 附近的党课', () => {
  it('is a Point [lng, lat] for a venue with coordinates, absent without', () => {
    expect(venueGeo({ address: 'x', lat: 36.65, lng: 117.12, radiusM: 200, stops: [] })).toEqual({
      type: 'Point',
      coordinates: [117.12, 36.65],
    })
    expect(venueGeo({ address: 'x', radiusM: 200, stops: [] })).toBeUndefined()
  })

  it('is a MultiPoint of a walking lecture’s stops, the meeting point once when it is the first stop', () => {
    const walking = { address: '集合', lat: 36.66, lng: 117.03, radiusM: 300, stops }
    expect(venueGeo(walking)).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [117.03, 36.66],
        [117.01, 36.64],
      ],
    })
    expect(venueGeo({ ...walking, lat: 36.7, lng: 117.1 })?.coordinates).toHaveLength(3)
  })

  it('is written on save, derived again on a duplicate, and dropped with the coordinates', () => {
    const saved = lectureFields(form({ lat: 36.65, lng: 117.12 }), host)
    expect(saved.venue.geo).toEqual({ type: 'Point', coordinates: [117.12, 36.65] })
    expect('geo' in lectureFields(form({}), host).venue).toBe(false)
    const walk = lectureFields(form({ stops }, { theme: 'walking' }), host)
    expect(walk.venue.geo?.type).toBe('MultiPoint')

    // A lecture read back carries the geo the SDK made of it; the duplicate's comes from the coordinates.
    const original = {
      _id: 'l-1',
      ...newLecture(saved, 'm-1', NOW),
      venue: { ...saved.venue, lat: 36.7, geo: { type: 'Point', coordinates: [0, 0] } },
    } as LectureDoc
    expect(duplicateLecture(original, 'm-2', NOW).venue.geo).toEqual({ type: 'Point', coordinates: [117.12, 36.7] })
    const { lat: _lat, lng: _lng, ...noPlace } = original.venue
    expect('geo' in withGeo(noPlace)).toBe(false)
  })
})

describe('nearestStop', () => {
  const walking = { address: '集合', lat: 36.66, lng: 117.03, radiusM: 300, stops }
  it('names the walking lecture’s stop nearest to the member', () => {
    expect(nearestStop(walking, { lat: 36.641, lng: 117.011 })).toBe('济南战役纪念馆')
    expect(nearestStop(walking, { lat: 36.659, lng: 117.029 })).toBe('解放阁')
  })
  it('names none when the venue has no stops, or its own point (not a stop) is nearer', () => {
    expect(nearestStop({ address: 'x', lat: 36.6, lng: 117, radiusM: 200, stops: [] }, { lat: 36.6, lng: 117 })).toBe(
      undefined,
    )
    expect(nearestStop({ ...walking, lat: 36.7, lng: 117.1 }, { lat: 36.7, lng: 117.1 })).toBeUndefined()
  })
})

describe('formatDistance', () => {
  it('reads metres under a kilometre to 10 m, kilometres to one decimal, whole kilometres from 10 km', () => {
    expect(formatDistance(0)).toBe('10 米')
    expect(formatDistance(804)).toBe('800 米')
    expect(formatDistance(996)).toBe('1 公里')
    expect(formatDistance(1234)).toBe('1.2 公里')
    expect(formatDistance(2050)).toBe('2.1 公里')
    expect(formatDistance(9960)).toBe('10 公里')
    expect(formatDistance(23_456)).toBe('23 公里')
  })
})
