/** OrgPicker for an administrator of many branches: member.me lists a few (managesMore), the others are found by name. */
import { fireEvent, render, screen } from '@testing-library/react'
import ManageLectures from '../../src/manage/lectures'
import ManageMembers from '../../src/manage/members'
import type { OrgNodeView } from '../../src/shared/contract'
import type { OrgKind } from '../../src/shared/model'
import { meReply } from './support/replies'
import { type } from './support/fill'
import { callMock, ok, serve } from './support/serve'
import { getStorageSync, setStorageSync } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const DISTRICT = { id: 'd-1', name: '历下区', kind: 'district' as const }
const node = (id: string, name: string, kind: OrgKind = 'branch') => ({ id, name, kind })
/** The first branches by name, as member.me lists them for a district of hundreds. */
const LISTED = [node('b-1', '八一村党支部'), node('b-2', '白马村党支部'), node('b-3', '北关村党支部')]
const FAR = node('b-300', '燕山新村党支部')
const view = (n: ReturnType<typeof node>): OrgNodeView => ({
  ...n,
  parentId: 'd-1',
  path: ['c-1', 'd-1'],
  closed: false,
  children: 0,
})

const ADMIN = meReply({ roles: ['member', 'admin'], manages: [DISTRICT, ...LISTED], managesMore: true })

/** The device's storage, kept between the visits of one test. */
let storage: Map<string, unknown>

beforeEach(() => {
  callMock.mockReset()
  jest.clearAllMocks()
  storage = new Map()
  getStorageSync.mockImplementation((key: string) => storage.get(key) ?? '')
  setStorageSync.mockImplementation((key: string, value: unknown) => storage.set(key, value))
})

function serveDistrict() {
  serve({
    'member.me': () => ADMIN,
    'org.find': () => ok({ nodes: [view(node('s-9', '燕山街道', 'street')), view(FAR)] }),
    'member.roster': (p) =>
      ok({ branch: { id: p.branchId, name: p.branchId === FAR.id ? FAR.name : '八一村党支部' }, members: [] }),
    'lecture.managed': () => ok({ items: [] }),
  })
}

describe('manage: picking one of many branches', () => {
  it('shows the chosen branch and a search, not a chip for each; a branch found by name loads its roster', async () => {
    serveDistrict()
    const { container } = render(<ManageMembers />)
    expect(await screen.findByText('八一村党支部 共 0 人，已绑定 0 人，未绑定 0 人')).toBeInTheDocument()
    expect(container.querySelector('.org-picker__single')).toHaveTextContent('八一村党支部')
    expect(container.querySelector('.org-picker .choice-chips')).toBeNull()
    expect(screen.queryByText('白马村党支部')).not.toBeInTheDocument()

    type('输入支部名称搜索', '燕山')
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText(FAR.name))
    expect(callMock).toHaveBeenCalledWith('org', 'find', { q: '燕山', kind: 'branch' })
    // only branches are offered on a page about branches
    expect(screen.queryByText('燕山街道')).not.toBeInTheDocument()

    expect(await screen.findByText('燕山新村党支部 共 0 人，已绑定 0 人，未绑定 0 人')).toBeInTheDocument()
    expect(callMock).toHaveBeenLastCalledWith('member', 'roster', { branchId: FAR.id })
    expect(container.querySelector('.org-picker__single')).toHaveTextContent(FAR.name)
    expect(setStorageSync).toHaveBeenCalledWith('manage.orgId', FAR)
  })

  it('brings the branch found by name back on the next visit, on this page and the others', async () => {
    serveDistrict()
    const first = render(<ManageMembers />)
    await screen.findByLabelText('输入支部名称搜索')
    type('输入支部名称搜索', '燕山')
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText(FAR.name))
    await screen.findByText('燕山新村党支部 共 0 人，已绑定 0 人，未绑定 0 人')
    first.unmount()
    callMock.mockClear()

    const again = render(<ManageMembers />)
    expect(await screen.findByText('燕山新村党支部 共 0 人，已绑定 0 人，未绑定 0 人')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('member', 'roster', { branchId: FAR.id })
    expect(callMock).not.toHaveBeenCalledWith('member', 'roster', { branchId: 'b-1' })
    again.unmount()

    const lectures = render(<ManageLectures />)
    await screen.findByText('这里还没有党课')
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'managed', { scope: 'upcoming', orgId: FAR.id })
    expect(lectures.container.querySelector('.org-picker__single')).toHaveTextContent(FAR.name)
    // the page about any node searches them all
    expect(screen.getByLabelText('输入组织名称搜索')).toBeInTheDocument()
  })

  it('does not bring back a remembered node member.me no longer lists when it lists them all (chips)', async () => {
    storage.set('manage.orgId', FAR)
    serve({
      'member.me': () => meReply({ roles: ['member', 'admin'], manages: [DISTRICT, ...LISTED] }),
      'member.roster': (p) => ok({ branch: { id: p.branchId, name: '八一村党支部' }, members: [] }),
    })
    const { container } = render(<ManageMembers />)
    await screen.findByText('八一村党支部 共 0 人，已绑定 0 人，未绑定 0 人')
    expect(callMock).not.toHaveBeenCalledWith('member', 'roster', { branchId: FAR.id })
    expect(container.querySelector('.org-picker .choice-chips')).not.toBeNull()
    expect(screen.queryByLabelText('输入支部名称搜索')).not.toBeInTheDocument()
  })

  it('searches instead of showing more than 8 chips, though member.me listed them all', async () => {
    const nine = Array.from({ length: 9 }, (_, i) => node(`b-${i + 1}`, `第${i + 1}村党支部`))
    serve({
      'member.me': () => meReply({ roles: ['member', 'admin'], manages: [DISTRICT, ...nine] }),
      'member.roster': (p) => ok({ branch: { id: p.branchId, name: '第1村党支部' }, members: [] }),
    })
    const { container } = render(<ManageMembers />)
    await screen.findByText('第1村党支部 共 0 人，已绑定 0 人，未绑定 0 人')
    expect(container.querySelector('.org-picker__single')).toHaveTextContent('第1村党支部')
    expect(screen.getByLabelText('输入支部名称搜索')).toBeInTheDocument()
  })
})
