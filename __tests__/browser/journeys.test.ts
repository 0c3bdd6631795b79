/**
 * The two journeys of issue 3 in chromium against one local system, as two people on two phones
 * (separate profiles, so separate sign-in cookies):
 * - a plain member signs in, finds a lecture of their branch under its theme tab, signs up and sees it
 *   under 已报名 on 我的;
 * - that branch's secretary signs in, posts a new lecture through the form (dates from the picker)
 *   and then sees the member on the roster of the lecture they signed up for.
 * The tests run in order and build on each other. Who and which lecture come from buildSeed with the
 * same `now` the system seeds with. Screenshots: __tests__/.artifacts/journey-*.png.
 */
import type { Page } from 'playwright-core'
import { buildSeed, type Seed } from '../../scripts/seed/data'
import { chinaDate, chinaIso } from '../../src/shared/chinaTime'
import type { LectureDoc, MemberDoc, SignupDoc } from '../../src/shared/model'
import { themeName, THEMES } from '../../src/shared/themes'
import { eventually, exactly, shot, shown, signInAs, UI_TIMEOUT, localSystemForFile } from '../support/browser'
import { fillLectureForm, formField } from '../support/lectureForm'

const now = new Date()
const seed = buildSeed(now)

interface Cast {
  member: MemberDoc
  secretary: MemberDoc
  lecture: LectureDoc
  openid: (m: MemberDoc) => string
}

/**
 * A bound plain member whose branch hosts a lecture they can simply sign up for (published, no approval,
 * seats left, the deadline well ahead), and a bound secretary of that branch, who manages its roster.
 * The lecture's title must be unique among those the member sees, so that its card is found by title.
 */
function chooseCast(s: Seed): Cast {
  const openids = new Map(s.bindings.map((b) => [b.memberId, b._id]))
  const byId = new Map(s.orgs.map((o) => [o._id, o]))
  const margin = new Date(now.getTime() + 2 * 60 * 60_000) // the whole run stays well before the deadline
  const signable = (l: LectureDoc) =>
    l.status === 'published' &&
    !l.approvalRequired &&
    l.capacity - l.signedUp > 0 &&
    l.signupDeadline > margin &&
    l.startAt > now
  for (const member of s.members) {
    if (!openids.has(member._id) || !member.roles.every((r) => r === 'member')) continue
    const secretary = s.members.find(
      (m) => m.branchId === member.branchId && m.roles.includes('secretary') && openids.has(m._id),
    )
    if (!secretary) continue
    const path = new Set([...byId.get(member.branchId)!.path, member.branchId])
    const visible = s.lectures.filter(
      (l) => l.status === 'published' && l.endAt > now && (l.openToAll || path.has(l.hostOrgId)),
    )
    const lecture = visible
      .filter((l) => l.hostOrgId === member.branchId && signable(l))
      .filter((l) => visible.filter((v) => v.title === l.title).length === 1)
      .sort((a, b) => a.startAt.getTime() - b.startAt.getTime())[0]
    if (lecture) return { member, secretary, lecture, openid: (m) => openids.get(m._id)! }
  }
  throw new Error('the seed has no bound plain member whose branch hosts a lecture open for sign-up')
}

const { member, secretary, lecture, openid } = chooseCast(seed)
const lectureTheme = themeName(lecture.theme)

// The secretary's new lecture: tomorrow (China time) 14:30–16:00, sign-up until 12:00 the same day.
const tomorrow = chinaDate(new Date(now.getTime() + 24 * 60 * 60_000))
const posted = {
  title: `Browser测试党课 ${Date.now()}`,
  theme: THEMES.find((t) => t.code === 'village')!,
  lecturer: secretary.name,
  address: '历下区党群服务中心三楼报告厅',
  capacity: 30,
}

const file = localSystemForFile('journeys', now, 2, 240_000)
const memberPhone = () => file.phones[0]
const secretaryPhone = () => file.phones[1]
const base = file.base

async function signIn(page: Page, who: MemberDoc): Promise<void> {
  await signInAs(page, base(), openid(who))
}

async function openMineTab(page: Page): Promise<void> {
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).tap()
  await page.waitForURL(/#\/pages\/mine\/index/)
  await shown(page, '.mine__name').waitFor({ timeout: UI_TIMEOUT })
}

// ---------------------------------------------------------------------------------------------------------

describe('a member signs up for a lecture of their branch', () => {
  it('signs in on /app/login as a plain member', async () => {
    const { page } = memberPhone()
    await signIn(page, member)
    const me = await page.evaluate(() => fetch('/app/me', { credentials: 'include' }).then((r) => r.json()))
    expect(me).toEqual({ openid: openid(member) })
    await shot(page, 'journey-member-1-list')
  }, 60_000)

  it('finds the lecture by its title under its theme tab and opens it', async () => {
    const { page } = memberPhone()
    await shown(page, '.theme-tabs__tab', exactly(lectureTheme)).tap()
    // the list of one theme: the tab is active and the cards have no theme tag
    await eventually(
      async () => [
        await shown(page, '.theme-tabs__tab--active').innerText(),
        (await shown(page, '.lecture-card').count()) > 0,
        await shown(page, '.lecture-card__theme').count(),
      ],
      (v) => expect(v).toEqual([lectureTheme, true, 0]),
    )

    const card = shown(page, '.lecture-card')
      .filter({ has: page.locator('.lecture-card__title', { hasText: exactly(lecture.title) }) })
      .filter({ hasText: lecture.hostOrgName })
    // further down the list a member scrolls and taps 加载更多
    for (let pages = 1; (await card.count()) === 0; pages++) {
      const more = shown(page, '.index__button--more')
      if (pages > 20 || (await more.count()) === 0) throw new Error(`no card "${lecture.title}" under ${lectureTheme}`)
      const before = await shown(page, '.lecture-card').count()
      await more.scrollIntoViewIfNeeded()
      await more.tap()
      await eventually(
        () => shown(page, '.lecture-card').count(),
        (v) => expect(v).toBeGreaterThan(before),
      )
    }
    await card.scrollIntoViewIfNeeded()
    expect(await card.innerText()).toContain(`余 ${lecture.capacity - lecture.signedUp} 席`)
    await shot(page, 'journey-member-2-theme')

    await card.tap()
    await page.waitForURL((u) => u.hash === `#/pages/lecture/index?id=${encodeURIComponent(lecture._id)}`)
    await eventually(
      () => shown(page, '.lecture__title').innerText(),
      (v) => expect(v).toBe(lecture.title),
    )
    expect(await shown(page, '.signup-button').innerText()).toBe('报名')
    await shot(page, 'journey-member-3-lecture')
  }, 60_000)

  it('taps 报名 and sees 已报名 on the page', async () => {
    const { page } = memberPhone()
    await shown(page, '.signup-button').tap()
    await eventually(
      () => shown(page, '.lecture__mine').innerText(),
      (v) => expect(v).toContain('已报名'),
    )
    await eventually(
      () => shown(page, '.signup-button').innerText(),
      (v) => expect(v).toBe('取消报名'),
    )
    expect(await shown(page, '.lecture__seats').innerText()).toContain(
      `余 ${lecture.capacity - lecture.signedUp - 1} 席`,
    )
    await shot(page, 'journey-member-4-signed-up')
  }, 60_000)

  it('goes back to the list and sees the lecture under 已报名 on 我的', async () => {
    const { page } = memberPhone()
    // the lecture page has no tab bar: back first, as with the phone's back button
    await page.goBack()
    await page.waitForURL((u) => u.hash === '' || u.hash.startsWith('#/pages/index/index'))
    await openMineTab(page)
    expect(await shown(page, '.mine__name').innerText()).toBe(member.name)
    const group = shown(page, '.mine__group').filter({
      has: page.locator('.mine__group-title', { hasText: /^已报名（\d+）$/ }),
    })
    const row = group.locator('.mine__row').filter({
      has: page.locator('.mine__row-title', { hasText: exactly(lecture.title) }),
    })
    await row.waitFor({ timeout: UI_TIMEOUT })
    expect(await row.locator('.status-tag').innerText()).toBe('已报名')
    await row.scrollIntoViewIfNeeded()
    await shot(page, 'journey-member-5-mine')
    expect(file.pageErrors).toEqual([])
  }, 60_000)
})

describe("the branch's secretary posts a lecture and sees the member on a roster", () => {
  it('signs in and goes 我的 → 党课管理 → 发布新党课', async () => {
    const { page } = secretaryPhone()
    await signIn(page, secretary)
    await openMineTab(page)
    await shot(page, 'journey-secretary-1-mine')
    await shown(page, '.mine__entry', '党课管理').tap()
    await page.waitForURL(/#\/manage\/lectures\/index/)
    const post = shown(page, '.action-button', '发布新党课')
    await post.waitFor({ timeout: UI_TIMEOUT })
    await shot(page, 'journey-secretary-2-manage')
    await post.tap()
    await page.waitForURL(/#\/manage\/edit\/index/)
    await eventually(
      () => shown(page, '.manage-edit__heading-title').innerText(),
      (v) => expect(v).toBe('发布新党课'),
    )
    await shot(page, 'journey-secretary-3-form')
  }, 60_000)

  it('fills in the form, picks the times and taps 保存并发布', async () => {
    const { page, context } = secretaryPhone()
    await fillLectureForm(page, context, {
      ...posted,
      startAt: [tomorrow, '14:30'],
      endAt: [tomorrow, '16:00'],
      signupDeadline: [tomorrow, '12:00'],
      shots: { picker: 'journey-secretary-4-time-picker', startPicked: 'journey-secretary-5-start-picked' },
    })
    // the chosen theme reads as filled
    expect(await formField(page, '主题').locator('.choice-chips__chip--active').innerText()).toBe(posted.theme.name)

    const publish = shown(page, '.action-button', '保存并发布')
    await publish.scrollIntoViewIfNeeded()
    await shot(page, 'journey-secretary-6-filled')
    await publish.tap()
    const notice = shown(page, '.manage-edit__footer .notice')
    await eventually(
      () => notice.innerText(),
      (v) => expect(v).toContain('已发布'),
    )
    expect(await shown(page, '.form-field__error').count()).toBe(0)
    await notice.scrollIntoViewIfNeeded()
    await shot(page, 'journey-secretary-7-published')
  }, 120_000)

  it('stores the lecture as published, hosted by the branch, with the picked times', () => {
    const rows = file.system!.emulator.store.scan('lectures', { title: posted.title })
    expect(rows).toHaveLength(1)
    const doc = rows[0].doc as unknown as LectureDoc
    expect(doc).toMatchObject({
      status: 'published',
      hostOrgId: secretary.branchId,
      theme: posted.theme.code,
      capacity: posted.capacity,
      lecturer: { name: posted.lecturer },
      venue: { address: posted.address },
      createdBy: secretary._id,
    })
    const at = (time: string) => new Date(chinaIso(tomorrow, time)).toISOString()
    expect([doc.startAt, doc.endAt, doc.signupDeadline].map((d) => new Date(d).toISOString())).toEqual([
      at('14:30'),
      at('16:00'),
      at('12:00'),
    ])
  })

  it('sees the new lecture under 即将开始 in 党课管理', async () => {
    const { page } = secretaryPhone()
    await shown(page, '.action-button', '返回我的党课').tap()
    await page.waitForURL(/#\/manage\/lectures\/index/)
    await eventually(
      () => shown(page, '.manage-lectures__tabs .choice-chips__chip--active').innerText(),
      (v) => expect(v).toBe('即将开始'),
    )
    const item = shown(page, '.managed-lecture').filter({
      has: page.locator('.managed-lecture__title', { hasText: exactly(posted.title) }),
    })
    await item.waitFor({ timeout: UI_TIMEOUT })
    expect(await item.locator('.managed-lecture__status').innerText()).toBe('已发布')
    await item.scrollIntoViewIfNeeded()
    await shot(page, 'journey-secretary-8-upcoming')
  }, 60_000)

  it("opens 名单 of the member's lecture and sees the member there as 已报名", async () => {
    const { page } = secretaryPhone()
    const item = shown(page, '.managed-lecture').filter({
      has: page.locator('.managed-lecture__title', { hasText: exactly(lecture.title) }),
    })
    await item.scrollIntoViewIfNeeded()
    await item.locator('.action-button', { hasText: exactly('名单') }).tap()
    await page.waitForURL((u) => u.hash === `#/manage/roster/index?id=${encodeURIComponent(lecture._id)}`)
    const row = shown(page, '.manage-roster__row').filter({
      has: page.locator('.manage-roster__name', { hasText: exactly(member.name) }),
    })
    await row.waitFor({ timeout: UI_TIMEOUT })
    expect(await row.locator('.manage-roster__status').innerText()).toBe('已报名')
    expect(await shown(page, '.manage-roster__title').innerText()).toBe(lecture.title)
    await shot(page, 'journey-secretary-9-roster')

    // the same sign-up as stored
    const signups = file.system!.emulator.store.scan('signups', { lectureId: lecture._id, memberId: member._id })
    expect(signups.map((r) => (r.doc as unknown as SignupDoc).status)).toEqual(['confirmed'])
    expect(file.pageErrors).toEqual([])
  }, 60_000)
})
