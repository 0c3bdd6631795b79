import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import type { Refusal, Reply } from '../../shared/errors'

/** What a page (or a list area) shows: 正在加载…, what it loaded, or why it could not. */
export type PageLoadState<T> =
  | { phase: 'loading'; data?: undefined; refusal?: undefined }
  | { phase: 'ready'; data: T; refusal?: undefined }
  | { phase: 'refused'; data?: undefined; refusal: Refusal }

export type PageLoad<T> = PageLoadState<T> & {
  /** Show 正在加载… and ask again (重试, another year, another filter). Answers the reply, if still the latest. */
  reload: () => Promise<Reply<T> | undefined>
  /** Ask again keeping what is shown; a refusal leaves the page as it is (the caller may still read it). */
  quietReload: () => Promise<Reply<T> | undefined>
  /** Change the shown data in place (e.g. a row the server answered with); a reply still on its way is dropped. */
  update: (change: (data: T) => T) => void
}

/**
 * When the first load starts. show: on the page's first show, and every later show asks again, in place
 * once the page is ready (coming back from another page shows the latest without blanking it). mount: when the component mounts,
 * for components and pages that do not reload on show. manual: the caller starts it.
 * In every case a change of `deps` afterwards loads again with 正在加载….
 */
export type LoadStart = 'show' | 'mount' | 'manual'

/**
 * The load / ready / refused state of a page. `load` asks the server (or answers undefined when there is
 * nothing to ask yet: the page stays 正在加载…). Only the latest request may change what is shown, so a
 * fast switch of year or tab never shows a stale answer.
 */
export function usePageLoad<T>(
  load: () => Promise<Reply<T>> | undefined,
  deps: DependencyList,
  start: LoadStart = 'show',
): PageLoad<T> {
  const [state, setState] = useState<PageLoadState<T>>({ phase: 'loading' })
  const ticket = useRef(0)
  const latestLoad = useRef(load)
  latestLoad.current = load

  const run = useCallback(async (quiet: boolean) => {
    const mine = ++ticket.current
    if (!quiet) setState({ phase: 'loading' })
    const reply = await latestLoad.current()
    if (!reply || mine !== ticket.current) return undefined
    if (reply.ok) setState({ phase: 'ready', data: reply.data })
    else if (!quiet) setState({ phase: 'refused', refusal: reply })
    return reply
  }, [])

  const reload = useCallback(() => run(false), [run])
  const quietReload = useCallback(() => run(true), [run])
  const update = useCallback((change: (data: T) => T) => {
    ticket.current++
    setState((s) => (s.phase === 'ready' ? { phase: 'ready', data: change(s.data) } : s))
  }, [])

  const ready = state.phase === 'ready'
  useDidShow(() => {
    if (start === 'show') void run(ready)
  })

  // The first run of this effect is the mount: it loads only for `mount`; every later run is a change of deps.
  const mounted = useRef(false)
  useEffect(() => {
    if (mounted.current || start === 'mount') void run(false)
    mounted.current = true
    // The caller's deps are the inputs of its load (as with useEffect), so they are passed on as they are.
  }, deps)

  return { ...state, reload, quietReload, update }
}
