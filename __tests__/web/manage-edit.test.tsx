import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { uploadFile } from '../../src/api/upload'
import ManageEdit from '../../src/manage/edit'
import type { LectureDetail } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal, type Reply } from '../../src/shared/errors'
import { el, typeAt } from './support/fill'
import { BRANCH, lectureDetail, meReply, STREET } from './support/replies'
import { callMock, type Handler, ok, serve as serveOnly } from './support/serve'
import { getStorageSync, showAgain } from './support/taro'
import { expectTexts } from './support/see'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))
/** The form's topic picker asks for the year's key topics of the host (components/TopicPicker). */
const TOPICS = [{ id: 'tp-1', title: '大党学习的力量', orgName: '济南市' }]
const serve = (handlers: Record<string, Handler>) =>
  serveOnly({ 'topic.choices': () => ok({ items: TOPICS }), ...handlers })
/** The calls the page made besides the topic picker's. */
const pageCalls = () => callMock.mock.calls.filter(([fn]) => fn !== 'topic')
// A picked cover goes to storage first (src/api/upload.ts, tested in upload.test.tsx); its id is checked.
const COVER_ID = 'cloud://env.bucket/covers/00112233445566778899aabbccddeeff.png'
jest.mock('../../src/api/upload', () => ({
  ...jest.requireActual('../../src/api/upload'),
  uploadFile: jest.fn(async () => ({ ok: true, data: { fileId: COVER_ID } })),
}))

/** The page's query (?id=, ?orgId=), set per test. */
const mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const useRouter = () => ({ params: mockParams, path: '/manage/edit/index' })
  return { __esModule: true, ...actual, useRouter, default: { ...actual.default, useRouter } }
})

type MockProps = Record<string, unknown> & { children?: unknown }

// Picker and Textarea are not among the shared stand-ins: a picker is an input whose change is the
// picked value ({detail: {value}}), a textarea a textarea.
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('@tarojs/components')
  const { createElement } = jest.requireActual('react')
  const detail = (handler: unknown) => (e: { target: { value: string } }) =>
    (handler as ((e: { detail: { value: string } }) => void) | undefined)?.({ detail: { value: e.target.value } })
  const Picker = (props: MockProps) =>
    createElement(
      'div',
      { className: props.className },
      createElement('input', {
        id: props.id,
        'data-mode': props.mode,
        value: props.value,
        onChange: detail(props.onChange),
      }),
      props.children,
    )
  const Textarea = (props: MockProps) =>
    createElement('textarea', {
      id: props.id,
      className: props.className,
      value: props.value,
      placeholder: props.placeholder,
      onChange: detail(props.onInput),
    })
  return { __esModule: true, ...actual, Picker, Textarea }
})

const ME = meReply({ roles: ['secretary', 'admin'], manages: [BRANCH, STREET] })

/** The lecture edited by ?id=l1: three hours on 5 December 2099, lectured by the member 李秀英. */
const detail = (over: Partial<LectureDetail> = {}) =>
  lectureDetail({
    title: '红色路线寻访',
    summary: '从解放阁出发',
    startAt: '2099-12-05T14:30:00+08:00',
    endAt: '2099-12-05T17:30:00+08:00',
    signupDeadline: '2099-12-04T18:00:00+08:00',
    hours: 3,
    lecturer: { name: '李秀英', title: '老党员', memberId: 'm-7' },
    speakerRole: 'model',
    canManage: true,
    ...over,
  })

/** Fill in everything a new lecture needs. */
function fillIn(container: HTMLElement) {
  typeAt(container, '#field-title', '学习二十届四中全会精神')
  typeAt(container, '#field-lecturerName', '王建国')
  typeAt(container, '#field-address', '城关村党群服务中心二楼')
  typeAt(container, '#startAt-date', '2099-12-05')
  typeAt(container, '#startAt-time', '14:30')
  typeAt(container, '#endAt-date', '2099-12-05')
  typeAt(container, '#endAt-time', '16:00')
  typeAt(container, '#signupDeadline-date', '2099-12-04')
  typeAt(container, '#signupDeadline-time', '18:00')
  typeAt(container, '#field-capacity', '40')
}

beforeEach(() => {
  callMock.mockReset()
  jest.clearAllMocks()
  for (const key of Object.keys(mockParams)) delete mockParams[key]
  getStorageSync.mockImplementation(() => '')
})

describe('manage: lecture form', () => {
  it('shows each field error from the shared schema and does not save bad input', async () => {
    serve({ 'member.me': () => ME })
    const { container } = render(<ManageEdit />)
    expect(await screen.findByText('党课内容')).toBeInTheDocument()

    typeAt(container, '#field-title', '党')
    typeAt(container, '#field-capacity', '0')
    fireEvent.click(screen.getByText('保存并发布'))

    expectTexts(
      '标题至少2个字',
      '请填写主讲人',
      '请填写地点',
      '请选择开始的日期和时间',
      '请选择结束的日期和时间',
      '请选择报名截止的日期和时间',
      '人数至少为1',
      '有 7 处需要修改，请看红字提示',
    )
    expect(pageCalls()).toHaveLength(1) // member.me only: nothing saved
    expect(callMock).not.toHaveBeenCalledWith('lecture', 'save', expect.anything())

    // correcting a field takes its error away
    typeAt(container, '#field-title', '党的二十大精神')
    expect(screen.queryByText('标题至少2个字')).not.toBeInTheDocument()
    expect(screen.getByText('请填写主讲人')).toBeInTheDocument()

    // the order rules come once the times are there
    fillIn(container)
    typeAt(container, '#endAt-time', '13:00')
    fireEvent.click(screen.getByText('保存草稿'))
    expect(screen.getByText('结束时间须晚于开始时间')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalledWith('lecture', 'save', expect.anything())
  })

  it('keeps what is typed when the page shows again (back from picking a cover): it loads once', async () => {
    mockParams.id = 'l1'
    serve({ 'member.me': () => ME, 'lecture.detail': () => ok(detail()) })
    const { container } = render(<ManageEdit />)
    await screen.findByText('编辑党课')
    typeAt(container, '#field-title', '改过的标题')
    await act(async () => showAgain())
    expect(el(container, '#field-title')).toHaveValue('改过的标题')
    expect(pageCalls()).toHaveLength(2) // member.me and lecture.detail, once each
  })

  it('hosts at a node found by name when the caller manages many: the one 我的党课 showed, or another', async () => {
    const far = { id: 'b-300', name: '燕山新村党支部', kind: 'branch' as const }
    const found = (id: string, name: string, kind: 'street' | 'branch', closed = false) => ({
      ...{ id, name, kind, closed },
      ...{ parentId: 'd-1', path: ['c-1', 'd-1'], children: 0 },
    })
    mockParams.orgId = far.id
    getStorageSync.mockImplementation((key: string) => (key === 'manage.orgId' ? far : ''))
    serve({
      'member.me': () => meReply({ roles: ['member', 'admin'], manages: [STREET, BRANCH], managesMore: true }),
      'org.find': () =>
        ok({ nodes: [found('s-9', '燕山街道', 'street'), found('b-301', '燕山旧村党支部', 'branch', true)] }),
      'lecture.save': () => ok({ id: 'l-new' }),
    })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    expect(el(container, '.manage-edit__fixed')).toHaveTextContent(far.name)
    expect(screen.queryByText('文化东路街道')).not.toBeInTheDocument() // no chips

    fireEvent.change(screen.getByLabelText('输入组织名称搜索'), { target: { value: '燕山' } })
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText('燕山街道'))
    expect(callMock).toHaveBeenCalledWith('org', 'find', { q: '燕山' })
    expect(screen.queryByText('燕山旧村党支部')).not.toBeInTheDocument() // closed: it hosts nothing new
    expect(el(container, '.manage-edit__fixed')).toHaveTextContent('燕山街道')

    fillIn(container)
    fireEvent.click(screen.getByText('保存草稿'))
    expect(await screen.findByText(/草稿已保存/)).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('lecture', 'save', {
      lecture: expect.objectContaining({ hostOrgId: 's-9' }),
    })
  })

  it('posts a new lecture for the host given by ?orgId=, then saves the same draft again and publishes it', async () => {
    mockParams.orgId = 's-1'
    serve({
      'member.me': () => ME,
      'lecture.save': () => ok({ id: 'l-new' }),
      'lecture.publish': () => ok({ id: 'l-new' }),
    })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    expect(screen.getByText('文化东路街道').parentElement).toHaveClass('choice-chips__chip--active')

    fillIn(container)
    fireEvent.click(screen.getByText('乡味党课'))
    fireEvent.click(screen.getByText('普通党员'))
    fireEvent.click(screen.getByText('L3 签到签退'))
    typeAt(container, '#field-venueLat', '36.6512')
    typeAt(container, '#field-venueLng', '117.1201')
    expect(screen.getByText('按时长默认 1.5 学时，计入集体学习。')).toBeInTheDocument()
    const signupSwitch = screen.getByText('须报名才能签到').closest('.form-field') as HTMLElement
    expect(within(signupSwitch).getByText('只有报上名的党员能签到。')).toBeInTheDocument()
    fireEvent.click(within(signupSwitch).getByText('否'))
    expect(within(signupSwitch).getByText(/没有报名的党员也能到场签到/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('保存草稿'))

    expect(await screen.findByText(/草稿已保存/)).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('lecture', 'save', {
      lecture: expect.objectContaining({
        title: '学习二十届四中全会精神',
        theme: 'village',
        lecturer: { name: '王建国' },
        speakerRole: 'member',
        hostOrgId: 's-1',
        openToAll: false,
        venue: expect.objectContaining({ address: '城关村党群服务中心二楼', lat: 36.6512, lng: 117.1201, stops: [] }),
        startAt: '2099-12-05T14:30:00+08:00',
        endAt: '2099-12-05T16:00:00+08:00',
        signupDeadline: '2099-12-04T18:00:00+08:00',
        capacity: 40,
        approvalRequired: false,
        cancelPolicy: 'untilDeadline',
        checkinLevel: 'L3',
        signupRequired: false,
      }),
    })
    expect(callMock.mock.calls.find((c) => c[1] === 'save')?.[2]).not.toHaveProperty('id')

    fireEvent.click(screen.getByText('保存并发布'))
    expect(await screen.findByText('已发布，党员现在可以看到并报名了')).toBeInTheDocument()
    const saves = callMock.mock.calls.filter((c) => c[1] === 'save')
    expect(saves[1][2]).toMatchObject({ id: 'l-new' }) // the second save edits the draft
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'publish', { id: 'l-new' })
    expect(screen.getByText('保存修改')).toBeInTheDocument()
    fireEvent.click(screen.getByText('返回我的党课'))
    expect(Taro.navigateBack).toHaveBeenCalled()
  })

  it('edits a lecture loaded by ?id=, keeping the member lecturer while the name stays', async () => {
    mockParams.id = 'l1'
    serve({
      'member.me': () => ME,
      'lecture.detail': () => ok(detail()),
      'lecture.save': () => ok({ id: 'l1' }),
    })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    expect(callMock).toHaveBeenCalledWith('lecture', 'detail', { id: 'l1' })
    expect(el(container, '#field-title')).toHaveValue('红色路线寻访')
    expect(el(container, '#startAt-time')).toHaveValue('14:30')
    expect(el(container, '#field-summary')).toHaveValue('从解放阁出发')
    expect(screen.getAllByText('2099年12月5日 周六')).toHaveLength(2) // start and end
    expect(screen.getByText('2099年12月4日 周五')).toBeInTheDocument()
    expect(screen.getByText('按时长默认 3 学时，计入集体学习。')).toBeInTheDocument()
    expect(screen.queryByText('保存草稿')).not.toBeInTheDocument()

    typeAt(container, '#field-hours', '2')
    fireEvent.click(screen.getByText('保存修改'))
    expect(await screen.findByText('已保存修改，报名的党员会看到新的内容')).toBeInTheDocument()
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'save', {
      id: 'l1',
      lecture: expect.objectContaining({
        lecturer: { name: '李秀英', title: '老党员', memberId: 'm-7' },
        credit: { hours: 2, bucket: 'collective' },
        speakerRole: 'model',
      }),
    })

    // another lecturer is no longer that member; 恢复默认 sends no credit
    typeAt(container, '#field-lecturerName', '赵老师')
    fireEvent.click(screen.getByText('恢复默认'))
    fireEvent.click(screen.getByText('保存修改'))
    await waitFor(() => expect(callMock.mock.calls.filter((c) => c[1] === 'save')).toHaveLength(2))
    const lecture = callMock.mock.calls.filter((c) => c[1] === 'save')[1][2].lecture as Record<string, unknown>
    expect(lecture.lecturer).toEqual({ name: '赵老师', title: '老党员' })
    expect(lecture).not.toHaveProperty('credit')
  })

  it('shows a published lecture whose check-in opened with fixed times, hours and level; a refusal says why', async () => {
    mockParams.id = 'l1'
    const start = new Date(Date.now() + 10 * 60_000)
    const lecture = detail({
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
      signupDeadline: start.toISOString(),
    })
    const locked = '签到已经开始，党课的时间、学时、签到方式、主讲人和开放范围不能再修改'
    serve({
      'member.me': () => ME,
      'lecture.detail': () => ok(lecture),
      'lecture.save': () => refusal('INVALID_STATE', locked),
    })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    expect(screen.getByText('签到已经开始，时间、学时和签到方式不能再修改。')).toBeInTheDocument()
    expect(container.querySelector('#startAt-date')).toBeNull()
    expect(container.querySelector('#endAt-time')).toBeNull()
    expect(el(container, '#field-hours')).toBeDisabled()
    expect(screen.getByText('L1 扫动态码')).toBeInTheDocument()
    expect(screen.queryByText('L0 按时签到')).not.toBeInTheDocument()
    // the server's refusal, as it says it
    fireEvent.click(screen.getByText('保存修改'))
    expect(await screen.findByText(`没有保存成功：${ERROR_MESSAGES.INVALID_STATE}`)).toBeInTheDocument()
    expect(screen.getByText(locked)).toBeInTheDocument()
  })

  it('names the secretary themselves as lecturer with 我本人主讲 (a member lecturer earns lecturing credit)', async () => {
    serve({ 'member.me': () => ME, 'lecture.save': () => ok({ id: 'l-s' }) })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    fillIn(container)
    expect(screen.getByText('特邀的主讲人只填姓名，不记讲授学时。')).toBeInTheDocument()
    fireEvent.click(screen.getByText('我本人主讲'))
    expect(el(container, '#field-lecturerName')).toHaveValue('张书记')
    expect(screen.getByText(/主讲人是本系统的党员/)).toBeInTheDocument()
    expect(screen.queryByText('我本人主讲')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('保存草稿'))
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('lecture', 'save', expect.anything()))
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'save', {
      lecture: expect.objectContaining({ lecturer: { name: '张书记', memberId: 'm-1' }, speakerRole: 'secretary' }),
    })
  })

  it('ties the lecture to one of the host’s key topics of its year', async () => {
    serve({ 'member.me': () => ME, 'lecture.save': () => ok({ id: 'l-t' }) })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    fillIn(container)
    fireEvent.click(await screen.findByText('大党学习的力量'))
    fireEvent.click(screen.getByText('保存草稿'))
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('lecture', 'save', expect.anything()))
    expect(callMock).toHaveBeenCalledWith('topic', 'choices', expect.objectContaining({ orgId: expect.any(String) }))
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'save', {
      lecture: expect.objectContaining({ topicId: 'tp-1' }),
    })
  })

  it('edits the stops of a walking lecture', async () => {
    serve({ 'member.me': () => ME, 'lecture.save': () => ok({ id: 'l-w' }) })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    fillIn(container)
    fireEvent.click(screen.getByText('行走党课'))
    expect(screen.getByText('沿红色路线边走边讲，有多个站点')).toBeInTheDocument()
    expect(screen.getByText('第1站')).toBeInTheDocument()
    expect(screen.getByText('第2站')).toBeInTheDocument()

    typeAt(container, '#stop-0-name', '解放阁')
    typeAt(container, '#stop-0-address', '历下区黑虎泉西路')
    typeAt(container, '#stop-0-lat', '36.661')
    typeAt(container, '#stop-0-lng', '117.024')
    fireEvent.click(screen.getAllByText('删除这一站')[1])
    fireEvent.click(screen.getByText('保存草稿'))
    expect(screen.getByText('行走党课至少要有两个站点')).toBeInTheDocument()

    fireEvent.click(screen.getByText('添加一站'))
    typeAt(container, '#stop-1-name', '趵突泉')
    typeAt(container, '#stop-1-address', '历下区趵突泉南路1号')
    typeAt(container, '#stop-1-lat', '36.662')
    fireEvent.click(screen.getByText('保存草稿'))
    expect(screen.getByText('请填写经度，-180到180之间的数字，如 117.1201')).toBeInTheDocument()

    typeAt(container, '#stop-1-lng', '117.016')
    fireEvent.click(screen.getByText('保存草稿'))
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('lecture', 'save', expect.anything()))
    expect((callMock.mock.calls.find((c) => c[1] === 'save')?.[2].lecture as { venue: unknown }).venue).toEqual({
      address: '城关村党群服务中心二楼',
      radiusM: 200,
      stops: [
        { name: '解放阁', address: '历下区黑虎泉西路', lat: 36.661, lng: 117.024 },
        { name: '趵突泉', address: '历下区趵突泉南路1号', lat: 36.662, lng: 117.016 },
      ],
    })
  })

  it('shows server refusals in Chinese: a refused save, and a saved draft whose publishing was refused', async () => {
    let saveReply: Reply<{ id: string }> = refusal('FORBIDDEN', '您不能为这个组织发布党课')
    serve({
      'member.me': () => ME,
      'lecture.save': () => saveReply,
      'lecture.publish': () => refusal('INVALID_STATE'),
    })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    fillIn(container)
    fireEvent.click(screen.getByText('保存并发布'))
    expect(await screen.findByText(`没有保存成功：${ERROR_MESSAGES.FORBIDDEN}`)).toBeInTheDocument()
    expect(screen.getByText('您不能为这个组织发布党课')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalledWith('lecture', 'publish', expect.anything())

    saveReply = ok({ id: 'l-9' })
    fireEvent.click(screen.getByText('保存并发布'))
    expect(await screen.findByText(`草稿已保存，但没有发布成功：${ERROR_MESSAGES.INVALID_STATE}`)).toBeInTheDocument()
    expect(screen.getByText('保存并发布')).toBeInTheDocument() // still a draft
  })

  it('refuses to show a lecture the caller may not manage, and a closed one has no save buttons', async () => {
    mockParams.id = 'l1'
    serve({ 'member.me': () => ME, 'lecture.detail': () => ok(detail({ canManage: false })) })
    const { unmount } = render(<ManageEdit />)
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeInTheDocument()
    unmount()

    serve({ 'member.me': () => ME, 'lecture.detail': () => ok(detail({ status: 'cancelled' })) })
    render(<ManageEdit />)
    expect(await screen.findByText('这场党课已取消，不能再修改。')).toBeInTheDocument()
    expect(screen.queryByText('保存修改')).not.toBeInTheDocument()
    expect(screen.queryByText('保存草稿')).not.toBeInTheDocument()
  })

  it('uploads a cover picked in h5, shows it and saves its fileId; a refused picture shows the reason', async () => {
    let coverReply: Reply<{ fileId: string; url: string }> = refusal('INVALID_INPUT', '这不是 JPG 或 PNG 图片')
    serve({
      'member.me': () => ME,
      'lecture.checkCover': () => coverReply,
      'lecture.save': () => ok({ id: 'l-c' }),
    })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    fillIn(container)
    expect(screen.getByText('选择图片')).toBeInTheDocument()
    expect(container.querySelector('.cover-picker__image')).toBeNull()
    const pick = (name: string) =>
      fireEvent.change(el(container, 'input[type="file"]'), {
        target: { files: [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' })] },
      })

    pick('fake.png')
    expect(await screen.findByText('这不是 JPG 或 PNG 图片')).toBeInTheDocument()
    expect(screen.getByText(ERROR_MESSAGES.INVALID_INPUT)).toBeInTheDocument()
    expect(container.querySelector('.cover-picker__image')).toBeNull()

    coverReply = ok({ fileId: COVER_ID, url: 'https://files.example/cover.png' })
    pick('封面.png')
    await waitFor(() =>
      expect(el(container, '.cover-picker__image')).toHaveAttribute('src', 'https://files.example/cover.png'),
    )
    expect(uploadFile).toHaveBeenLastCalledWith('cover', expect.objectContaining({ name: '封面.png', size: 4 }))
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'checkCover', { fileId: COVER_ID })
    expect(screen.queryByText('这不是 JPG 或 PNG 图片')).not.toBeInTheDocument()
    expect(screen.getByText('更换图片')).toBeInTheDocument()

    fireEvent.click(screen.getByText('保存草稿'))
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('lecture', 'save', expect.anything()))
    expect(callMock.mock.calls.find((c) => c[1] === 'save')?.[2].lecture).toMatchObject({
      coverFileId: COVER_ID,
    })
  })

  it('shows the cover of a loaded lecture, and 移除 saves without it', async () => {
    mockParams.id = 'l1'
    serve({
      'member.me': () => ME,
      'lecture.detail': () =>
        ok(detail({ coverFileId: 'cloud://env/covers/old.jpg', coverUrl: 'https://files.example/old.jpg' })),
      'lecture.save': () => ok({ id: 'l1' }),
    })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    expect(el(container, '.cover-picker__image')).toHaveAttribute('src', 'https://files.example/old.jpg')
    fireEvent.click(screen.getByText('移除'))
    expect(container.querySelector('.cover-picker__image')).toBeNull()
    expect(screen.getByText('选择图片')).toBeInTheDocument()
    fireEvent.click(screen.getByText('保存修改'))
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('lecture', 'save', expect.anything()))
    expect(callMock.mock.calls.find((c) => c[1] === 'save')?.[2].lecture).not.toHaveProperty('coverFileId')
  })

  it('explains the check-in levels and asks the venue position for L2 and L3', async () => {
    serve({ 'member.me': () => ME })
    const { container } = render(<ManageEdit />)
    await screen.findByText('党课内容')
    for (const line of [
      '仅限签到时间：在规定时间内签到即可',
      '在L0基础上加动态二维码：到现场扫码签到',
      '在L1基础上加位置范围：须在地点附近签到',
      '在L2基础上加签退：按实到时长计学时',
    ]) {
      expect(screen.getByText(line)).toBeInTheDocument()
    }
    expect(container.querySelector('#field-venueLat')).toBeNull()
    fillIn(container)
    fireEvent.click(screen.getByText('L2 核对位置'))
    fireEvent.click(screen.getByText('保存草稿'))
    expect(screen.getByText('有 1 处需要修改，请看红字提示')).toBeInTheDocument()
    expect(screen.getByText('定位签到须填写地点的经纬度')).toBeInTheDocument()
    typeAt(container, '#field-venueLat', '200')
    fireEvent.click(screen.getByText('保存草稿'))
    expect(screen.getByText('纬度是-90到90之间的数字，如 36.6512')).toBeInTheDocument()
  })
})
