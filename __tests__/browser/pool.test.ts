/**
 * 师资库 on the lecture form (issue 8), in chromium against the local system: a branch secretary opens
 * 发布新党课, taps 从师资库选择, searches the pool by name and picks a lecturer of another node; the form is
 * filled (name, title, 讲师身份) and says an invitation is needed. Screenshots: __tests__/.artifacts/pool-*.png.
 */
import { buildSeed } from '../../scripts/seed/data'
import { eventually, exactly, shot, shown, signInAs, UI_TIMEOUT, localSystemForFile } from '../support/browser'
import { formField } from '../support/lectureForm'

const now = new Date()
const seed = buildSeed(now)
// 吴思英, secretary of 千佛山街道机关党支部 (a pool member herself); she picks an expert kept by the district.
const secretary = seed.members.find((m) => m._id === 'm-0014')!
const expert = seed.lecturers.find((p) => p._id === 'lp-demo-13')!
const file = localSystemForFile('pool', now, 1, 240_000)

describe('a secretary picks a pool lecturer on the lecture form', () => {
  it('opens 发布新党课 and 从师资库选择', async () => {
    const { page } = file.phones[0]
    await signInAs(page, file.base(), `demo-${secretary._id}`)
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).tap()
    await shown(page, '.mine__entry', '党课管理').tap()
    const post = shown(page, '.action-button', '发布新党课')
    await post.waitFor({ timeout: UI_TIMEOUT })
    await post.tap()
    await page.waitForURL(/#\/manage\/edit\/index/)
    const pick = shown(page, '.action-button', '从师资库选择')
    await pick.waitFor({ timeout: UI_TIMEOUT })
    await pick.scrollIntoViewIfNeeded()
    await pick.tap()
    await shown(page, '.pool-picker .lecturer-row').first().waitFor({ timeout: UI_TIMEOUT })
  }, 120_000)

  it('searches by name and sees the lecturer with their lectures given', async () => {
    const { page } = file.phones[0]
    await page.locator('.pool-picker .search-field input').fill(expert.name)
    await shown(page, '.pool-picker .action-button', '搜索').tap()
    await eventually(
      () => page.locator('.pool-picker .lecturer-row__name').allInnerTexts(),
      (names) => expect(names).toEqual([expert.name]),
    )
    expect(await shown(page, '.pool-picker .lecturer-row').innerText()).toMatch(/讲过 \d+ 场/)
    await shot(page, 'pool-1-picker')
  }, 60_000)

  it('picks them: the form holds the name, the title and the role, and asks for an invitation', async () => {
    const { page } = file.phones[0]
    await shown(page, '.pool-picker .action-button', `选择${expert.name}`).tap()
    await page.locator('.pool-picker').waitFor({ state: 'detached', timeout: UI_TIMEOUT })
    expect(await formField(page, '主讲人姓名').locator('input').inputValue()).toBe(expert.name)
    expect(await formField(page, '职务或称号').locator('input').inputValue()).toBe(expert.title)
    const role = formField(page, '讲师身份').locator('.choice-chips__chip--active')
    expect(await role.innerText()).toMatch(exactly('专家'))
    const invite = shown(page, '.manage-edit__invite')
    expect(await invite.innerText()).toContain('需要发出讲课邀请')
    await invite.scrollIntoViewIfNeeded()
    await shot(page, 'pool-2-filled')
    expect(file.pageErrors).toEqual([])
  }, 60_000)
})
