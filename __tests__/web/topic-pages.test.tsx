import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as taro from '@tarojs/taro'
import ManageTopics from '../../src/manage/topics'
import Topic from '../../src/member/topic'
import Topics from '../../src/member/topics'
import Lecture from '../../src/pages/lecture'
import type { TopicView } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { lectureDetail, lectureSummary } from './support/replies'
import { typeAt } from './support/fill'
import { callMock, ok, serve } from './support/serve'
import { navigateTo } from './support/taro'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const topic = (over: Partial<TopicView> = {}): TopicView => ({
  id: 'tp-1',
  year: 2026,
  title: '大党学习的力量',
  description: '讲清楚我们党靠学习走到今天。',
  department: '市委组织部',
  orgId: 'org-jinan',
  orgName: '济南市',
  status: 'published',
  canManage: false,
  ...over,
})

let routerSpy: jest.SpyInstance
beforeEach(() => {
  callMock.mockReset()
  jest.clearAllMocks()
  routerSpy = jest
    .spyOn(taro, 'useRouter')
    .mockReturnValue({ params: { id: 'tp-1' }, path: '' } as unknown as ReturnType<typeof taro.useRouter>)
})
afterEach(() => routerSpy.mockRestore())

describe('member/topics', () => {
  it('lists the year’s published topics and opens one', async () => {
    serve({
      'topic.list': () =>
        ok({ year: 2026, items: [topic(), topic({ id: 'tp-d', title: '草稿选题', status: 'draft' })] }),
    })
    render(<Topics />)
    fireEvent.click(await screen.findByText('大党学习的力量'))
    expect(screen.queryByText('草稿选题')).not.toBeInTheDocument()
    expect(screen.getByText('济南市 · 市委组织部提出')).toBeInTheDocument()
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/topic/index?id=tp-1' })
  })

  it('says when the year has no topics', async () => {
    serve({ 'topic.list': () => ok({ year: 2026, items: [] }) })
    render(<Topics />)
    expect(await screen.findByText('今年还没有发布重点选题')).toBeInTheDocument()
  })
})

describe('member/topic', () => {
  it('shows the topic, its upcoming lectures first and then the held ones', async () => {
    serve({
      'topic.detail': () =>
        ok({
          topic: topic(),
          upcoming: [lectureSummary({ id: 'l-up', title: '下周的党课' })],
          held: [lectureSummary({ id: 'l-old', title: '上个月的党课' })],
        }),
    })
    render(<Topic />)
    await screen.findByText('下周的党课')
    expect(callMock).toHaveBeenCalledWith('topic', 'detail', { id: 'tp-1' })
    const text = document.body.textContent ?? ''
    expect(text.indexOf('即将开讲（1）')).toBeLessThan(text.indexOf('下周的党课'))
    expect(text.indexOf('下周的党课')).toBeLessThan(text.indexOf('已经讲过（1）'))
    expect(text.indexOf('已经讲过（1）')).toBeLessThan(text.indexOf('上个月的党课'))
    fireEvent.click(screen.getByText('下周的党课'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/lecture/index?id=l-up' })
  })

  it('shows a refusal in words', async () => {
    serve({ 'topic.detail': () => refusal('NOT_FOUND') })
    render(<Topic />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_FOUND)).toBeInTheDocument()
  })
})

describe('the lecture page', () => {
  it('links a lecture to its topic', async () => {
    serve({ 'lecture.detail': () => ok(lectureDetail({ topicId: 'tp-1', topicTitle: '大党学习的力量' })) })
    render(<Lecture />)
    fireEvent.click(await screen.findByText('重点选题：大党学习的力量 ›'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/member/topic/index?id=tp-1' })
  })
})

describe('manage/topics', () => {
  it('adds a draft to the list the administrator keeps, then publishes it', async () => {
    const draft = topic({
      id: 'tp-new',
      title: '新时代党员家风建设',
      department: '市纪委监委',
      status: 'draft',
      canManage: true,
    })
    serve({
      'topic.list': () => ok({ year: 2026, items: [], keeps: { id: 'org-jinan', name: '济南市' } }),
      'topic.save': () => ok(draft),
      'topic.publish': () => ok({ ...draft, status: 'published' }),
    })
    render(<ManageTopics />)
    fireEvent.click(await screen.findByText(/为济南市新增\d+年的选题/))
    fireEvent.click(screen.getByText('保存草稿'))
    expect(await screen.findByText('选题至少2个字')).toBeInTheDocument()
    expect(callMock).not.toHaveBeenCalledWith('topic', 'save', expect.anything())
    typeAt(document.body, '#field-topic-title', '新时代党员家风建设')
    fireEvent.click(screen.getByText('市纪委监委'))
    fireEvent.click(screen.getByText('保存草稿'))
    await screen.findByText('草稿')
    expect(callMock).toHaveBeenCalledWith('topic', 'save', {
      year: expect.any(Number),
      topic: { title: '新时代党员家风建设', description: '', department: '市纪委监委' },
    })
    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(screen.getByText('已发布“新时代党员家风建设”')).toBeInTheDocument())
    expect(callMock).toHaveBeenCalledWith('topic', 'publish', { id: 'tp-new' })
  })
})
