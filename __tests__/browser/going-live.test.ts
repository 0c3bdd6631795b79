/**
 * Issue 15's walk from nothing, in chromium against a local system started EMPTY (no demo seed): the first
 * city administrator claims the setup code on 首次启用, imports the demo city's tree from Excel on 组织架构,
 * invites a district administrator, who binds with the code on a second phone and sees their district; that
 * administrator finds one of the district's 300-odd branches by name and imports its first roster line (the
 * secretary); the secretary binds with the roster's invite code on the first phone, imports the branch's whole
 * roster and posts a lecture. The tests run in order and build on each other. Screenshots: __tests__/.artifacts/going-live-*.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { Page } from 'playwright-core'
import { demoCityTreeRows, demoCityTreeXlsx } from '../../scripts/demo-city-tree'
import { type LocalSystem, startLocalSystem } from '../../scripts/local/system'
import { chinaDate } from '../../src/shared/chinaTime'
import type { LectureDoc, MemberDoc } from '../../src/shared/model'
import { THEMES } from '../../src/shared/themes'
import { ORG_KIND } from '../../src/shared/words'
import { eventually, exactly, openPhone, type Phone, shot, shown, UI_TIMEOUT } from '../support/browser'
import { fillLectureForm } from '../support/lectureForm'

const now = new Date()
const CITY = '济南市'
const admin = { name: '周启明', phone: '13905310001' }
const district = { node: '历下区', name: '孙晓梅', phone: '13905310002' }
/** A branch of 解放路街道 (code 370102010000) in the demo city's file, one of 历下区's 300-odd. */
const branch = demoCityTreeRows().find((r) => r[1] === ORG_KIND.branch && r[2] === '370102010000')![0]
const secretary = { name: '王建国', phone: '13905310003' }
/** The branch's roster as its secretary keeps it: the secretary, a committee member and eight members. */
const roster: [string, string, string][] = [
  [secretary.name, secretary.phone, '书记'],
  ['李秀英', '13905310011', '组织委员'],
  ...['张桂兰', '刘玉珍', '陈志强', '杨德山', '赵淑华', '黄立新', '周美玲', '吴振国'].map(
    (name, i): [string, string, string] => [name, `139053101${String(20 + i)}`, '党员'],
  ),
]
const tomorrow = chinaDate(new Date(now.getTime() + 24 * 60 * 60_000))
const posted = {
  title: `启用后的第一场党课 ${Date.now()}`,
  theme: THEMES[0],
  lecturer: secretary.name,
  address: '解放路街道党群服务中心二楼',
  capacity: 40,
}

let system: LocalSystem
let dataDir: string
const phones: Phone[] = []
const pageErrors: string[] = []
let treeFile: string
let dir: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dangke-going-live-'))
  dir = dataDir
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

/** A roster file as a secretary saves it from Excel (CSV, UTF-8): the headings and the rows. */
function rosterFile(name: string, rows: [string, string, string][]): string {
  const path = join(dir, name)
  writeFileSync(path, ['姓名,手机号,职务', ...rows.map((r) => r.join(','))].join('\r\n'))
  return path
}

/** Picks a file on the page's import panel, taps 开始导入 and waits for the report's first line. */
async function importFile(page: Page, path: string, done: RegExp, timeout = UI_TIMEOUT): Promise<void> {
  await page.locator('.import-panel input[type="file"]').setInputFiles(path)
  await shown(page, '.import-panel .action-button', '开始导入').tap()
  await shown(page, '.notice__text', done).waitFor({ timeout })
}

/** The text box labelled `label` on screen (Taro h5's input element holds a plain <input>). */
const field = (page: Page, label: string) => shown(page, `taro-input-core[aria-label="${label}"] input`)

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
    await Promise.all([page.waitForURL(/#\/pages\/mine\/index/), shown(page, '.setup__button', exactly('启用')).tap()])
    await shown(page, '.mine__entry-text', exactly('组织架构')).waitFor({ timeout: UI_TIMEOUT })
    await openFromMine(page, '组织架构', /#\/manage\/org\/index/)
    await shown(page, '.manage-org__title', exactly(CITY)).waitFor({ timeout: UI_TIMEOUT })
    await shot(page, 'going-live-2-empty-tree')
  }, 60_000)

  it("imports the demo city's tree from Excel: all rows, a report, the districts listed", async () => {
    const { page } = phones[0]
    await importFile(page, treeFile, /^导入完成：新增 5815 个组织/, 120_000)
    await eventually(
      () => page.locator('.manage-org__child-name').allInnerTexts(),
      (names) => expect(names).toContain(district.node),
    )
    await shot(page, 'going-live-3-imported')
  }, 180_000)

  it('invites a district administrator, who binds with the code and sees their district', async () => {
    const { page } = phones[0]
    await openFromMine(page, '管理员与评审专家', /#\/manage\/appoint\/index/)
    await shown(page, '.choice-chips__chip', exactly('邀请外部人员')).tap()
    await field(page, '姓名').fill(district.name)
    await field(page, '手机号').fill(district.phone)
    await shown(page, '.choice-chips__chip', /^管理员/).tap() // the chip explains the role below its name
    await field(page, '换一个组织：输入名称搜索').fill(district.node)
    await shown(page, '.search-field .action-button', '搜索').tap()
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
  }, 90_000)

  it("has the district administrator find a branch by name and import its secretary's line", async () => {
    const { page } = phones[1]
    await openFromMine(page, '党员名册', /#\/manage\/members\/index/)
    await field(page, '输入支部名称搜索').fill(branch)
    await shown(page, '.search-field .action-button', '搜索').tap()
    await shown(page, '.node-search__name', exactly(branch)).tap()
    await shown(page, '.org-picker__single', exactly(branch)).waitFor({ timeout: UI_TIMEOUT })
    await importFile(page, rosterFile('secretary.csv', roster.slice(0, 1)), /^导入完成：新增 1 /)
    await shot(page, 'going-live-6-secretary-line')
  }, 60_000)

  it('has the secretary bind with the invite code of the roster', async () => {
    const row = shown(phones[1].page, '.manage-members__member').filter({
      has: phones[1].page.locator('.manage-members__name', { hasText: exactly(secretary.name) }),
    })
    const inviteCode = await row.locator('.invite-code__code').innerText()
    const { page } = phones[0]
    await signInAsNew(page)
    await page.goto(`${base()}/#/pages/bind/index`)
    await shown(page, '.bind__method-text', exactly('用邀请码')).tap()
    await field(page, '邀请码').fill(inviteCode)
    await shown(page, '.bind__button', exactly('绑定')).tap()
    await shown(page, '.mine__entry-text', exactly('党员名册')).waitFor({ timeout: UI_TIMEOUT })
  }, 60_000)

  it("has the secretary import the branch's whole roster: nine new, the secretary unchanged", async () => {
    const { page } = phones[0]
    await openFromMine(page, '党员名册', /#\/manage\/members\/index/)
    await shown(page, '.org-picker__single', exactly(branch)).waitFor({ timeout: UI_TIMEOUT })
    await importFile(page, rosterFile('roster.csv', roster), /^导入完成：新增 9 .*未变 1 /)
    await eventually(
      () => page.locator('.manage-members__summary').first().innerText(),
      (v) => expect(v).toBe(`${branch} 共 10 人，已绑定 1 人，未绑定 9 人`),
    )
    await shot(page, 'going-live-7-roster')
    const stored = system.emulator.store.scan('members', {}).map((r) => r.doc as unknown as MemberDoc)
    expect(stored.filter((m) => m.name === '李秀英').map((m) => m.roles)).toEqual([['member', 'committee']])
  }, 60_000)

  it("has the secretary post the branch's first lecture", async () => {
    const { page, context } = phones[0]
    await openFromMine(page, '党课管理', /#\/manage\/lectures\/index/)
    await shown(page, '.action-button', '发布新党课').tap()
    await page.waitForURL(/#\/manage\/edit\/index/)
    await fillLectureForm(page, context, {
      ...posted,
      startAt: [tomorrow, '14:30'],
      endAt: [tomorrow, '16:00'],
      signupDeadline: [tomorrow, '12:00'],
    })
    await shown(page, '.action-button', '保存并发布').tap()
    await eventually(
      () => shown(page, '.manage-edit__footer .notice').innerText(),
      (v) => expect(v).toContain('已发布'),
    )
    await shot(page, 'going-live-8-posted')
    const lectures = system.emulator.store.scan('lectures', { title: posted.title })
    const doc = lectures[0]?.doc as unknown as LectureDoc
    expect(doc).toMatchObject({ status: 'published', hostOrgName: branch })
    expect(doc.hostPath).toHaveLength(3) // its ancestors: 济南市, 历下区, 解放路街道
  }, 120_000)

  it('raised no page error on either phone', () => {
    expect(pageErrors).toEqual([])
  })
})
