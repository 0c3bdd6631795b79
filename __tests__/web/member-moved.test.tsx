import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Moved from '../../src/member/moved'
import type { MyLectureItem } from '../../src/shared/contract'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { lectureSummary } from './support/replies'
import { callMock, ok, resetCalls, serve } from './support/serve'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

const showModal = Taro.showModal as unknown as jest.Mock
const item = (id: string, title: string, movedAway?: true): MyLectureItem => ({
  lecture: lectureSummary({ id, title }),
  status: 'confirmed',
  ...(movedAway ? { movedAway } : {}),
})

beforeEach(resetCalls)

describe('转出后的报名 (member)', () => {
  it('lists only the sign-ups left behind and cancels one after a confirmation', async () => {
    let items = [item('l1', '原支部的党课', true), item('l2', '全市公开的党课')]
    serve({
      'signup.mine': () => ok({ items }),
      'signup.cancel': () => {
        items = items.filter((i) => i.lecture.id !== 'l1')
        return ok({ status: 'cancelled' })
      },
    })
    render(<Moved />)
    expect(await screen.findByText('原支部的党课')).toBeInTheDocument()
    expect(screen.queryByText('全市公开的党课')).toBeNull()
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByText('取消报名'))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(callMock).not.toHaveBeenCalledWith('signup', 'cancel', expect.anything())
    fireEvent.click(screen.getByText('取消报名'))
    expect(await screen.findByText('没有需要处理的报名')).toBeInTheDocument()
    expect(callMock).toHaveBeenCalledWith('signup', 'cancel', { lectureId: 'l1' })
  })

  it('shows a refused cancel under the lecture', async () => {
    serve({
      'signup.mine': () => ok({ items: [item('l1', '原支部的党课', true)] }),
      'signup.cancel': () => refusal('CANCEL_TOO_LATE'),
    })
    render(<Moved />)
    fireEvent.click(await screen.findByText('取消报名'))
    expect(await screen.findByText(ERROR_MESSAGES.CANCEL_TOO_LATE)).toBeInTheDocument()
  })
})
