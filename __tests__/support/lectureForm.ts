/**
 * The lecture form as a secretary fills it in chromium (the journeys and the going-live walk): text fields
 * by their labels, the theme chip, and the date and time pickers turned by touch like a person does.
 */
import type { BrowserContext, CDPSession, Locator, Page } from 'playwright-core'
import { formatPickedDate } from '../../src/shared/chinaTime'
import { eventually, exactly, shot, shown, UI_TIMEOUT } from './browser'

/** A field of the lecture form by its label. */
export const formField = (page: Page, label: string) =>
  shown(page, '.form-field').filter({ has: page.locator('.form-field__label-text', { hasText: exactly(label) }) })

// ---------------------------------------------------------------------------------------------------------
// Taro h5's Picker: tapping the field opens a wheel per column (year / month / day, or hour / minute) at
// the bottom of the screen, appended to <body>. A person turns each wheel with a swipe and taps 确定;
// so does this test, with real touch events through the DevTools protocol (Playwright has no swipe).
// Taps on a wheel row are not used: chromium follows the tap with emulated mouse events that the wheel
// also listens to, so one tap sometimes moves it twice. Each swipe is checked and repeated until the
// wanted row sits in the middle.
// ---------------------------------------------------------------------------------------------------------

const ROW = 34 // the wheel's row height in px (weui)
const openPicker = (page: Page) => page.locator('.weui-picker__overlay:not([style*="display: none"])')

/** The row a wheel will stop at (its inline transform is the target, not the animated position). */
async function wheelState(wheel: Locator, want: string): Promise<{ selected: string; rows: number | null }> {
  return wheel.evaluate(
    (group, [wanted, row]) => {
      const items = [...group.querySelectorAll('.weui-picker__item')].map((e) => e.textContent ?? '')
      const content = group.querySelector<HTMLElement>('.weui-picker__content')!
      const offset = Number(/translate3d\(0px, (-?[\d.]+)px/.exec(content.style.transform)?.[1] ?? 0)
      const top = group.querySelector<HTMLElement>('.weui-picker__indicator')!.offsetTop
      const at = Math.round((top - offset) / row)
      // the time wheels repeat a few rows at both ends: aim at the nearest row with the wanted value
      let target = -1
      items.forEach((text, i) => {
        if (text === wanted && (target < 0 || Math.abs(i - at) < Math.abs(target - at))) target = i
      })
      return { selected: items[at] ?? '', rows: target < 0 ? null : target - at }
    },
    [want, ROW] as const,
  )
}

/** One finger swipe up (dy < 0) or down from (x, y), half a row at a time, so that the wheel follows. */
async function swipe(page: Page, cdp: CDPSession, x: number, y: number, dy: number): Promise<void> {
  const steps = Math.max(4, Math.ceil(Math.abs(dy) / (ROW / 2)))
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * i) / steps }] })
    await page.waitForTimeout(16) // a frame: the wheel redraws before the next move
  }
  await page.waitForTimeout(32)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await page.waitForTimeout(400) // the wheel settles (0.3 s)
}

async function turnWheel(page: Page, cdp: CDPSession, wheel: Locator, want: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const { selected, rows } = await wheelState(wheel, want)
    if (selected === want) return
    if (rows === null) throw new Error(`the wheel has no row "${want}"`)
    // up to six rows per swipe, from the wheel's far edge, so that the finger stays on the wheel
    const box = (await wheel.boundingBox())!
    const by = Math.max(-6, Math.min(6, rows))
    const from = by > 0 ? box.y + box.height - 10 : box.y + 10
    await swipe(page, cdp, box.x + box.width / 2, from, -by * ROW)
  }
  throw new Error(`could not turn the wheel to "${want}"`)
}

/** Opens the picker `id`, turns its wheels to `values` (one per column) and taps 确定. */
async function pick(page: Page, cdp: CDPSession, id: string, values: string[], shotName?: string): Promise<void> {
  await shown(page, `#${id}`).tap()
  const picker = openPicker(page)
  await picker.locator('.weui-picker').waitFor({ timeout: UI_TIMEOUT })
  await page.waitForTimeout(400) // slides up
  const wheels = picker.locator('.weui-picker__group')
  expect(await wheels.count()).toBe(values.length)
  for (const [i, value] of values.entries()) await turnWheel(page, cdp, wheels.nth(i), value)
  if (shotName) await shot(page, shotName)
  await picker.locator('.weui-picker__action', { hasText: '确定' }).tap()
  await eventually(
    () => openPicker(page).count(),
    (v) => expect(v).toBe(0),
  )
}

/** The date and time of one DateTimeField ("2026-11-27", "14:30"), as a person picks them. */
async function pickDateTime(
  page: Page,
  cdp: CDPSession,
  id: string,
  date: string,
  time: string,
  shotName?: string,
): Promise<void> {
  const [year, month, day] = date.split('-')
  await pick(page, cdp, `${id}-date`, [`${year}年`, `${month}月`, `${day}日`])
  await pick(page, cdp, `${id}-time`, time.split(':'), shotName)
  const boxes = shown(page, `#${id}-date, #${id}-time`)
  await eventually(
    () => boxes.allInnerTexts(),
    (v) => expect(v).toEqual([formatPickedDate(date), time]),
  )
}

export interface LectureFormValues {
  title: string
  theme: { name: string }
  lecturer: string
  address: string
  capacity: number
  /** [date "2026-11-27", time "14:30"] in China time. */
  startAt: [string, string]
  endAt: [string, string]
  signupDeadline: [string, string]
  /** Screenshots to take on the way: the open time picker, the start picked. */
  shots?: { picker?: string; startPicked?: string }
}

/** Fills every field the journeys need (the rest keep their defaults); does not tap 保存. */
export async function fillLectureForm(page: Page, context: BrowserContext, v: LectureFormValues): Promise<void> {
  const cdp = await context.newCDPSession(page)
  try {
    await formField(page, '标题').locator('input').fill(v.title)
    await formField(page, '主题')
      .locator('.choice-chips__chip', { hasText: exactly(v.theme.name) })
      .tap()
    await formField(page, '主讲人姓名').locator('input').fill(v.lecturer)
    await formField(page, '地点').locator('input').fill(v.address)
    await pickDateTime(page, cdp, 'startAt', ...v.startAt, v.shots?.picker)
    if (v.shots?.startPicked) await shot(page, v.shots.startPicked)
    await pickDateTime(page, cdp, 'endAt', ...v.endAt)
    await pickDateTime(page, cdp, 'signupDeadline', ...v.signupDeadline)
    await formField(page, '人数上限').locator('input').fill(String(v.capacity))
  } finally {
    await cdp.detach()
  }
}
