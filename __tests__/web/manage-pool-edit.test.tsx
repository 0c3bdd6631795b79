/** manage/pool: an administrator edits every field of a profile and its photo (lecturer.edit, checkPhoto). */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { uploadFile } from '../../src/api/upload'
import ManagePool from '../../src/manage/pool'
import type { LecturerProfile, LecturerSummary } from '../../src/shared/contract'
import { refusal, type Reply } from '../../src/shared/errors'
import { BRANCH, meReply } from './support/replies'
import { el, typeAt } from './support/fill'
import { callMock, ok, resetCalls, serve } from './support/serve'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))
const PHOTO_ID = 'cloud://env.bucket/lecturer-photos/00112233445566778899aabbccddeeff.png'
jest.mock('../../src/api/upload', () => ({
  ...jest.requireActual('../../src/api/upload'),
  uploadFile: jest.fn(async () => ({ ok: true, data: { fileId: PHOTO_ID } })),
}))

const summary = (over: Partial<LecturerSummary> = {}): LecturerSummary => ({
  id: 'lp-9',
  name: '于永亮',
  unit: '',
  title: '教授',
  speakerRole: 'expert',
  themes: ['standard'],
  topicIds: ['t-old'],
  orgId: 'org-lixia',
  status: 'active',
  given: 3,
  ratingCount: 0,
  canManage: true,
  needsInvitation: false,
  ...over,
})
const profile = (over: Partial<LecturerProfile> = {}): LecturerProfile => ({
  ...summary(),
  intro: '讲党史',
  isMine: false,
  canInvite: false,
  lectures: [],
  awards: [],
  ...over,
})
const TOPICS = [{ id: 't-1', title: '学习二十届四中全会精神', orgName: '济南市' }]

beforeEach(() => {
  resetCalls()
  process.env.TARO_ENV = 'h5'
})

const open = async (p: LecturerProfile, photo: () => Reply<{ fileId: string; url: string }>) => {
  serve({
    'topic.list': () => ok({ items: [] }),
    'member.me': () => meReply({ roles: ['admin'], manages: [BRANCH] }),
    'lecturer.search': () => ok({ items: [summary({ memberId: p.memberId })], total: 1 }),
    'org.children': () => refusal('FORBIDDEN'), // no district filter here
    'lecturer.profile': () => ok(p),
    'topic.choices': () => ok({ items: TOPICS }),
    'lecturer.checkPhoto': photo,
    'lecturer.edit': () => ok({ id: p.id }),
  })
  const page = render(<ManagePool />)
  fireEvent.click(await screen.findByText('编辑'))
  await screen.findByText('个人介绍')
  return page
}

describe('manage/pool: 编辑 a profile', () => {
  it('edits every field of an outsider, uploads a photo, and sends them all', async () => {
    const { container } = await open(profile(), () => ok({ fileId: PHOTO_ID, url: 'https://files.example/p.png' }))
    typeAt(container, '#lecturer-name', '于永亮（教授）')
    fireEvent.click(screen.getByText('先进模范'))
    typeAt(container, '#lecturer-unit', '中共济南市委党校')
    typeAt(container, '#lecturer-title', '党史教研部主任')
    fireEvent.click(within(el(container, '.edit-lecturer') as HTMLElement).getByText('乡味党课'))
    fireEvent.click(screen.getByText('学习二十届四中全会精神'))
    expect(screen.getByText('另有1个往年的选题，保留不变')).toBeInTheDocument()
    typeAt(container, '#lecturer-intro', '讲党史，讲身边的榜样')
    fireEvent.change(el(container, 'input[type="file"]'), {
      target: { files: [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '照片.png', { type: 'image/png' })] },
    })
    await waitFor(() =>
      expect(el(container, '.cover-picker__image')).toHaveAttribute('src', 'https://files.example/p.png'),
    )
    expect(uploadFile).toHaveBeenLastCalledWith('lecturerPhoto', expect.objectContaining({ name: '照片.png' }))
    expect(callMock).toHaveBeenCalledWith('lecturer', 'checkPhoto', { fileId: PHOTO_ID })
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(screen.queryByText('个人介绍')).not.toBeInTheDocument())
    expect(callMock).toHaveBeenCalledWith('lecturer', 'edit', {
      id: 'lp-9',
      name: '于永亮（教授）',
      speakerRole: 'model',
      unit: '中共济南市委党校',
      title: '党史教研部主任',
      themes: ['standard', 'village'],
      topicIds: ['t-old', 't-1'],
      intro: '讲党史，讲身边的榜样',
      photoFileId: PHOTO_ID,
    })
  })

  it('keeps a bound member’s name and role to the roster, and shows a refused photo’s reason', async () => {
    const { container } = await open(profile({ memberId: 'm-7' }), () =>
      refusal('INVALID_INPUT', '这不是 JPG 或 PNG 图片'),
    )
    expect(container.querySelector('#lecturer-name')).toBeNull()
    expect(screen.getByText('党员主讲人的姓名和身份以党员名册为准')).toBeInTheDocument()
    fireEvent.change(el(container, 'input[type="file"]'), {
      target: { files: [new File([new Uint8Array([1, 2])], 'x.png', { type: 'image/png' })] },
    })
    expect(await screen.findByText('这不是 JPG 或 PNG 图片')).toBeInTheDocument()
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('lecturer', 'edit', expect.anything()))
    const sent = callMock.mock.calls.find(([fn, action]) => fn === 'lecturer' && action === 'edit')![2]
    expect(sent).not.toHaveProperty('name')
    expect(sent).not.toHaveProperty('speakerRole')
    expect(sent).not.toHaveProperty('photoFileId')
  })
})
