/**
 * 师资库 › 发出的邀请 (issue 8), in chromium against the local system: the secretary whose branch invited a
 * pool lecturer opens 我的 › 师资库 and reads the sent invitation, pending the lecturer's own answer (a member
 * answers on their 我的, so no 记录 buttons; 撤回 is offered). Screenshot: __tests__/.artifacts/pool2-sent.png.
 */
import { buildSeed } from '../../scripts/seed/data'
import { eventually, shot, shown, signInAs, UI_TIMEOUT, localSystemForFile } from '../support/browser'

const now = new Date()
const seed = buildSeed(now)
const [invitation] = seed.invitations
const file = localSystemForFile('pool-sent', now, 1, 240_000)

describe('a secretary reads the invitations their branch sent', () => {
  it('opens 师资库 › 发出的邀请 and sees the pending invitation', async () => {
    const { page } = file.phones[0]
    await signInAs(page, file.base(), `demo-${invitation.by}`)
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).tap()
    await shown(page, '.mine__entry', '师资库').tap()
    await page.waitForURL(/#\/manage\/pool\/index/)
    const sent = shown(page, '.choice-chips__chip', '发出的邀请')
    await sent.waitFor({ timeout: UI_TIMEOUT })
    await sent.tap()
    await eventually(
      () => page.locator('.sent-invitations__title').allInnerTexts(),
      (titles) => expect(titles).toEqual([invitation.lectureTitle]),
    )
    const row = shown(page, '.sent-invitations__item')
    expect(await row.innerText()).toContain(`主讲人：${invitation.lecturerName}`)
    expect(await row.innerText()).toContain('等待主讲人本人在“我的”里答复')
    expect(await row.locator('.action-button', { hasText: '记录接受' }).count()).toBe(0)
    expect(await row.locator('.action-button', { hasText: '撤回邀请' }).count()).toBe(1)
    await shot(page, 'pool2-sent')
    expect(file.pageErrors).toEqual([])
  }, 180_000)
})
