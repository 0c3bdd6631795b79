/**
 * The built h5 app in chromium against the whole local system: a lecturer whose lecture the demo's attendees
 * rated opens 我的 → 我讲的党课, then the lecture's ratings: the average, the distribution and a comment, and no
 * rater's name anywhere (the names are stored; only district and city administrators above the host see them).
 */
import { buildSeed } from '../../scripts/seed/data'
import { averagesOf } from '../../src/shared/ratingRules'
import { eventually, shot, shown, signInAs, UI_TIMEOUT, localSystemForFile } from '../support/browser'

const now = new Date()
const seed = buildSeed(now)
// A lecture given by a bound member, rated by at least 3 of its attendees, with a comment.
const lecture = seed.lectures.find(
  (l) =>
    l.lecturer.memberId &&
    (l.rating?.count ?? 0) >= 3 &&
    seed.bindings.some((b) => b.memberId === l.lecturer.memberId) &&
    seed.ratings.some((r) => r.lectureId === l._id && r.comment),
)!
const ratings = seed.ratings.filter((r) => r.lectureId === lecture._id)
const comment = ratings.find((r) => r.comment)!
const openid = seed.bindings.find((b) => b.memberId === lecture.lecturer.memberId)!._id

const file = localSystemForFile('rating-view', now, 1, 240_000)

it('the lecturer sees the average and the comment without the name', async () => {
  const { page } = file.phones[0]
  await signInAs(page, file.base(), openid)
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).tap()
  await shown(page, '.mine__entry', '我讲的党课').tap()
  await page.waitForURL(/#\/member\/given\/index/)
  await shown(page, '.ratings__lecture', lecture.title).waitFor({ timeout: UI_TIMEOUT })
  await shot(page, 'rating-view-given')
  await shown(page, '.ratings__lecture', lecture.title).tap()
  await page.waitForURL(/#\/member\/ratings\/index/)
  const average = averagesOf(lecture.rating)!.average.overall.toFixed(1)
  await eventually(
    // 我讲的党课 stays below in the page stack, hidden: read the page on top only.
    () => shown(page, '.ratings__overall').allInnerTexts(),
    (t) => expect(t).toEqual([`${average} 分`]),
  )
  const text = await shown(page, '.ratings').innerText()
  expect(text).toContain(comment.comment)
  expect(text).toContain(`${ratings.length}人评价`)
  for (const r of ratings) expect(text).not.toContain(r.memberName)
  await shot(page, 'rating-view-lecture')
  await shown(page, '.ratings__comment-text', comment.comment).first().scrollIntoViewIfNeeded()
  await shot(page, 'rating-view-comments')
  expect(file.pageErrors).toEqual([])
}, 120_000)
