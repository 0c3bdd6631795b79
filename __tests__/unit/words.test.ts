import { readFileSync } from 'fs'
import { join } from 'path'
import * as words from '../../src/shared/words'

/** "code:word code:word ...": one line per list, so that a changed word shows in the diff. */
const read = (list: Record<string, string>) =>
  Object.entries(list)
    .map(([code, word]) => `${code}:${word}`)
    .join(' ')

describe('the one word list', () => {
  it('names every state as the pages, exports and messages read it', () => {
    expect(read(words.LECTURE_STATUS)).toBe('draft:草稿 published:已发布 cancelled:已取消 finished:已结束')
    expect(read(words.SIGNUP_STATUS)).toBe(
      'confirmed:已报名 pending:待审核 waitlisted:候补 declined:未通过 cancelled:已取消',
    )
    expect(words.SIGNUP_STATUS_ORDER.map((s) => words.SIGNUP_STATUS[s]).join()).toBe('已报名,待审核,候补,未通过,已取消')
    expect(read(words.CHECKIN_STATE)).toBe(
      'in:已签到 out:已签退 pending:待确认 refused:不予确认 undone:已撤销 none:未签到',
    )
    expect(read(words.CHECKIN_METHOD)).toBe('qr:扫码 typed:输码 manual:代签 memberCode:党员码')
    expect(read(words.PROPOSAL_STATUS)).toBe('pending:待处理 accepted:已采纳 declined:未采纳')
    expect(read(words.HOUR_BUCKET)).toBe('training:集中培训 collective:集体学习 lecturing:讲授 online:线上学习')
    expect(read(words.HOUR_SOURCE)).toBe('attendance:参加党课 lecturing:讲授党课 adjustment:补录调整 reversal:撤销签到')
    expect(read(words.IMPORT_RESULT)).toBe('created:新增 updated:更新 unchanged:未变 error:错误')
    expect(Object.keys(words.LEVEL_WORDS).join()).toBe('L0,L1,L2,L3')
  })

  it('writes a place on the waitlist from the state’s word', () => {
    expect(words.waitlistPlace(1)).toBe('候补第1位')
    expect(words.waitlistPlace(12)).toBe('候补第12位')
  })

  it('names roles in lists shortly, and a member’s own administrator role in full', () => {
    expect(read(words.ROLE)).toBe('member:党员 secretary:支部书记 committee:支部委员 admin:管理员 judge:评审专家')
    expect(words.OWN_ROLE).toEqual({ ...words.ROLE, admin: '组织管理员' })
  })

  it('imports types only, so that a page taking a word takes no schema with it', () => {
    const source = readFileSync(join(__dirname, '../../src/shared/words.ts'), 'utf8')
    const imports = source.match(/^import .*$/gm) ?? []
    expect(imports.length).toBeGreaterThan(0)
    for (const line of imports) expect(line).toMatch(/^import type \{/)
  })
})
