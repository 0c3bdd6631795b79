/**
 * The check-in journey of issue 4 in chromium against one local system, as two people on two phones:
 * the secretary of the demo's lecture of today opens its check-in screen (the rotating QR code and the six
 * digits under it); a member of that branch, signed up, opens the lecture, taps 签到 and types the digits
 * shown on the secretary's screen (a browser has no scanner), and sees the hours on 我的学时 go up by the
 * lecture's credit; the secretary's screen counts the member as checked in. Then a second member's phone
 * sends a scan kept offline for five minutes (issue 16): the member sees 待确认 and why, the secretary's
 * screen lists it apart and confirms it.
 * Screenshots: __tests__/.artifacts/checkin-*.png.
 */
import type { Page } from 'playwright-core'
import { lectureCode } from '../../cloudfunctions/_shared/checkinCodes'
import { buildSeed } from '../../scripts/seed/data'
import { TODAY_BRANCH_ID, TODAY_LECTURE_ID } from '../../scripts/seed/today'
import { eventually, exactly, shot, shown, signInAs, UI_TIMEOUT, localSystemForFile } from '../support/browser'

const now = new Date()
const seed = buildSeed(now)
const lecture = seed.lectures.find((l) => l._id === TODAY_LECTURE_ID)!
const openidOf = new Map(seed.bindings.map((b) => [b.memberId, b._id]))
const secretary = seed.members.find(
  (m) => m.branchId === TODAY_BRANCH_ID && m.roles.includes('secretary') && openidOf.has(m._id),
)!
const confirmed = new Set(
  seed.signups.filter((s) => s.lectureId === TODAY_LECTURE_ID && s.status === 'confirmed').map((s) => s.memberId),
)
const members = seed.members.filter(
  (m) =>
    m.branchId === TODAY_BRANCH_ID &&
    m.roles.every((r) => r === 'member') &&
    confirmed.has(m._id) &&
    openidOf.has(m._id),
)
const [member, offlineMember] = members

const file = localSystemForFile('checkin', now, 2, 240_000)
const secretaryPhone = () => file.phones[0]
const memberPhone = () => file.phones[1]
const base = file.base

/** The six digits on the secretary's screen now (shown as "123 456"). */
async function digitsOnScreen(page: Page): Promise<string> {
  const text = await shown(page, '.checkin-code__digits').first().innerText({ timeout: UI_TIMEOUT })
  return text.replace(/\D/g, '')
}

/** The member's total this year on 我的学时 (the number in the ring). */
async function hoursOnPage(page: Page): Promise<number> {
  await page.goto(`${base()}/#/member/hours/index`)
  return Number(await shown(page, '.hours__ring-number').first().innerText({ timeout: UI_TIMEOUT }))
}

it('the seed gives the journey its cast', () => {
  expect(lecture).toBeDefined()
  expect(secretary).toBeDefined()
  expect(member).toBeDefined()
  expect(offlineMember).toBeDefined()
})

it('the secretary opens the check-in screen of the lecture: a QR code and six digits', async () => {
  const page = secretaryPhone().page
  await signInAs(page, base(), openidOf.get(secretary._id)!)
  await page.goto(`${base()}/#/manage/checkin/index?id=${TODAY_LECTURE_ID}`)
  await shown(page, '.checkin-code__qr').first().waitFor({ timeout: UI_TIMEOUT })
  expect(await digitsOnScreen(page)).toMatch(/^\d{6}$/)
  await shot(page, 'checkin-secretary-screen')
}, 60_000)

it('a member types the code shown there, is checked in, and 我的学时 goes up by the credit', async () => {
  const page = memberPhone().page
  await signInAs(page, base(), openidOf.get(member._id)!)
  const before = await hoursOnPage(page)

  await page.goto(`${base()}/#/pages/lecture/index?id=${TODAY_LECTURE_ID}`)
  await shown(page, '.lecture__checkin').first().tap({ timeout: UI_TIMEOUT })
  const input = shown(page, '.checkin__code input').first()
  await input.waitFor({ timeout: UI_TIMEOUT })
  await shot(page, 'checkin-member-before')
  // The code changes every 15 s and the previous one is still accepted: read it just before typing.
  await input.fill(await digitsOnScreen(secretaryPhone().page))
  await shown(page, '.checkin__button', '提交签到码').first().tap()
  const done = shown(page, '.checkin__answer--done').first()
  await done.waitFor({ timeout: UI_TIMEOUT })
  expect(await done.innerText()).toContain('签到成功')
  await shot(page, 'checkin-member-done')

  expect(await hoursOnPage(page)).toBe(before + lecture.credit.hours)
  await shown(page, '.hours__entry-title', lecture.title).first().waitFor({ timeout: UI_TIMEOUT })
  await shot(page, 'checkin-member-hours')
}, 90_000)

it("the secretary's screen counts the member as checked in", async () => {
  const page = secretaryPhone().page
  const checkedIn = () =>
    shown(page, '.manage-checkin__count')
      .filter({ hasText: '已签到' })
      .locator('.manage-checkin__count-number')
      .first()
      .innerText()
  await eventually(checkedIn, (n) => expect(Number(n)).toBeGreaterThanOrEqual(1), 20_000)
  await shown(page, '.manage-checkin', member.name).first().waitFor({ timeout: UI_TIMEOUT })
  await shot(page, 'checkin-secretary-after')
}, 60_000)

it('a scan kept offline for five minutes is held: the member sees 待确认, the secretary confirms it', async () => {
  const page = memberPhone().page
  await signInAs(page, base(), openidOf.get(offlineMember._id)!)
  // What the outbox keeps after a scan without network (src/api/outbox.ts; Taro h5 storage is {data}).
  const ago = 5 * 60_000
  const scannedAt = new Date(Date.now() - ago).toISOString()
  const item = {
    key: `${TODAY_LECTURE_ID}|${scannedAt}`,
    lectureId: TODAY_LECTURE_ID,
    qr: lectureCode(TODAY_LECTURE_ID, 'in', Date.now() - ago).qr,
    scannedAt,
  }
  await page.evaluate((value) => localStorage.setItem('dangke.checkinOutbox', value), JSON.stringify({ data: [item] }))
  // Opening the app sends what waits (a reload: going to another hash does not launch the app again).
  await page.goto(`${base()}/#/member/checkin/index?id=${TODAY_LECTURE_ID}`)
  await page.reload()
  const outcome = shown(page, '.checkin__outcome--pending').first()
  await outcome.waitFor({ timeout: UI_TIMEOUT })
  expect(await outcome.innerText()).toContain('离线补传的签到需支部书记确认后才计学时')
  await shown(page, '.status-tag', '待确认').first().waitFor({ timeout: UI_TIMEOUT })
  await shot(page, 'checkin-member-pending')

  const screen = secretaryPhone().page
  const list = shown(screen, '.pending-scans', offlineMember.name).first()
  await list.waitFor({ timeout: 20_000 })
  await list.scrollIntoViewIfNeeded()
  await shot(screen, 'checkin-secretary-pending')
  await shown(screen, '.pending-scans .action-button', exactly('确认')).first().tap()
  await shown(screen, '.notice', `已确认${offlineMember.name}的签到`).first().waitFor({ timeout: UI_TIMEOUT })
  await shot(screen, 'checkin-secretary-confirmed')
  expect(file.pageErrors).toEqual([])
}, 90_000)
