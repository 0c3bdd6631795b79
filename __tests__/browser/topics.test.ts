/**
 * Key topics (点题, issue 8) in chromium against one local system, as two people on two phones: a branch
 * secretary posts a lecture tied to the city's topic 大党学习的力量 on the form's topic picker, and a member of
 * that branch finds it from the lecture list's 重点选题 link on the topic's page, and the lecture page links
 * back to the topic. Screenshots: __tests__/.artifacts/topics-*.png.
 */
import { buildSeed } from '../../scripts/seed/data'
import { chinaDate } from '../../src/shared/chinaTime'
import type { LectureDoc, MemberDoc } from '../../src/shared/model'
import { THEMES } from '../../src/shared/themes'
import { eventually, exactly, shot, shown, signInAs, UI_TIMEOUT, localSystemForFile } from '../support/browser'
import { fillLectureForm } from '../support/lectureForm'

const now = new Date()
const seed = buildSeed(now)
const BRANCH = 'br-lixia-ssdl-lt'
const openidOf = (m: MemberDoc) => seed.bindings.find((b) => b.memberId === m._id)!._id
const bound = (m: MemberDoc) => seed.bindings.some((b) => b.memberId === m._id)
const secretary = seed.members.find((m) => bound(m) && m.branchId === BRANCH && m.roles.includes('secretary'))!
const member = seed.members.find((m) => bound(m) && m.branchId === BRANCH && m.roles.every((r) => r === 'member'))!
const topic = seed.topics.find((t) => t.title === '大党学习的力量')!
const tomorrow = chinaDate(new Date(now.getTime() + 24 * 60 * 60_000))
const posted = {
  title: `点题测试党课 ${Date.now()}`,
  theme: THEMES.find((t) => t.code === 'standard')!,
  lecturer: secretary.name,
  address: '山师东路社区老年活动室',
  capacity: 30,
}

const file = localSystemForFile('topics', now, 2, 240_000)

describe('a secretary ties a lecture to a key topic, and a member finds it on the topic page', () => {
  it('the secretary picks 大党学习的力量 on the form and publishes', async () => {
    const { page, context } = file.phones[0]
    await signInAs(page, file.base(), openidOf(secretary))
    await page.goto(`${file.base()}/#/manage/edit/index`)
    await shown(page, '.manage-edit__heading-title', exactly('发布新党课')).waitFor({ timeout: UI_TIMEOUT })
    await fillLectureForm(page, context, {
      ...posted,
      startAt: [tomorrow, '14:30'],
      endAt: [tomorrow, '16:00'],
      signupDeadline: [tomorrow, '12:00'],
    })
    const option = shown(page, '.topic-picker__option', topic.title)
    await option.scrollIntoViewIfNeeded()
    await option.tap()
    await eventually(
      () => shown(page, '.topic-picker__option--active').innerText(),
      (v) => expect(v).toContain(topic.title),
    )
    await shot(page, 'topics-1-form-picked')
    await shown(page, '.action-button', '保存并发布').tap()
    await eventually(
      () => shown(page, '.manage-edit__footer .notice').innerText(),
      (v) => expect(v).toContain('已发布'),
    )
    const rows = file.system!.emulator.store.scan('lectures', { title: posted.title })
    expect(rows.map((r) => r.doc as unknown as LectureDoc)).toEqual([
      expect.objectContaining({ status: 'published', topicId: topic._id, topicTitle: topic.title }),
    ])
  }, 180_000)

  it('the member opens 重点选题 from the lecture list, then the topic, and sees the lecture upcoming', async () => {
    const { page } = file.phones[1]
    await signInAs(page, file.base(), openidOf(member))
    await shown(page, '.index__topics').tap()
    await page.waitForURL(/#\/member\/topics\/index/)
    const item = shown(page, '.topics__item').filter({
      has: page.locator('.topics__title', { hasText: exactly(topic.title) }),
    })
    await item.waitFor({ timeout: UI_TIMEOUT })
    await shot(page, 'topics-2-list')
    await item.tap()
    await page.waitForURL((u) => u.hash === `#/member/topic/index?id=${encodeURIComponent(topic._id)}`)
    const card = shown(page, '.lecture-card').filter({
      has: page.locator('.lecture-card__title', { hasText: exactly(posted.title) }),
    })
    await card.waitFor({ timeout: UI_TIMEOUT })
    // upcoming comes first: the posted lecture sits above the 已经讲过 heading
    const sections = await shown(page, '.topic__section').allInnerTexts()
    expect(sections[0]).toMatch(/^即将开讲（\d+）$/)
    await shot(page, 'topics-3-topic')
    await card.tap()
    await page.waitForURL(/#\/pages\/lecture\/index/)
    await eventually(
      () => shown(page, '.lecture__topic').innerText(),
      (v) => expect(v).toContain(`重点选题：${topic.title}`),
    )
    await shot(page, 'topics-4-lecture')
    await shown(page, '.lecture__topic').tap()
    await page.waitForURL(/#\/member\/topic\/index/)
    await shown(page, '.topic__title', exactly(topic.title)).waitFor({ timeout: UI_TIMEOUT })
    expect(file.pageErrors).toEqual([])
  }, 120_000)
})
