import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { uploadFile } from '../../src/api/upload'
import ManageMembers from '../../src/manage/members'
import type { ImportReport, RosterEntry } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { BRANCH, meReply } from './support/replies'
import { expectTexts } from './support/see'
import { callMock, ok, serve } from './support/serve'
import { showAgain } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))
// The file goes to storage first (src/api/upload.ts, tested in upload.test.tsx); its id goes to the function.
const FILE_ID = 'cloud://env.bucket/rosters/00112233445566778899aabbccddeeff.csv'
jest.mock('../../src/api/upload', () => ({
  ...jest.requireActual('../../src/api/upload'),
  uploadFile: jest.fn(async () => ({ ok: true, data: { fileId: FILE_ID } })),
}))
const uploadMock = uploadFile as unknown as jest.Mock

// WeChat's file API (not among the shared stand-ins): a file chosen from a chat.
jest.mock('@tarojs/taro', () =>
  jest.requireActual('./support/taroWith').taroWith({
    chooseMessageFile: jest.fn(async () => ({
      tempFiles: [{ path: 'wxfile://tmp/1.csv', name: '名册.csv', size: 30, type: 'file', time: 0 }],
    })),
  }),
)

const showModal = Taro.showModal as unknown as jest.Mock

const ME = meReply({ manages: [BRANCH] })

function entry(over: Partial<RosterEntry>): RosterEntry {
  return {
    id: 'm-1',
    name: '张书记',
    phone: '13800138000',
    roles: ['member', 'secretary'],
    bound: true,
    inviteCode: 'K7P2QX',
    ...over,
  }
}

const MEMBERS = [
  entry({}),
  entry({ id: 'm-2', name: '李秀英', phone: '13900001111', roles: ['member'], bound: false, inviteCode: 'ABC123' }),
]

function rosterReply(members = MEMBERS) {
  return ok({ branch: { id: 'b-1', name: '城关村党支部' }, members })
}

const CSV = '姓名,手机号,职务\n王建国,13700001234,党员\n'

function pickFile(container: HTMLElement, file: File) {
  const input = container.querySelector('input[type="file"]')
  if (!input) throw new Error('no file input')
  fireEvent.change(input, { target: { files: [file] } })
}

beforeEach(() => {
  callMock.mockReset()
  jest.clearAllMocks()
  process.env.TARO_ENV = 'h5'
})

describe('manage: branch roster', () => {
  it('lists members with phone, roles, binding and a large invite code', async () => {
    serve({ 'member.me': () => ME, 'member.roster': () => rosterReply() })
    render(<ManageMembers />)
    expect(await screen.findByText('李秀英')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('member', 'roster', { branchId: 'b-1' })
    expectTexts('城关村党支部 共 2 人，已绑定 1 人，未绑定 1 人', '138 0013 8000 · 党员、支部书记', '已绑定', '未绑定')
    expect(screen.getByText('ABC123')).toHaveClass('invite-code__code')
    expect(screen.getAllByText('解绑')).toHaveLength(1) // only the bound member
    expect(screen.getByText(/第一行是标题：姓名、手机号、职务/)).toBeInTheDocument()
  })

  it('loads the roster once: a later show (back from picking a file in a chat) asks nothing again', async () => {
    serve({ 'member.me': () => ME, 'member.roster': () => rosterReply() })
    render(<ManageMembers />)
    expect(await screen.findByText('李秀英')).toBeInTheDocument()
    await act(async () => showAgain())
    expect(screen.getByText('李秀英')).toBeInTheDocument()
    expect(callMock.mock.calls.filter((c) => c[1] === 'roster')).toHaveLength(1)
  })

  it('unbinds after a confirmation, and not without one', async () => {
    let members = MEMBERS
    serve({
      'member.me': () => ME,
      'member.roster': () => rosterReply(members),
      'member.unbind': (p) => {
        members = MEMBERS.map((m) => ({ ...m, bound: false }))
        return ok({ memberId: p.memberId as string })
      },
    })
    render(<ManageMembers />)
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(await screen.findByText('解绑'))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(callMock).not.toHaveBeenCalledWith('member', 'unbind', expect.anything())

    fireEvent.click(screen.getByText('解绑'))
    expect(await screen.findByText('已解绑。请把邀请码告诉张书记，重新绑定。')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('member', 'unbind', { memberId: 'm-1' })
    expect(screen.getAllByText('未绑定')).toHaveLength(2)
  })

  it('shows a refused unbind under the member', async () => {
    serve({ 'member.me': () => ME, 'member.roster': () => rosterReply(), 'member.unbind': () => refusal('FORBIDDEN') })
    render(<ManageMembers />)
    fireEvent.click(await screen.findByText('解绑'))
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeInTheDocument()
  })

  it('imports a CSV picked in the browser and shows the rows that changed', async () => {
    let members = MEMBERS
    const report: ImportReport = {
      applied: true,
      created: 1,
      updated: 0,
      rows: [
        { row: 2, name: '王建国', result: 'created', errors: [] },
        { row: 3, name: '张书记', result: 'unchanged', errors: [] },
      ],
    }
    serve({
      'member.me': () => ME,
      'member.roster': () => rosterReply(members),
      'member.importRoster': () => {
        members = [...MEMBERS, entry({ id: 'm-9', name: '王建国', bound: false, inviteCode: 'NEW999' })]
        return ok(report)
      },
    })
    const { container } = render(<ManageMembers />)
    await screen.findByText('李秀英')
    const file = new File([CSV], '名册.csv', { type: 'text/csv' })
    pickFile(container, file)
    expect(await screen.findByText('已选择：名册.csv')).toBeInTheDocument()

    fireEvent.click(screen.getByText('开始导入'))
    expect(await screen.findByText('导入完成：新增 1 人，更新 0 人，未变 1 人')).toBeInTheDocument()
    expect(uploadMock).toHaveBeenCalledWith('roster', { name: '名册.csv', size: file.size, blob: file })
    expect(callMock).toHaveBeenCalledWith('member', 'importRoster', { branchId: 'b-1', fileId: FILE_ID })
    expect(screen.getByText('第2行')).toBeInTheDocument()
    expect(screen.queryByText('第3行')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('显示全部 2 行'))
    expect(screen.getByText('第3行')).toBeInTheDocument()
    // the roster is reloaded with the new member
    expect(await screen.findByText('NEW999')).toBeInTheDocument()
  })

  it('says clearly that nothing changed when a row is wrong, and lists the rows to correct', async () => {
    serve({
      'member.me': () => ME,
      'member.roster': () => rosterReply(),
      'member.importRoster': () =>
        ok<ImportReport>({
          applied: false,
          created: 0,
          updated: 0,
          rows: [
            { row: 2, name: '王建国', result: 'created', errors: [] },
            { row: 3, name: '', result: 'error', errors: ['姓名不能为空', '手机号应为11位数字'] },
          ],
        }),
    })
    const { container } = render(<ManageMembers />)
    await screen.findByText('李秀英')
    pickFile(container, new File([CSV], 'roster.xlsx'))
    fireEvent.click(await screen.findByText('开始导入'))

    expect(await screen.findByText('有错误，名册没有任何改动，请改正后重新导入')).toBeInTheDocument()
    expectTexts(
      '共 2 行，其中 1 行有错误，见下表。',
      '第3行',
      '（无姓名）',
      '错误',
      '姓名不能为空',
      '手机号应为11位数字',
    )
    expect(screen.queryByText('第2行')).not.toBeInTheDocument()
    // nothing changed: the roster is not reloaded
    expect(callMock.mock.calls.filter((c) => c[1] === 'roster')).toHaveLength(1)
  })

  it('refuses a file of another type before sending it, and shows a refused import', async () => {
    serve({
      'member.me': () => ME,
      'member.roster': () => rosterReply(),
      'member.importRoster': () => refusal('INVALID_INPUT', '第一行缺少「手机号」'),
    })
    const { container } = render(<ManageMembers />)
    await screen.findByText('李秀英')
    pickFile(container, new File(['x'], '名册.xls'))
    expect(await screen.findByText('请选择 .xlsx 或 .csv 文件')).toBeInTheDocument()
    expect(screen.queryByText('开始导入')).not.toBeInTheDocument()

    pickFile(container, new File([CSV], '名册.csv'))
    fireEvent.click(await screen.findByText('开始导入'))
    expect(await screen.findByText(ERROR_MESSAGES.INVALID_INPUT)).toBeInTheDocument()
    expect(screen.getByText('第一行缺少「手机号」')).toBeInTheDocument()
  })

  it('refuses a file over 2 MB before uploading it', async () => {
    serve({ 'member.me': () => ME, 'member.roster': () => rosterReply() })
    const { container } = render(<ManageMembers />)
    await screen.findByText('李秀英')
    pickFile(container, new File([new Uint8Array(2 * 1024 * 1024 + 1)], '名册.xlsx'))
    expect(await screen.findByText('文件太大（超过2MB），请只保留本支部的名册后再导入')).toBeInTheDocument()
    expect(screen.queryByText('开始导入')).not.toBeInTheDocument()
    expect(uploadMock).not.toHaveBeenCalled()
  })

  it('shows a refused upload and sends nothing to the function', async () => {
    serve({ 'member.me': () => ME, 'member.roster': () => rosterReply() })
    uploadMock.mockResolvedValueOnce(refusal('NETWORK'))
    const { container } = render(<ManageMembers />)
    await screen.findByText('李秀英')
    pickFile(container, new File([CSV], '名册.csv'))
    fireEvent.click(await screen.findByText('开始导入'))
    expect(await screen.findByText(ERROR_MESSAGES.NETWORK)).toBeInTheDocument()
    expect(callMock.mock.calls.filter((c) => c[1] === 'importRoster')).toHaveLength(0)
  })

  it('in WeChat, picks the file from a chat and uploads it by its path', async () => {
    process.env.TARO_ENV = 'weapp'
    serve({
      'member.me': () => ME,
      'member.roster': () => rosterReply(),
      'member.importRoster': () => ok<ImportReport>({ applied: true, created: 0, updated: 0, rows: [] }),
    })
    const { container } = render(<ManageMembers />)
    await screen.findByText('李秀英')
    expect(container.querySelector('input[type="file"]')).toBeNull()
    expect(screen.getByText(/文件传输助手/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('选择名册文件'))
    expect(await screen.findByText('已选择：名册.csv')).toBeInTheDocument()
    expect(Taro.chooseMessageFile).toHaveBeenCalledWith({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })

    fireEvent.click(screen.getByText('开始导入'))
    await waitFor(() =>
      expect(callMock).toHaveBeenCalledWith('member', 'importRoster', { branchId: 'b-1', fileId: FILE_ID }),
    )
    expect(uploadMock).toHaveBeenCalledWith('roster', { name: '名册.csv', size: 30, path: 'wxfile://tmp/1.csv' })
  })

  it("lets an administrator above the branch set a member's 职务, after a confirmation; a secretary sees no such choice", async () => {
    let members = MEMBERS
    serve({
      'member.me': () => meReply({ roles: ['member', 'admin'], manages: [BRANCH] }),
      'member.roster': () => rosterReply(members),
      'org.setBranchRole': (p) => {
        members = MEMBERS.map((m) => (m.id === p.memberId ? { ...m, roles: ['member', 'committee'] } : m))
        return ok({ memberId: p.memberId as string, roles: ['member', 'committee'] })
      },
    })
    const { container } = render(<ManageMembers />)
    await screen.findByText('李秀英')
    const chosen = () => [...container.querySelectorAll('.choice-chips__chip--active')].map((c) => c.textContent)
    expect(chosen()).toEqual(['支部书记', '党员'])
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getAllByText('支部委员')[1])
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(showModal.mock.calls[0][0].content).toBe('把李秀英的职务改为「支部委员」？')
    expect(callMock).not.toHaveBeenCalledWith('org', 'setBranchRole', expect.anything())

    fireEvent.click(screen.getAllByText('支部委员')[1])
    expect(await screen.findByText('李秀英的职务已改为「支部委员」')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('org', 'setBranchRole', { memberId: 'm-2', role: 'committee' })
    expect(chosen()).toEqual(['支部书记', '支部委员'])
  })

  it('shows no 职务 choice to the branch secretary', async () => {
    serve({ 'member.me': () => ME, 'member.roster': () => rosterReply() })
    render(<ManageMembers />)
    await screen.findByText('李秀英')
    expect(screen.queryByText('职务')).not.toBeInTheDocument()
  })
})
