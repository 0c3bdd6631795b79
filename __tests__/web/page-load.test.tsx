import { act, renderHook, waitFor } from '@testing-library/react'
import { usePageLoad, type LoadStart } from '../../src/components/PageState'
import { refusal, type Reply } from '../../src/shared/errors'
import { ok } from './support/serve'
import { showAgain } from './support/taro'

/** A request the test answers by hand, in any order. */
function deferred() {
  let answer!: (reply: Reply<string>) => void
  const promise = new Promise<Reply<string>>((resolve) => (answer = resolve))
  return { promise, answer }
}

function setup(start: LoadStart, first = 'a') {
  const requests: ReturnType<typeof deferred>[] = []
  const load = jest.fn((_key: string) => {
    const d = deferred()
    requests.push(d)
    return d.promise
  })
  const hook = renderHook(({ key }) => usePageLoad(() => load(key), [key], start), { initialProps: { key: first } })
  return { hook, load, requests }
}

describe('usePageLoad', () => {
  it('loads on the first show: 正在加载…, then the data', async () => {
    const { hook, load, requests } = setup('show')
    expect(hook.result.current.phase).toBe('loading')
    expect(load).toHaveBeenCalledTimes(1)
    await act(async () => requests[0].answer(ok('A')))
    expect(hook.result.current).toMatchObject({ phase: 'ready', data: 'A' })
  })

  it('shows a refusal, and reload asks again with 正在加载…', async () => {
    const { hook, requests } = setup('show')
    await act(async () => requests[0].answer(refusal('NETWORK')))
    expect(hook.result.current).toMatchObject({ phase: 'refused', refusal: { code: 'NETWORK' } })
    act(() => void hook.result.current.reload())
    expect(hook.result.current.phase).toBe('loading')
    await act(async () => requests[1].answer(ok('B')))
    expect(hook.result.current).toMatchObject({ phase: 'ready', data: 'B' })
  })

  it('asks again in place on a later show, and keeps the data when that is refused', async () => {
    const { hook, load, requests } = setup('show')
    await act(async () => requests[0].answer(ok('A')))
    act(() => showAgain())
    expect(load).toHaveBeenCalledTimes(2)
    expect(hook.result.current).toMatchObject({ phase: 'ready', data: 'A' })
    await act(async () => requests[1].answer(refusal('NETWORK')))
    expect(hook.result.current).toMatchObject({ phase: 'ready', data: 'A' })
    act(() => showAgain())
    await act(async () => requests[2].answer(ok('A2')))
    expect(hook.result.current).toMatchObject({ phase: 'ready', data: 'A2' })
  })

  it('a later show of a refused page asks again with 正在加载… (there is nothing to keep)', async () => {
    const { hook, requests } = setup('show')
    await act(async () => requests[0].answer(refusal('NETWORK')))
    act(() => showAgain())
    expect(hook.result.current.phase).toBe('loading')
  })

  it('drops a stale reply: only the latest request changes what is shown', async () => {
    const { hook, requests } = setup('mount')
    hook.rerender({ key: 'b' })
    expect(requests).toHaveLength(2)
    await act(async () => requests[1].answer(ok('B')))
    await act(async () => requests[0].answer(ok('A (stale)')))
    expect(hook.result.current).toMatchObject({ phase: 'ready', data: 'B' })
  })

  it('a change of deps loads again with 正在加载…', async () => {
    const { hook, load, requests } = setup('show')
    await act(async () => requests[0].answer(ok('A')))
    hook.rerender({ key: 'b' })
    expect(load).toHaveBeenLastCalledWith('b')
    expect(hook.result.current.phase).toBe('loading')
  })

  it('mount loads once without a show; manual waits for the caller', async () => {
    expect(setup('mount').load).toHaveBeenCalledTimes(1)
    const manual = setup('manual')
    expect(manual.load).not.toHaveBeenCalled()
    let reply: Reply<string> | undefined
    const asked = manual.hook.result.current.quietReload().then((r) => (reply = r))
    await act(async () => manual.requests[0].answer(refusal('INTERNAL')))
    await asked
    expect(reply).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(manual.hook.result.current.phase).toBe('loading')
  })

  it('nothing to ask yet (load answers undefined) stays 正在加载…', async () => {
    const hook = renderHook(() => usePageLoad<string>(() => undefined, [], 'mount'))
    await waitFor(() => expect(hook.result.current.phase).toBe('loading'))
  })

  it('update changes the shown data, and drops a reply asked before it', async () => {
    const { hook, requests } = setup('show')
    await act(async () => requests[0].answer(ok('A')))
    act(() => void hook.result.current.quietReload())
    act(() => hook.result.current.update((d) => `${d}+row`))
    await act(async () => requests[1].answer(ok('A (asked before)')))
    expect(hook.result.current).toMatchObject({ phase: 'ready', data: 'A+row' })
  })
})
