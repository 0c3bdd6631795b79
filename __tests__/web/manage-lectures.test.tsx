import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ManageLectures from '../../src/manage/lectures'
import type { Me } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { showAgain } from './support/taro'
import { BRANCH, lectureSummary, meReply, STREET } from './support/replies'
import { typeAt } from './support/fill'
import { callMock, ok, resetCalls, serve } from './support/serve'
import { expectTexts } from './support/see'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const navigateTo = Taro.navigateTo as unknown as jest.Mock
const showModal = Taro.showModal as unknown as jest.Mock

const me = (manages: NonNullable<Me['member']>['manages']) => meReply({ manages })

const lecture = lectureSummary

beforeEach(resetCalls)

describe('manage: my lectures', () => {
  it('shows the upcoming lectures of the one node, with status, date, seats and actions', async () => {
    serve({ 'member.me': () => me([BRANCH]), 'lecture.managed': () => ok({ items: [lecture()] }) })
    render(<ManageLectures />)

    expect(await screen.findByText('学习二十届四中全会精神')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('lecture', 'managed', { scope: 'upcoming', orgId: 'b-1' })
    expectTexts('城关村党支部', '已发布', '11月28日 周六 14:30–16:00', '12 / 40 人')
    for (const name of ['编辑', '签到', '名单', '复制为新草稿', '取消'])
      expect(screen.getByText(name)).toBeInTheDocument()
    expect(screen.queryByText('发布')).not.toBeInTheDocument()

    fireEvent.click(screen.getByText('编辑'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/manage/edit/index?id=l1' })
    fireEvent.click(screen.getByText('名单'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/manage/roster/index?id=l1' })
    fireEvent.click(screen.getByText('签到'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/manage/checkin/index?id=l1' })
    fireEvent.click(screen.getByText('学时统计'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/manage/hours/index?branchId=b-1' })
    fireEvent.click(screen.getByText('＋ 发布新党课'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/manage/edit/index?orgId=b-1' })
    expect(screen.queryByText('学时标准')).not.toBeInTheDocument() // administrators only
  })

  it('offers 查看评价 on an ended lecture, opening its ratings', async () => {
    const ended = lecture({ startAt: '2020-11-28T14:30:00+08:00', endAt: '2020-11-28T16:00:00+08:00' })
    serve({ 'member.me': () => me([BRANCH]), 'lecture.managed': () => ok({ items: [ended] }) })
    render(<ManageLectures />)
    fireEvent.click(await screen.findByText('查看评价'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/member/ratings/index?id=l1' })
  })

  it('offers administrators 学时标准 among the branch tools', async () => {
    serve({
      'member.me': () =>
        ok({
          bound: true,
          member: {
            id: 'm-9',
            name: '刘部长',
            branchId: 'b-9',
            branchName: '市委组织部机关党支部',
            roles: ['member', 'admin'],
            manages: [{ id: 'c-1', name: '济南市', kind: 'city' as const }, BRANCH],
          },
        }),
      'lecture.managed': () => ok({ items: [] }),
    })
    render(<ManageLectures />)
    fireEvent.click(await screen.findByText('学时标准'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/manage/targets/index' })
  })

  it('lets a manager of several nodes pick one, and switches scope by tab', async () => {
    serve({
      'member.me': () => me([STREET, BRANCH]),
      'lecture.managed': (p) =>
        ok({ items: [lecture({ id: `${p.orgId}-${p.scope}`, title: `${p.orgId} ${p.scope}`, status: 'draft' })] }),
    })
    render(<ManageLectures />)

    expect(await screen.findByText('s-1 upcoming')).toBeInTheDocument()
    fireEvent.click(screen.getByText('城关村党支部'))
    expect(await screen.findByText('b-1 upcoming')).toBeInTheDocument()
    fireEvent.click(screen.getAllByText('草稿')[0])
    expect(await screen.findByText('b-1 drafts')).toBeInTheDocument()
    fireEvent.click(screen.getAllByText('已结束')[0])
    expect(await screen.findByText('b-1 past')).toBeInTheDocument()
    expect(callMock).toHaveBeenLastCalledWith('lecture', 'managed', { scope: 'past', orgId: 'b-1' })
    // the choice is remembered for the other manage pages
    expect(Taro.setStorageSync).toHaveBeenCalledWith('manage.orgId', 'b-1')
  })

  it('publishes a draft after the secretary confirms, and reloads', async () => {
    let published = false
    serve({
      'member.me': () => me([BRANCH]),
      'lecture.managed': () => ok({ items: [lecture({ status: published ? 'published' : 'draft' })] }),
      'lecture.publish': () => {
        published = true
        return ok({ id: 'l1' })
      },
    })
    render(<ManageLectures />)
    fireEvent.click(await screen.findByText('发布'))

    await waitFor(() => expect(callMock).toHaveBeenCalledWith('lecture', 'publish', { id: 'l1' }))
    expect(showModal).toHaveBeenCalledTimes(1)
    expect(await screen.findByText('已发布')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已发布', icon: 'success' })
  })

  it('does not publish when the secretary says 再看看, and shows a refused publish under the lecture', async () => {
    serve({
      'member.me': () => me([BRANCH]),
      'lecture.managed': () => ok({ items: [lecture({ status: 'draft' })] }),
      'lecture.publish': () => refusal('INVALID_STATE', '开始时间已过'),
    })
    render(<ManageLectures />)
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(await screen.findByText('发布'))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(callMock).not.toHaveBeenCalledWith('lecture', 'publish', expect.anything())

    fireEvent.click(await screen.findByText('发布'))
    expect(await screen.findByText(`没有发布成功：${ERROR_MESSAGES.INVALID_STATE}`)).toBeInTheDocument()
    expect(screen.getByText('开始时间已过')).toBeInTheDocument()
  })

  it('asks a reason before cancelling, and says how many were told', async () => {
    serve({
      'member.me': () => me([BRANCH]),
      'lecture.managed': () => ok({ items: [lecture()] }),
      'lecture.cancel': () => ok({ id: 'l1', notified: 12 }),
    })
    const { container } = render(<ManageLectures />)
    fireEvent.click(await screen.findByText('取消'))
    expect(screen.getByText('取消的原因（报名的党员会看到）')).toBeInTheDocument()

    fireEvent.click(screen.getByText('确认取消党课'))
    expect(screen.getByText('请填写取消原因')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalledWith('lecture', 'cancel', expect.anything())

    typeAt(container, '#cancel-reason-l1', ' 因大雪改期 ')
    fireEvent.click(screen.getByText('确认取消党课'))
    expect(await screen.findByText('已取消，已通知报名的 12 人')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('lecture', 'cancel', { id: 'l1', reason: '因大雪改期' })
    expect(screen.queryByText('确认取消党课')).not.toBeInTheDocument()
  })

  it('keeps the cancel form open with the refusal when cancelling is refused', async () => {
    serve({
      'member.me': () => me([BRANCH]),
      'lecture.managed': () => ok({ items: [lecture()] }),
      'lecture.cancel': () => refusal('FORBIDDEN'),
    })
    const { container } = render(<ManageLectures />)
    fireEvent.click(await screen.findByText('取消'))
    typeAt(container, '#cancel-reason-l1', '场地有变')
    fireEvent.click(screen.getByText('确认取消党课'))
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeInTheDocument()
    expect(screen.getByText('确认取消党课')).toBeInTheDocument()
  })

  it('copies a lecture as a new draft and opens it in the form', async () => {
    serve({
      'member.me': () => me([BRANCH]),
      'lecture.managed': () => ok({ items: [lecture({ status: 'finished', endAt: '2020-01-01T10:00:00+08:00' })] }),
      'lecture.duplicate': () => ok({ id: 'l-new' }),
    })
    render(<ManageLectures />)
    expect(await screen.findByText('名单')).toBeInTheDocument()
    expect(screen.getAllByText('已结束')).toHaveLength(2) // the tab and the status
    expect(screen.queryByText('编辑')).not.toBeInTheDocument()
    expect(screen.queryByText('签到')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('复制为新草稿'))
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/manage/edit/index?id=l-new' }))
    expect(callMock).toHaveBeenCalledWith('lecture', 'duplicate', { id: 'l1' })
  })

  it('refreshes quietly when the secretary comes back from the form', async () => {
    let title = '旧标题'
    serve({ 'member.me': () => me([BRANCH]), 'lecture.managed': () => ok({ items: [lecture({ title })] }) })
    render(<ManageLectures />)
    expect(await screen.findByText('旧标题')).toBeInTheDocument()
    title = '新标题'
    await act(async () => showAgain())
    expect(await screen.findByText('新标题')).toBeInTheDocument()
  })

  it('says so when the caller manages nothing, is not bound, or the list is refused', async () => {
    serve({ 'member.me': () => me([]) })
    const { unmount } = render(<ManageLectures />)
    expect(await screen.findByText(/您目前没有可以发布党课的组织/)).toBeInTheDocument()
    unmount()

    serve({ 'member.me': () => ok({ bound: false }) })
    const second = render(<ManageLectures />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_A_MEMBER)).toBeInTheDocument()
    second.unmount()

    serve({ 'member.me': () => me([BRANCH]), 'lecture.managed': () => refusal('NETWORK') })
    render(<ManageLectures />)
    expect(await screen.findByText(ERROR_MESSAGES.NETWORK)).toBeInTheDocument()
    serve({ 'member.me': () => me([BRANCH]), 'lecture.managed': () => ok({ items: [] }) })
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('这里还没有党课')).toBeInTheDocument()
  })
})
