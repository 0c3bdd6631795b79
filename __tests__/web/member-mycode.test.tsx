import { act, render, screen } from '@testing-library/react'
import MyCode from '../../src/member/mycode'
import { ERROR_MESSAGES, refusal } from '../../src/shared/errors'
import { callMock, ok, resetCalls, serve } from './support/serve'

jest.mock('../../src/api/client', () => ({ call: jest.fn() }))

beforeEach(resetCalls)
afterEach(() => jest.useRealTimers())

describe('my member code page', () => {
  it('shows the code big with the name, and fetches the next one before it runs out', async () => {
    jest.useFakeTimers()
    let n = 0
    serve({
      'checkin.myCode': () => {
        n++
        return ok({
          qr: `dk1|m|m-1|${n}|sig`,
          image: `data:image/png;base64,CODE${n}`,
          refreshInMs: 60_000,
          name: '王建国',
        })
      },
    })
    render(<MyCode />)
    expect(await screen.findByText('王建国')).toBeInTheDocument()
    expect(screen.getByText('请出示给支部书记扫码签到')).toBeInTheDocument()
    expect(screen.getByRole('img')).toHaveAttribute('src', 'data:image/png;base64,CODE1')

    await act(async () => {
      jest.advanceTimersByTime(39_000)
    })
    expect(callMock).toHaveBeenCalledTimes(1)
    await act(async () => {
      jest.advanceTimersByTime(1_000)
    })
    expect(callMock).toHaveBeenCalledTimes(2)
    expect(screen.getByRole('img')).toHaveAttribute('src', 'data:image/png;base64,CODE2')
  })

  it('keeps the code on screen when a refresh fails, and tries again', async () => {
    jest.useFakeTimers()
    const replies = [
      ok({ qr: 'a', image: 'data:image/png;base64,ONE', refreshInMs: 25_000, name: '王建国' }),
      refusal('NETWORK'),
      ok({ qr: 'b', image: 'data:image/png;base64,TWO', refreshInMs: 25_000, name: '王建国' }),
    ]
    serve({ 'checkin.myCode': () => replies.shift()! })
    render(<MyCode />)
    await screen.findByText('王建国')
    await act(async () => {
      jest.advanceTimersByTime(5_000)
    })
    expect(callMock).toHaveBeenCalledTimes(2)
    expect(screen.getByRole('img')).toHaveAttribute('src', 'data:image/png;base64,ONE')
    await act(async () => {
      jest.advanceTimersByTime(5_000)
    })
    expect(screen.getByRole('img')).toHaveAttribute('src', 'data:image/png;base64,TWO')
  })

  it('explains a refusal', async () => {
    serve({ 'checkin.myCode': () => refusal('NOT_A_MEMBER') })
    render(<MyCode />)
    expect(await screen.findByText(ERROR_MESSAGES.NOT_A_MEMBER)).toBeInTheDocument()
  })
})
