/**
 * Issue 15's walk from nothing, in chromium against a local system started EMPTY (no demo seed): the first
 * city administrator claims the setup code on 首次启用, imports the demo city's tree from Excel on 组织架构,
 * invites a district administrator, who binds with the code on a second phone and sees their district.
 * Then (TODO, the integrator): that administrator's branch secretary, the roster import, a lecture posted.
 * The tests run in order and build on each other. Screenshots: __tests__/.artifacts/going-live-*.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { Page } from 'playwright-core'
import { demoCityTreeXlsx } from '../../scripts/demo-city-tree'
import { type LocalSystem, startLocalSystem } from '../../scripts/local/system'
import { eventually, exactly, openPhone, type Phone, shot, shown, UI_TIMEOUT } from '../support/browser'

const now = new Date()
const CITY = '济南市'
const admin = { name: '周启明', phone: '13905310001' }
const district = { node: '历下区', name: '孙晓梅', phone: '13905310002' }

let system: LocalSystem
let dataDir: string
const phones: Phone[] = []
const pageErrors: string[] = []
let treeFile: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dangke-going-live-'))
  treeFile = join(dataDir, '济南市组织架构.xlsx')
  writeFileSync(treeFile, await demoCityTreeXlsx())
  system = await startLocalSystem({ port: 0, dataDir: join(dataDir, 'data'), now, empty: { cityName: CITY } })
  for (let i = 0; i < 2; i++) {
    const phone = await openPhone()
    phone.page.on('pageerror', (err) => pageErrors.push(String(err)))
    phones.push(phone)
  }
}, 240_000)

afterAll(async () => {
  for (const phone of phones) await phone.close()
  await system?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}, 30_000)

const base = () => system.emulator.url

/** The setup code the empty start printed (XXXX-XXXX-XXXX), if any. */
const setupCode = () => (system.setup ?? []).join('\n').match(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0]

/** Signs in on the local sign-in page as a WeChat user the system has never seen (nobody bound yet). */
async function signInAsNew(page: Page): Promise<void> {
  await page.goto(`${base()}/app/login`)
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.locator('button[name="new"]').tap()])
}

/** A labelled text field (TextField) of the page on screen. */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })

/** From 我的, a manage page by its entry's title. */
async function openFromMine(page: Page, title: string, path: RegExp): Promise<void> {
  await page.goto(`${base()}/#/pages/mine/index`)
  await Promise.all([page.waitForURL(path), shown(page, '.mine__entry-text', exactly(title)).tap()])
}

describe('going live: a city from an empty environment', () => {
  it('issues a setup code on an empty start', () => {
    expect(setupCode()).toBeDefined()
  })

  it('makes the first person to claim the code the city administrator', async () => {
    const { page } = phones[0]
    const code = setupCode()!
    await signInAsNew(page)
    await page.goto(`${base()}/#/member/setup/index`)
    await field(page, '启用码').fill(code)
    await field(page, '姓名').fill(admin.name)
    await field(page, '手机号').fill(admin.phone)
    await shot(page, 'going-live-1-setup')
    // claimed: the page relaunches 我的, where the administrator's entries now stand
    await Promise.all([page.waitForURL(/#\/pages\/mine\/index/), shown(page, '.setup__button').tap()])
    await shown(page, '.mine__entry-text', exactly('组织架构')).waitFor({ timeout: UI_TIMEOUT })
    await openFromMine(page, '组织架构', /#\/manage\/org\/index/)
    await shown(page, '.manage-org__title', exactly(CITY)).waitFor({ timeout: UI_TIMEOUT })
    await shot(page, 'going-live-2-empty-tree')
  })

  it("imports the demo city's tree from Excel: all rows, a report, the districts listed", async () => {
    const { page } = phones[0]
    await page.locator('.import-panel input[type="file"]').setInputFiles(treeFile)
    await shown(page, '.import-panel .action-button', '开始导入').tap()
    await shown(page, '.notice__text', /^导入完成：新增 \d+ 个组织/).waitFor({ timeout: 120_000 })
    await eventually(
      () => page.locator('.manage-org__child-name').allInnerTexts(),
      (names) => expect(names).toContain(district.node),
    )
    await shot(page, 'going-live-3-imported')
  })

  it('invites a district administrator, who binds with the code and sees their district', async () => {
    const { page } = phones[0]
    await openFromMine(page, '管理员与评审专家', /#\/manage\/appoint\/index/)
    await shown(page, '.choice-chips__chip', exactly('邀请外部人员')).tap()
    await field(page, '姓名').fill(district.name)
    await field(page, '手机号').fill(district.phone)
    await shown(page, '.choice-chips__chip', exactly('管理员')).tap()
    await page.getByLabel('换一个组织：输入名称搜索').fill(district.node)
    await shown(page, '.search-box__button').tap()
    await shown(page, '.node-search__name', exactly(district.node)).tap()
    await shown(page, '.action-button', '生成邀请码').tap()
    const inviteCode = await shown(page, '.manage-appoint__big-code').innerText()
    await shot(page, 'going-live-4-invited')

    const other = phones[1].page
    await signInAsNew(other)
    await other.goto(`${base()}/#/pages/bind/index`)
    await shown(other, '.bind__method-text', exactly('用邀请码')).tap()
    await field(other, '邀请码').fill(inviteCode)
    await shown(other, '.bind__button', exactly('绑定')).tap()
    // the appointment takes effect at once: their 组织架构 starts at the district
    await openFromMine(other, '组织架构', /#\/manage\/org\/index/)
    await shown(other, '.manage-org__title', exactly(district.node)).waitFor({ timeout: UI_TIMEOUT })
    await shot(other, 'going-live-5-district-admin')
  })

  // TODO (integrator): the district administrator appoints a branch's secretary (org.setBranchRole on the
  // roster after the branch's roster import), the secretary imports the roster and posts a lecture.

  it('raised no page error on either phone', () => {
    expect(pageErrors).toEqual([])
  })
})
