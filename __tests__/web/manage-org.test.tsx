import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ManageOrg from '../../src/manage/org'
import type { OrgChildren, OrgJobView, OrgNodeView, TreeImportReport } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal, type Reply } from '../../src/shared/errors'
import { stubWindowOpen } from './support/exports'
import { type } from './support/fill'
import { meReply } from './support/replies'
import { expectTexts, tapThenSee } from './support/see'
import { callMock, ok, resetPage, serve, type Handler } from './support/serve'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))
const FILE_ID = 'cloud://env.bucket/orgTrees/00112233445566778899aabbccddeeff.xlsx'
jest.mock('../../src/api/upload', () => ({
  ...jest.requireActual('../../src/api/upload'),
  uploadFile: jest.fn(async () => ({ ok: true, data: { fileId: FILE_ID } })),
}))
jest.mock('@tarojs/taro', () =>
  jest.requireActual('./support/exports').taroForExportPage('/manage/org/index', () => ({}), 'tree.xlsx'),
)

const showModal = Taro.showModal as unknown as jest.Mock
const openWindow = stubWindowOpen()

function node(over: Partial<OrgNodeView> & { id: string; name: string }): OrgNodeView {
  return { kind: 'street', parentId: 'd-1', path: ['c-1', 'd-1'], closed: false, children: 0, ...over }
}

const DISTRICT = node({
  id: 'd-1',
  name: '历下区',
  kind: 'district',
  parentId: 'c-1',
  path: ['c-1'],
  children: 2,
  code: '3701',
})
const STREET = node({ id: 's-1', name: '文化东路街道', children: 51 })
const OLD = node({ id: 's-2', name: '旧街道', closed: true })
const TREE: Record<string, OrgChildren> = {
  'd-1': { node: DISTRICT, ancestors: [], children: [STREET, OLD] },
  's-1': { node: STREET, ancestors: [{ id: 'd-1', name: '历下区' }], children: [] },
}

const ADMIN = meReply({ roles: ['member', 'admin'], manages: [{ id: 'd-1', name: '历下区', kind: 'district' }] })

/** member.me for an administrator of 历下区, org.children from TREE (no parentId: their own node), and `more`. */
function serveTree(more: Record<string, Handler> = {}, me = ADMIN) {
  serve({
    'member.me': () => me,
    'org.children': (p) => ok(TREE[(p.parentId as string | undefined) ?? 'd-1']),
    ...more,
  })
}

const job = (done: number): Reply<OrgJobView> => ok({ jobId: 'j-1', done, total: 51, finished: done === 51 })

beforeEach(() => resetPage({}, {}))

describe('manage: the organisation tree', () => {
  it("shows the caller's node, its children as rows, goes down with a tap and back up by the path", async () => {
    serveTree()
    render(<ManageOrg />)
    expect(await screen.findByText('文化东路街道')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('org', 'children', {})
    expectTexts('历下区', '区县', '组织代码 3701', '下级组织（2个）', '街道（镇） · 下级 51 个', '旧街道', '已撤销')

    fireEvent.click(screen.getByText('文化东路街道'))
    expect(await screen.findByText('历下区 ›')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('org', 'children', { parentId: 's-1' })
    expectTexts('没有下级组织', '移动到…', '撤销')

    await tapThenSee('历下区 ›', '旧街道')
    expect(callMock).toHaveBeenLastCalledWith('org', 'children', { parentId: 'd-1' })
  })

  it('shows no tools to a secretary, and a refused load as the server words it', async () => {
    serveTree({}, meReply({ manages: [{ id: 'd-1', name: '历下区', kind: 'district' }] }))
    render(<ManageOrg />)
    expect(await screen.findByText('文化东路街道')).toBeInTheDocument()
    expect(screen.queryByText('新增下级')).not.toBeInTheDocument()
    expect(screen.queryByText('导入组织架构')).not.toBeInTheDocument()

    serve({ 'member.me': () => ADMIN, 'org.children': () => refusal('FORBIDDEN') })
    render(<ManageOrg />)
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeInTheDocument()
  })

  it('adds a child of a kind that may nest here, and lists it', async () => {
    serveTree({ 'org.add': (p) => ok(node({ id: 's-9', name: p.name as string })) })
    render(<ManageOrg />)
    await screen.findByText('新增下级')
    await tapThenSee('新增下级', '在「历下区」下新增组织')
    // under a district: streets, party committees, branches; never another district
    expectTexts('街道（镇）', '党委', '支部')
    expect(screen.queryByText('工委')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('新增'))
    expect(await screen.findByText('请选择下级组织的类型')).toBeInTheDocument()

    type('名称', ' 泉城路街道 ')
    fireEvent.click(screen.getByText('街道（镇）'))
    await tapThenSee('新增', '已新增「泉城路街道」')
    expect(callMock).toHaveBeenCalledWith('org', 'add', { parentId: 'd-1', name: '泉城路街道', kind: 'street' })
  })

  it('moves a node: searches the destination, confirms, and follows the job to its end', async () => {
    let step: (reply: Reply<OrgJobView>) => void = () => undefined
    serveTree({
      'org.find': () => ok({ nodes: [DISTRICT, node({ id: 'd-2', name: '市中区', kind: 'district', path: ['c-1'] })] }),
      'org.move': () => job(12),
      'org.continueJob': () => new Promise<Reply<OrgJobView>>((resolve) => (step = resolve)),
    })
    render(<ManageOrg />)
    fireEvent.click(await screen.findByText('文化东路街道'))
    await screen.findByText('移动到…')
    await tapThenSee('移动到…', '把「文化东路街道」移动到哪个组织下面？')
    type('输入上级组织的名称', '区')
    fireEvent.click(screen.getByText('搜索'))
    // where it already is is not offered
    expect(await screen.findByText('市中区')).toBeInTheDocument()
    expect(screen.getAllByText('历下区 ›')).toHaveLength(1)

    fireEvent.click(screen.getByText('市中区'))
    expect(await screen.findByText('正在更新 12/51 个组织…')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('org', 'move', { id: 's-1', parentId: 'd-2' })
    expect(showModal.mock.calls[0][0].content).toMatch('把「文化东路街道」连同它的全部下级组织移到「市中区」下面')
    await act(async () => step(job(40)))
    expect(await screen.findByText('正在更新 40/51 个组织…')).toBeInTheDocument()
    await act(async () => step(refusal('NETWORK')))
    expect(await screen.findByText(`移动没有做完：${ERROR_MESSAGES.NETWORK}`)).toBeInTheDocument()

    fireEvent.click(screen.getByText('继续'))
    await act(async () => step(job(51)))
    expect(await screen.findByText('移动完成，共更新 51 个组织')).toBeInTheDocument()
    expect(callMock.mock.calls.filter((c) => c[1] === 'continueJob')).toHaveLength(3)
  })

  it('closes a node after a confirmation that says what it means, and shows a refusal as the server words it', async () => {
    const why = '下面还有 12 名党员，请先转出或标记退出'
    serveTree({ 'org.close': () => refusal('INVALID_STATE', why) })
    render(<ManageOrg />)
    fireEvent.click(await screen.findByText('文化东路街道'))
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(await screen.findByText('撤销'))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(showModal.mock.calls[0][0].content).toMatch(
      '不能再发布党课、不能再绑定党员；已有的党课和学时记录仍然可以查看',
    )
    expect(callMock).not.toHaveBeenCalledWith('org', 'close', expect.anything())

    await tapThenSee('撤销', why)
    expect(screen.getByText(ERROR_MESSAGES.INVALID_STATE)).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('org', 'close', { id: 's-1' })
  })

  it('imports a tree file: nothing changed when a row is wrong, the rows to correct listed', async () => {
    const report = (applied: boolean): TreeImportReport => ({
      applied,
      created: applied ? 2 : 0,
      unchanged: applied ? 120 : 0,
      rows: [
        { row: 2, name: '泉城路街道', result: 'created', errors: [] },
        {
          row: 3,
          name: '某某支部',
          result: applied ? 'created' : 'error',
          errors: applied ? [] : ['上级名称重复，请填写上级的组织代码'],
        },
      ],
    })
    let applied = false
    serveTree({ 'org.importTree': () => ok(report(applied)) })
    const { container } = render(<ManageOrg />)
    await screen.findByText('导入组织架构')
    const pick = () =>
      fireEvent.change(container.querySelector('input[type="file"]')!, {
        target: { files: [new File(['x'], '组织.xlsx')] },
      })
    pick()
    await tapThenSee('开始导入', '有错误，组织架构没有任何改动，请改正后重新导入')
    expectTexts('第3行', '上级名称重复，请填写上级的组织代码')
    expect(callMock).toHaveBeenCalledWith('org', 'importTree', { rootId: 'd-1', fileId: FILE_ID })

    applied = true
    pick()
    await tapThenSee('开始导入', '导入完成：新增 2 个组织，未变 120 个组织')
    // the tree is read again with what was imported
    await waitFor(() => expect(callMock.mock.calls.filter((c) => c[1] === 'children')).toHaveLength(2))
  })

  it('exports the subtree as the roster exports do', async () => {
    serveTree({
      'org.exportTree': () =>
        ok({ fileId: 'cloud://x/t.xlsx', url: 'https://files.example/t.xlsx', fileName: '历下区组织架构.xlsx' }),
    })
    render(<ManageOrg />)
    await screen.findByText('导出Excel')
    await tapThenSee('导出Excel', '组织架构已导出：历下区组织架构.xlsx')
    expect(callMock).toHaveBeenCalledWith('org', 'exportTree', { rootId: 'd-1' })
    expect(openWindow).toHaveBeenCalledWith('https://files.example/t.xlsx', '_blank')
  })
})
