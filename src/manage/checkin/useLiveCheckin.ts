/**
 * The check-in screen's data: checkin.live every 5 s, and as soon as the shown code's time is up.
 * A failed poll keeps the last reply on screen (the hall still sees the code and the counts) and
 * marks it as failing; polling goes on until the page is hidden or closed.
 */
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../api/client'
import type { LiveCheckin } from '../../shared/contract'
import type { Refusal } from '../../shared/errors'

export const POLL_MS = 5_000
/** Asked for a little after the code's slot ends, so the server is surely on the next slot. */
const AFTER_SLOT_MS = 250

export type Purpose = 'in' | 'out'

export interface LiveState {
  phase: 'loading' | 'ready' | 'refused'
  live?: LiveCheckin
  /** Which code `live` carries (the toggle may already ask for the other one). */
  purpose?: Purpose
  /** When `live` arrived, on this device's clock (the code's refreshInMs counts from here). */
  receivedAt: number
  refusal?: Refusal
  /** The last poll failed: `live` is older than it looks. */
  failing?: Refusal
}

export function useLiveCheckin(lectureId: string | undefined, purpose: Purpose) {
  const [state, setState] = useState<LiveState>({ phase: 'loading', receivedAt: 0 })
  const timer = useRef<ReturnType<typeof setTimeout>>()
  /** Only the latest request may change the screen (a toggle or a refresh can overtake a poll). */
  const ticket = useRef(0)
  const hidden = useRef(false)
  const shown = useRef(false)

  const poll = useCallback(async () => {
    if (!lectureId) return
    clearTimeout(timer.current)
    const mine = ++ticket.current
    const reply = await call('checkin', 'live', { lectureId, purpose })
    if (mine !== ticket.current) return
    let next = POLL_MS
    if (reply.ok) {
      shown.current = true
      setState({ phase: 'ready', live: reply.data, purpose, receivedAt: Date.now() })
      const refreshIn = reply.data.code?.refreshInMs
      if (refreshIn !== undefined) next = Math.min(POLL_MS, Math.max(0, refreshIn) + AFTER_SLOT_MS)
    } else {
      setState((s) => (s.live ? { ...s, failing: reply } : { phase: 'refused', refusal: reply, receivedAt: 0 }))
      // A refusal without a screen to keep (no right, no such lecture) will not change by asking again.
      if (reply.code !== 'NETWORK' && reply.code !== 'INTERNAL' && !shown.current) return
    }
    if (!hidden.current) timer.current = setTimeout(() => void pollRef.current(), next)
  }, [lectureId, purpose])

  const pollRef = useRef(poll)
  pollRef.current = poll
  // (Re)start when the lecture or the purpose changes; stop on leaving the page.
  useEffect(() => {
    void pollRef.current()
    return () => {
      clearTimeout(timer.current)
      ticket.current++
    }
  }, [lectureId, purpose])

  useDidHide(() => {
    hidden.current = true
    clearTimeout(timer.current)
  })
  useDidShow(() => {
    if (!hidden.current) return // the first show: the effect above already asked
    hidden.current = false
    void pollRef.current()
  })

  /** Ask now (after an action: the lists and counts change at once). */
  const refresh = useCallback(() => pollRef.current(), [])
  return { ...state, refresh }
}
