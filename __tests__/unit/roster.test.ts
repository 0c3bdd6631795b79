import {
  type Cell,
  type ExistingMember,
  INVITE_CODE_ALPHABET,
  MAX_ROSTER_ROWS,
  newInviteCode,
  parseCsv,
  planImport,
  REJOIN_REFUSED,
  readRosterSheet,
  rosterRoles,
} from '../../src/shared/roster'

const read = (rows: Cell[][]) => {
  const r = readRosterSheet(rows)
  if (!r.ok) throw new Error(r.problem)
  return r.lines
}

describe('readRosterSheet: headings', () => {
  it('finds the columns by name, in any order, and ignores other columns', () => {
    const lines = read([
      ['序号', '职务', '手机号', '姓名', '备注'],
      [1, '书记', '13800000001', '王建华', '老党员'],
    ])
    expect(lines).toEqual([{ row: 2, name: '王建华', phone: '13800000001', role: 'secretary', errors: [] }])
  })

  it.each(['手机', '联系电话', '手机号码', ' 手机号（必填）', '手机号*'])('accepts %s as the phone heading', (h) => {
    expect(
      read([
        ['姓名', h],
        ['李明', '13800000002'],
      ])[0].phone,
    ).toBe('13800000002')
  })

  it('makes 职务 optional: without it everyone is a member', () => {
    expect(
      read([
        ['姓名', '手机号'],
        ['李明', '13800000002'],
      ])[0].role,
    ).toBe('member')
  })

  it('skips a title row above the headings and keeps the row numbers Excel shows', () => {
    const lines = read([['山师东路社区第一党支部党员名册'], [], ['姓名', '手机号'], ['李明', '13800000002']])
    expect(lines.map((l) => l.row)).toEqual([4])
  })

  it('skips empty rows', () => {
    const lines = read([['姓名', '手机号'], ['李明', '13800000002'], ['', null], [], ['张伟', '13800000003']])
    expect(lines.map((l) => l.row)).toEqual([2, 5])
  })

  it.each([
    [
      [
        ['名字', '电话'],
        ['李明', '13800000002'],
      ],
      /没有找到“姓名”列/,
    ],
    [
      [
        ['姓名', '电话'],
        ['李明', '13800000002'],
      ],
      /没有找到“手机号”列/,
    ],
    [
      [
        ['姓名', '手机号', '姓名'],
        ['李明', '13800000002', '李明'],
      ],
      /“姓名”列出现了不止一次/,
    ],
    [[['姓名', '手机号']], /没有党员信息/],
    [[], /没有找到“姓名”列/],
  ])('refuses a sheet it cannot read, saying why (%#)', (rows, problem) => {
    const r = readRosterSheet(rows as Cell[][])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problem).toMatch(problem)
  })

  it(`refuses more than ${MAX_ROSTER_ROWS} rows`, () => {
    const rows: Cell[][] = [['姓名', '手机号']]
    for (let i = 0; i <= MAX_ROSTER_ROWS; i++) rows.push(['李明', `138${String(i).padStart(8, '0')}`])
    const r = readRosterSheet(rows)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problem).toMatch(/一次最多导入1000人/)
  })
})

describe('readRosterSheet: rows', () => {
  const one = (name: Cell, phone: Cell, duty: Cell = '') =>
    read([
      ['姓名', '手机号', '职务'],
      [name, phone, duty],
    ])[0]

  it.each([
    ['书记', 'secretary'],
    ['支部书记', 'secretary'],
    ['委员', 'committee'],
    ['支部委员', 'committee'],
    ['组织委员', 'committee'],
    ['宣传委员', 'committee'],
    ['纪检委员', 'committee'],
    ['党员', 'member'],
    ['', 'member'],
    [null, 'member'],
    [' 书 记 ', 'secretary'],
  ])('职务 %p is %s', (duty, role) => {
    expect(one('李明', '13800000002', duty)).toMatchObject({ role, errors: [] })
  })

  it('refuses an unknown 职务', () => {
    expect(one('李明', '13800000002', '主任').errors).toEqual([
      '职务“主任”无法识别，请填写：书记、委员或党员（也可不填）',
    ])
  })

  it('tidies a name: padding spaces between Chinese characters go, Latin spacing stays', () => {
    expect(one(' 王  芳 ', '13800000002').name).toBe('王芳')
    expect(one('王\u3000芳', '13800000002').name).toBe('王芳')
    expect(one('Anna  Li', '13800000002').name).toBe('Anna Li')
  })

  it('refuses a missing or too long name', () => {
    expect(one('', '13800000002').errors).toEqual(['缺少姓名'])
    expect(one('王'.repeat(21), '13800000002').errors).toEqual(['姓名超过20个字'])
    expect(one('王'.repeat(20), '13800000002').errors).toEqual([])
  })

  it('reads a phone typed as a number, with spaces, dashes, +86 or full-width digits', () => {
    for (const p of [13800000002, '138 0000 0002', '138-0000-0002', '+86 13800000002', '１３８００００００02']) {
      expect(one('李明', p)).toMatchObject({ phone: '13800000002', errors: [] })
    }
  })

  it.each([['12800000002'], ['1380000000'], ['138000000023'], ['1.38E+10'], ['abc']])('refuses the phone %s', (p) => {
    expect(one('李明', p).errors).toEqual([`手机号“${p}”不是有效的11位手机号`])
  })

  it('lists every problem of a row', () => {
    expect(one('', '', '主任').errors).toEqual(['缺少姓名', '缺少手机号', expect.stringMatching(/职务“主任”/)])
  })
})

describe('planImport', () => {
  const branch = 'br-a'
  const lines = (...rows: Cell[][]) => read([['姓名', '手机号', '职务'], ...rows])
  const stored = (over: Partial<ExistingMember>): ExistingMember => ({
    _id: 'm-1',
    name: '王建华',
    phone: '13800000001',
    branchId: branch,
    roles: ['member'],
    ...over,
  })

  it('creates new members, updates changed ones and leaves the same ones alone', () => {
    const plan = planImport(
      lines(['王建华', '13800000001', '书记'], ['李明', '13800000002', ''], ['张伟', '13800000003', '委员']),
      [stored({ _id: 'm-1', roles: ['member'] }), stored({ _id: 'm-2', name: '李明', phone: '13800000002' })],
      branch,
    )
    expect(plan.ok).toBe(true)
    expect(plan.report).toEqual({
      applied: false,
      created: 1,
      updated: 1,
      rows: [
        { row: 2, name: '王建华', result: 'updated', errors: [] },
        { row: 3, name: '李明', result: 'unchanged', errors: [] },
        { row: 4, name: '张伟', result: 'created', errors: [] },
      ],
    })
    expect(plan.updates).toEqual([{ memberId: 'm-1', name: '王建华', roles: ['member', 'secretary'] }])
    expect(plan.creates).toEqual([{ row: 4, name: '张伟', phone: '13800000003', roles: ['member', 'committee'] }])
  })

  it('updates a changed name; keeps roles the roster does not give (admin, judge)', () => {
    const plan = planImport(
      lines(['王建国', '13800000001', '党员']),
      [stored({ roles: ['member', 'secretary', 'admin', 'judge'] })],
      branch,
    )
    expect(plan.updates).toEqual([{ memberId: 'm-1', name: '王建国', roles: ['member', 'admin', 'judge'] }])
  })

  it('refuses the row of a member who left the rolls (same phone, this branch or another): no silent return', () => {
    for (const branchId of [branch, 'br-other']) {
      const plan = planImport(
        lines(['王建华', '13800000001', '党员'], ['李明', '13800000002', '']),
        [stored({ status: 'inactive', branchId })],
        branch,
      )
      expect(plan.ok).toBe(false)
      expect(plan.report.rows[0]).toEqual({ row: 2, name: '王建华', result: 'error', errors: [REJOIN_REFUSED] })
      expect(plan.creates).toEqual([])
    }
  })

  it('finds roles equal in any order', () => {
    const plan = planImport(
      lines(['王建华', '13800000001', '书记']),
      [stored({ roles: ['secretary', 'member'] })],
      branch,
    )
    expect(plan.report.rows[0].result).toBe('unchanged')
  })

  it('refuses a phone twice in the file, on both rows', () => {
    const plan = planImport(
      lines(['王建华', '13800000001'], ['李明', '13800000002'], ['张伟', '138 0000 0001']),
      [],
      branch,
    )
    expect(plan.ok).toBe(false)
    expect(plan.report.rows.map((r) => r.errors)).toEqual([['手机号与第4行重复'], [], ['手机号与第2行重复']])
  })

  it('refuses more than one 书记, on each of their rows', () => {
    const plan = planImport(lines(['王建华', '13800000001', '书记'], ['李明', '13800000002', '支部书记']), [], branch)
    expect(plan.report.rows.map((r) => r.errors)).toEqual([
      ['一个支部只能有一位书记，表中第2、3行都填了书记'],
      ['一个支部只能有一位书记，表中第2、3行都填了书记'],
    ])
  })

  it("refuses a phone of another branch's member", () => {
    const plan = planImport(lines(['王建华', '13800000001']), [stored({ branchId: 'br-b' })], branch)
    expect(plan.report.rows[0]).toMatchObject({ result: 'error', errors: [expect.stringMatching(/其他支部/)] })
  })

  it('matches a phone stored in this branch even if another branch has it too', () => {
    const plan = planImport(
      lines(['王建华', '13800000001']),
      [stored({ _id: 'here' }), stored({ _id: 'there', branchId: 'br-b' })],
      branch,
    )
    expect(plan.report.rows[0].result).toBe('unchanged')
  })

  it('writes nothing when any row fails: no creates, no updates, counts 0, good rows say what they would do', () => {
    const plan = planImport(
      lines(['王建国', '13800000001'], ['', '13800000002'], ['张伟', '13800000003']),
      [stored({})],
      branch,
    )
    expect(plan).toMatchObject({
      ok: false,
      creates: [],
      updates: [],
      report: { applied: false, created: 0, updated: 0 },
    })
    expect(plan.report.rows.map((r) => r.result)).toEqual(['updated', 'error', 'created'])
  })
})

describe('rosterRoles', () => {
  it('puts the roster role after member and keeps the others', () => {
    expect(rosterRoles([], 'member')).toEqual(['member'])
    expect(rosterRoles(['member', 'committee', 'judge'], 'secretary')).toEqual(['member', 'secretary', 'judge'])
  })
})

describe('newInviteCode', () => {
  it('takes 6 characters from the alphabet without 0, O, 1, I', () => {
    let i = 0
    const code = newInviteCode((n) => i++ % n)
    expect(code).toBe('ABCDEF')
    const random = newInviteCode((n) => Math.floor(Math.random() * n))
    expect(random).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
    expect(INVITE_CODE_ALPHABET).toHaveLength(32)
  })
})

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and LF, and drops a BOM', () => {
    expect(parseCsv('\ufeff姓名,手机号\r\n"王, 芳","138""1"\n李明,13800000002\n')).toEqual([
      ['姓名', '手机号'],
      ['王, 芳', '138"1'],
      ['李明', '13800000002'],
    ])
  })

  it('keeps a line break inside quotes and a last line without one', () => {
    expect(parseCsv('a,"b\nc"\nd,e')).toEqual([
      ['a', 'b\nc'],
      ['d', 'e'],
    ])
  })

  it('keeps empty fields and reads tab-separated text', () => {
    expect(parseCsv('姓名,手机号,职务\n李明,13800000002,\n')).toEqual([
      ['姓名', '手机号', '职务'],
      ['李明', '13800000002', ''],
    ])
    expect(parseCsv('姓名\t手机号\n李明\t13800000002')).toEqual([
      ['姓名', '手机号'],
      ['李明', '13800000002'],
    ])
  })
})
