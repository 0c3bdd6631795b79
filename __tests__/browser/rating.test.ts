/**
 * Giving a rating (issue 8) in chromium: a member who checked in at a lecture that ended within the window
 * opens 我的 → 待评价, taps 去评价, chooses the four scores and writes a comment, sees 将提交以下评价 with exactly
 * that, taps 提交 and sees the rating as stored; 待评价 no longer lists the lecture.
 * Screenshots: __tests__/.artifacts/rating-*.png.
 */
import { buildSeed } from '../../scripts/seed/data'
import { attended, DEFAULT_RATING_SETTINGS, isRatingOpen } from '../../src/shared/ratingRules'
import { eventually, shot, shown, signInAs, UI_TIMEOUT, localSystemForFile } from '../support/browser'

const now = new Date()
const seed = buildSeed(now)
const lectureOf = new Map(seed.lectures.map((l) => [l._id, l]))
const openidOf = new Map(seed.bindings.map((b) => [b.memberId, b._id]))
/** A bound member with a lecture waiting for their rating (the seed leaves some). */
const record = seed.checkins.find((c) => {
  const l = lectureOf.get(c.lectureId)!
  return (
    attended(c) &&
    openidOf.has(c.memberId) &&
    isRatingOpen(l, DEFAULT_RATING_SETTINGS, now) &&
    !l.ratedBy?.includes(c.memberId)
  )
})
const waiting = (memberId: string) =>
  seed.checkins.filter((c) => {
    const l = lectureOf.get(c.lectureId)!
    return (
      c.memberId === memberId &&
      attended(c) &&
      isRatingOpen(l, DEFAULT_RATING_SETTINGS, now) &&
      !l.ratedBy?.includes(memberId)
    )
  }).length

const file = localSystemForFile('rating', now, 1, 240_000)
const phone = () => file.phones[0]

it('the seed has a member with a lecture to rate', () => {
  expect(record).toBeDefined()
})

it('a member rates a lecture from 待评价: preview, submit, shown as stored', async () => {
  const page = phone().page
  const lecture = lectureOf.get(record!.lectureId)!
  const n = waiting(record!.memberId)
  await signInAs(page, file.base(), openidOf.get(record!.memberId)!)
  await page.goto(`${file.base()}/#/pages/mine/index`)
  await shown(page, 'text=' + `待评价 (${n})`)
    .first()
    .tap({ timeout: UI_TIMEOUT })
  await shown(page, `text=${lecture.title}`).first().waitFor({ timeout: UI_TIMEOUT })
  await shot(page, 'rating-pending')
  // The list is in order of the end; tap the button of the seed's lecture.
  const item = shown(page, '.torate__item').filter({ hasText: lecture.title }).first()
  await item.locator('.torate__button').tap({ timeout: UI_TIMEOUT })

  await shown(page, '[aria-label="总体评价 4分 较好"]').first().tap({ timeout: UI_TIMEOUT })
  for (const label of ['内容 5分 很好', '讲授 4分 较好', '收获 5分 很好']) {
    await shown(page, `[aria-label="${label}"]`).first().tap({ timeout: UI_TIMEOUT })
  }
  await shown(page, 'textarea').first().fill('联系村里实际，讲得明白。')
  await shot(page, 'rating-form')
  await shown(page, 'text=下一步：确认评价').first().tap({ timeout: UI_TIMEOUT })
  await shown(page, 'text=将提交以下评价').first().waitFor({ timeout: UI_TIMEOUT })
  const values = () => shown(page, '.rate__shown-value').allInnerTexts()
  expect(await values()).toEqual(['4分 较好', '5分 很好', '4分 较好', '5分 很好'])
  await shot(page, 'rating-preview')

  await shown(page, '.rate__button')
    .filter({ hasText: /^提交$/ })
    .first()
    .tap({ timeout: UI_TIMEOUT })
  await shown(page, 'text=评价已提交，谢谢您！').first().waitFor({ timeout: UI_TIMEOUT })
  expect(await values()).toEqual(['4分 较好', '5分 很好', '4分 较好', '5分 很好'])
  expect(await shown(page, '.rate__shown-comment').first().innerText()).toBe('联系村里实际，讲得明白。')
  await shot(page, 'rating-stored')

  // Stored: opened again, the page shows it, unchangeable; 待评价 no longer lists the lecture.
  await page.goto(`${file.base()}/#/member/rate/index?id=${lecture._id}`)
  await shown(page, 'text=您已评价').first().waitFor({ timeout: UI_TIMEOUT })
  await page.goto(`${file.base()}/#/member/torate/index`)
  await eventually(
    () => shown(page, '.torate__title').allInnerTexts(),
    (titles) => expect(titles).not.toContain(lecture.title),
  )
  expect(file.pageErrors).toEqual([])
}, 120_000)
