/**
 * rating.rate, rating.myRating and rating.pending through the real SDK against the local CloudBase: every
 * refusal writes nothing; 200 members at once give 200 ratings and sums equal to a recount; one member tapping
 * 20 times stores one rating counted once; a crash between storing and counting is completed by the retry.
 */
import { main as lectureMain } from '../../cloudfunctions/lecture/main'
import { main } from '../../cloudfunctions/rating/main'
import type { LectureDetail, MyRating, PendingRating } from '../../src/shared/contract'
import type { CheckinDoc, LectureDoc, RatingDoc } from '../../src/shared/model'
import { addSums, RATING_SETTINGS_ID, sumsOf } from '../../src/shared/ratingRules'
import { caller } from '../support/caller'
import { callsOf } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { addLecture, checkinCloudForFile, HOST, LECTURER, MINUTE, memberIdOf } from './checkin.fixtures'

let cloud: TestCloud
const members = checkinCloudForFile('rt', 260, (c) => (cloud = c), 120_000)
const fresh = () => members.shift()!
const { call, ok } = caller(main)
const DAY = 24 * 60 * MINUTE

let lectures = 0
/** A lecture of HOST that ended `endedAgo` ms ago (negative: still to end). */
const ended = (endedAgo: number, over: Partial<LectureDoc> = {}) =>
  addLecture(cloud, `rt-l${++lectures}`, {
    startAt: new Date(Date.now() - endedAgo - 60 * MINUTE),
    endAt: new Date(Date.now() - endedAgo),
    lecturer: { name: '张主讲', memberId: memberIdOf(LECTURER) },
    ...over,
  })

/** A check-in record of the member, straight into the database. */
async function checkedIn(lectureId: string, openid: string, status: CheckinDoc['status'] = 'in') {
  const at = new Date(Date.now() - 2 * DAY)
  const doc: CheckinDoc = {
    _id: `${lectureId}:${memberIdOf(openid)}`,
    lectureId,
    memberId: memberIdOf(openid),
    memberName: memberIdOf(openid),
    branchId: HOST,
    status,
    round: 1,
    checkedInAt: at,
    method: 'qr',
    hours: status === 'in' ? 1 : 0,
    updatedAt: at,
  }
  await cloud.db.collection('checkins').add(doc)
}

const scores = { overall: 4, content: 5, delivery: 3, gain: 4, comment: '  讲得很实在  ' }
const ratingsOf = async (lectureId: string) =>
  cloud.emulator.store.scan('ratings', { lectureId } as never).map((r) => r.doc as unknown as RatingDoc)
const lectureOf = (id: string) =>
  cloud.emulator.store.scan('lectures', { _id: id } as never)[0].doc as unknown as LectureDoc
/** A lecture's stored sums, with the dist keys no rating moved as 0 (the increments create only those moved). */
const sumsAt = (id: string) => addSums([lectureOf(id).rating])
const recount = (rs: RatingDoc[]) => addSums(rs.map(sumsOf))
const everything = () => JSON.stringify(['ratings', 'lectures'].map((c) => cloud.emulator.store.scan(c, {} as never)))

describe('rating.rate', () => {
  it('stores the rating once, trimmed, with the lecturer and host copied, and moves the lecture sums', async () => {
    const l = await ended(MINUTE)
    const m = fresh()
    await checkedIn(l._id, m)
    const r = await ok<MyRating>('rate', { lectureId: l._id, ...scores }, m)
    expect(r).toMatchObject({ lectureId: l._id, overall: 4, content: 5, delivery: 3, gain: 4, comment: '讲得很实在' })
    const [doc] = await ratingsOf(l._id)
    expect(doc).toMatchObject({
      _id: `${l._id}:${memberIdOf(m)}`,
      lecturerMemberId: memberIdOf(LECTURER),
      hostOrgId: HOST,
    })
    expect(doc.memberName).toMatch(/^党员rt/) // kept for abuse handling, shown to district administrators only
    expect(sumsAt(l._id)).toEqual(sumsOf(scores))
    expect(lectureOf(l._id).ratedBy).toEqual([memberIdOf(m)])
  })

  it('takes a check-out (out) and a confirmed scan, and an empty comment', async () => {
    const l = await ended(DAY)
    const [a, b] = [fresh(), fresh()]
    await checkedIn(l._id, a, 'out')
    await checkedIn(l._id, b, 'in')
    await ok('rate', { lectureId: l._id, ...scores, comment: '' }, a)
    await ok('rate', { lectureId: l._id, overall: 1, content: 1, delivery: 1, gain: 1 }, b)
    expect(lectureOf(l._id).rating?.count).toBe(2)
    expect(sumsAt(l._id).dist).toEqual({ '1': 1, '2': 0, '3': 0, '4': 1, '5': 0 })
  })

  describe('refusals write nothing', () => {
    const cases: [string, () => Promise<{ lectureId: string; openid: string }>, string][] = [
      ['no check-in record', async () => ({ lectureId: (await ended(MINUTE))._id, openid: fresh() }), 'NOT_ATTENDED'],
      ...(['undone', 'pending', 'refused'] as const).map(
        (status) =>
          [
            `a check-in ${status}`,
            async () => {
              const l = await ended(MINUTE)
              const openid = fresh()
              await checkedIn(l._id, openid, status)
              return { lectureId: l._id, openid }
            },
            'NOT_ATTENDED',
          ] as [string, () => Promise<{ lectureId: string; openid: string }>, string],
      ),
      ['an unknown lecture', async () => ({ lectureId: 'nope', openid: fresh() }), 'NOT_ATTENDED'],
      [
        'before the end',
        async () => {
          const l = await ended(-10 * MINUTE)
          const openid = fresh()
          await checkedIn(l._id, openid)
          return { lectureId: l._id, openid }
        },
        'RATING_NOT_OPEN',
      ],
      [
        'after the 7 days',
        async () => {
          const l = await ended(7 * DAY + MINUTE)
          const openid = fresh()
          await checkedIn(l._id, openid)
          return { lectureId: l._id, openid }
        },
        'RATING_CLOSED',
      ],
      [
        'an unbound caller',
        async () => ({ lectureId: (await ended(MINUTE))._id, openid: 'wx-nobody' }),
        'NOT_A_MEMBER',
      ],
    ]
    it.each(cases)('%s', async (_what, make, code) => {
      const { lectureId, openid } = await make()
      const before = everything()
      const reply = await call('rate', { lectureId, ...scores }, openid)
      expect(reply).toMatchObject({ ok: false, code })
      expect(everything()).toBe(before)
    })

    it('anonymous', async () => {
      const before = everything()
      expect(await call('rate', { lectureId: 'x', ...scores })).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
      expect(everything()).toBe(before)
    })

    it.each([
      ['a score of 0', { overall: 0 }],
      ['a score of 6', { gain: 6 }],
      ['a half score', { content: 3.5 }],
      ['a missing score', { delivery: undefined }],
      ['a comment of 201 characters', { comment: '好'.repeat(201) }],
    ])('bad input: %s', async (_what, over) => {
      const l = await ended(MINUTE)
      const m = fresh()
      await checkedIn(l._id, m)
      const before = everything()
      expect(await call('rate', { lectureId: l._id, ...scores, ...over }, m)).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
      })
      expect(everything()).toBe(before)
    })

    it('a second, different rating: ALREADY_RATED, the first kept and counted once', async () => {
      const l = await ended(MINUTE)
      const m = fresh()
      await checkedIn(l._id, m)
      await ok('rate', { lectureId: l._id, ...scores }, m)
      const before = everything()
      expect(await call('rate', { lectureId: l._id, ...scores, overall: 1 }, m)).toMatchObject({
        ok: false,
        code: 'ALREADY_RATED',
      })
      expect(everything()).toBe(before)
    })
  })

  it('a comment of 200 characters (emoji counted as one) is taken', async () => {
    const l = await ended(MINUTE)
    const m = fresh()
    await checkedIn(l._id, m)
    const comment = '👍' + '好'.repeat(199)
    expect((await ok<MyRating>('rate', { lectureId: l._id, ...scores, comment }, m)).comment).toBe(comment)
  })

  it('follows the window setting (ratingRules.windowDays)', async () => {
    await cloud.db.collection('settings').doc(RATING_SETTINGS_ID).set({ windowDays: 10 })
    try {
      const l = await ended(8 * DAY)
      const m = fresh()
      await checkedIn(l._id, m)
      await ok('rate', { lectureId: l._id, ...scores }, m)
    } finally {
      await cloud.db.collection('settings').doc(RATING_SETTINGS_ID).remove()
    }
  })

  it('costs 3 database calls', async () => {
    const l = await ended(MINUTE)
    const m = fresh()
    await checkedIn(l._id, m)
    expect(await callsOf(cloud, () => ok('rate', { lectureId: l._id, ...scores }, m))).toBe(3)
  })

  it('200 members at once: 200 ratings, sums equal to a recount', async () => {
    const l = await ended(MINUTE)
    const crowd = members.splice(0, 200)
    await Promise.all(crowd.map((m) => checkedIn(l._id, m)))
    const given = crowd.map((_m, i) => ({
      overall: (i % 5) + 1,
      content: ((i * 3) % 5) + 1,
      delivery: 5,
      gain: (i % 2) + 3,
    }))
    const replies = await Promise.all(crowd.map((m, i) => call('rate', { lectureId: l._id, ...given[i] }, m)))
    expect(replies.filter((r) => !r.ok)).toEqual([])
    const rs = await ratingsOf(l._id)
    expect(rs).toHaveLength(200)
    expect(sumsAt(l._id)).toEqual(recount(rs))
    expect(new Set(lectureOf(l._id).ratedBy)).toEqual(new Set(crowd.map(memberIdOf)))
  }, 120_000)

  it('one member tapping 20 times: one rating, counted once, 20 times the same answer', async () => {
    const l = await ended(MINUTE)
    const m = fresh()
    await checkedIn(l._id, m)
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => call('rate', { lectureId: l._id, ...scores }, m)),
    )
    expect(replies.every((r) => r.ok)).toBe(true)
    expect(new Set(replies.map((r) => JSON.stringify(r)))).toHaveProperty('size', 1)
    expect(await ratingsOf(l._id)).toHaveLength(1)
    expect(sumsAt(l._id)).toEqual(sumsOf(scores))
  })

  it('a crash between storing and counting: the retry counts the stored rating, once', async () => {
    const l = await ended(MINUTE)
    const m = fresh()
    await checkedIn(l._id, m)
    const stored: RatingDoc = {
      _id: `${l._id}:${memberIdOf(m)}`,
      lectureId: l._id,
      memberId: memberIdOf(m),
      memberName: 'x',
      hostOrgId: HOST,
      hostPath: l.hostPath,
      ...scores,
      comment: '讲得很实在',
      createdAt: new Date(),
    }
    await cloud.db.collection('ratings').add(stored) // step 2 done, step 3 lost
    const again = await ok<MyRating>('rate', { lectureId: l._id, ...scores }, m)
    expect(again.comment).toBe('讲得很实在')
    expect(sumsAt(l._id)).toEqual(sumsOf(scores))
    await ok('rate', { lectureId: l._id, ...scores }, m)
    expect(sumsAt(l._id)).toEqual(sumsOf(scores))
  })
})

describe('rating.myRating and rating.pending', () => {
  it('pending lists attended lectures in the window, not rated, not undone; rating takes them off', async () => {
    const [open, old, undone, coming] = [
      await ended(MINUTE),
      await ended(8 * DAY),
      await ended(DAY),
      await ended(-MINUTE),
    ]
    const m = fresh()
    await checkedIn(open._id, m)
    await checkedIn(old._id, m)
    await checkedIn(undone._id, m, 'undone')
    await checkedIn(coming._id, m)
    const before = await ok<{ items: PendingRating[] }>('pending', {}, m)
    expect(before.items.map((i) => i.lecture.id)).toEqual([open._id])
    expect(Date.parse(before.items[0].closesAt)).toBe(open.endAt.getTime() + 7 * DAY)
    expect((await ok<{ state: string }>('myRating', { lectureId: open._id }, m)).state).toBe('open')
    await ok('rate', { lectureId: open._id, ...scores }, m)
    expect((await ok<{ items: PendingRating[] }>('pending', {}, m)).items).toEqual([])
    const page = await ok<{ state: string; mine: MyRating }>('myRating', { lectureId: open._id }, m)
    expect(page).toMatchObject({ state: 'rated', mine: { overall: 4, comment: '讲得很实在' } })
    expect((await ok<{ state: string }>('myRating', { lectureId: coming._id }, m)).state).toBe('notOpen')
    expect((await ok<{ state: string }>('myRating', { lectureId: old._id }, m)).state).toBe('closed')
    expect(await call('myRating', { lectureId: undone._id }, m)).toMatchObject({ ok: false, code: 'NOT_ATTENDED' })
  })

  it('pending costs 2 database calls once the settings are cached', async () => {
    const m = fresh()
    await ok('pending', {}, m)
    expect(await callsOf(cloud, () => ok('pending', {}, m))).toBe(2)
  })
})

describe('lecture.detail', () => {
  const detail = (id: string, openid: string) => caller(lectureMain).ok<LectureDetail>('detail', { id }, openid)

  it('tells an attendee after the end whether they rated and until when, with no extra database call', async () => {
    const l = await ended(MINUTE)
    const m = fresh()
    await checkedIn(l._id, m)
    await detail(l._id, m) // the settings cache warm, as on any instance within the minute
    let d: LectureDetail | undefined
    const without = await callsOf(cloud, () => detail(l._id, fresh())) // a member who did not attend
    expect(await callsOf(cloud, async () => (d = await detail(l._id, m)))).toBe(without)
    expect(d!.myRating).toEqual({
      rated: false,
      open: true,
      closesAt: new Date(l.endAt.getTime() + 7 * DAY).toISOString(),
    })
    await ok('rate', { lectureId: l._id, ...scores }, m)
    expect((await detail(l._id, m)).myRating).toMatchObject({ rated: true, open: true })
  })

  it('says nothing of rating to a member who did not attend, or before the end', async () => {
    const [past, coming] = [await ended(MINUTE), await ended(-30 * MINUTE)]
    const m = fresh()
    await checkedIn(coming._id, m)
    expect((await detail(past._id, m)).myRating).toBeUndefined()
    expect((await detail(coming._id, m)).myRating).toBeUndefined()
  })
})
