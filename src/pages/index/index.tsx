import { Button, ScrollView, Text, View } from '@tarojs/components'
import { useDidShow, useLoad } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call } from '../../api/client'
import LectureCard from '../../components/LectureCard'
import type { LectureList, LectureSummary } from '../../shared/contract'
import type { Refusal } from '../../shared/errors'
import { THEMES, type ThemeCode } from '../../shared/themes'
import './index.scss'

const PAGE_SIZE = 20

type Cursor = NonNullable<LectureList['next']>

interface ListState {
  /** first page: loading, shown, or refused (the whole list area shows the refusal) */
  phase: 'loading' | 'ready' | 'refused'
  items: LectureSummary[]
  next?: Cursor
  refusal?: Refusal
  /** the "加载更多" request, apart from the first page so that a failure keeps the list */
  more: 'idle' | 'loading' | 'refused'
  moreRefusal?: Refusal
}

const INITIAL: ListState = { phase: 'loading', items: [], more: 'idle' }

const TABS: { code: ThemeCode | undefined; name: string }[] = [
  { code: undefined, name: '全部' },
  ...THEMES.map((t) => ({ code: t.code, name: t.name })),
]

/** The lecture list: theme tabs, lecture cards, keyset paging with "加载更多". */
export default function Index() {
  const [theme, setTheme] = useState<ThemeCode | undefined>(undefined)
  const [state, setState] = useState<ListState>(INITIAL)
  /** Only the latest request may change the list (a fast tab switch must not show a stale theme). */
  const ticket = useRef(0)
  const shownOnce = useRef(false)

  /** Load the first page of a theme. `quiet` keeps the current list on screen while reloading. */
  const loadFirst = useCallback(async (code: ThemeCode | undefined, quiet = false) => {
    const mine = ++ticket.current
    if (!quiet) setState(INITIAL)
    const reply = await call('lecture', 'list', { pageSize: PAGE_SIZE, ...(code ? { theme: code } : {}) })
    if (mine !== ticket.current) return
    if (reply.ok) {
      setState({ phase: 'ready', items: reply.data.items, next: reply.data.next, more: 'idle' })
    } else if (!quiet) {
      setState({ ...INITIAL, phase: 'refused', refusal: reply })
    }
  }, [])

  const loadMore = async () => {
    const after = state.next
    if (!after || state.more === 'loading') return
    const mine = ++ticket.current
    setState((s) => ({ ...s, more: 'loading', moreRefusal: undefined }))
    const reply = await call('lecture', 'list', { pageSize: PAGE_SIZE, after, ...(theme ? { theme } : {}) })
    if (mine !== ticket.current) return
    if (reply.ok) {
      setState((s) => ({
        ...s,
        items: [...s.items, ...reply.data.items],
        next: reply.data.next,
        more: 'idle',
      }))
    } else {
      setState((s) => ({ ...s, more: 'refused', moreRefusal: reply }))
    }
  }

  const chooseTheme = (code: ThemeCode | undefined) => {
    if (code === theme && state.phase !== 'refused') return
    setTheme(code)
    void loadFirst(code)
  }

  useLoad(() => {
    void loadFirst(undefined)
  })

  // Coming back to the page (e.g. after signing up on a lecture) refreshes seats left without
  // blanking the list. The first show is the load above; once the member has paged further, the
  // list is left as it is so that they keep their place.
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true
      return
    }
    if (state.phase === 'ready' && state.more === 'idle' && state.items.length <= PAGE_SIZE) {
      void loadFirst(theme, true)
    }
  })

  return (
    <View className='index'>
      <ScrollView className='index__tabs' scrollX enhanced showScrollbar={false}>
        {TABS.map((tab) => {
          const active = tab.code === theme
          return (
            <View
              key={tab.code ?? 'all'}
              className={`index__tab${active ? ' index__tab--active' : ''}`}
              onClick={() => chooseTheme(tab.code)}
            >
              <Text className='index__tab-text'>{tab.name}</Text>
            </View>
          )
        })}
      </ScrollView>

      <View className='index__body'>
        {state.phase === 'loading' && (
          <View className='index__state'>
            <Text className='index__state-text'>正在加载…</Text>
          </View>
        )}

        {state.phase === 'refused' && state.refusal && (
          <View className='index__state'>
            <Text className='index__state-text'>{state.refusal.message}</Text>
            {state.refusal.explanation && <Text className='index__state-detail'>{state.refusal.explanation}</Text>}
            <Button className='index__button' onClick={() => void loadFirst(theme)}>
              重试
            </Button>
          </View>
        )}

        {state.phase === 'ready' && state.items.length === 0 && (
          <View className='index__state'>
            <Text className='index__state-text'>暂无党课</Text>
          </View>
        )}

        {state.phase === 'ready' &&
          state.items.map((lecture) => <LectureCard key={lecture.id} lecture={lecture} showTheme={!theme} />)}

        {state.phase === 'ready' && state.more === 'refused' && state.moreRefusal && (
          <View className='index__more-refusal'>
            <Text className='index__state-text'>{state.moreRefusal.message}</Text>
          </View>
        )}

        {/* No `disabled` prop: the platforms' disabled styles have too little contrast (and Taro h5
            renders disabled={false} as an attribute that its CSS treats as disabled). A tap while
            loading is ignored by loadMore; the busy look is our own class. */}
        {state.phase === 'ready' && state.next && (
          <Button
            className={`index__button index__button--more${state.more === 'loading' ? ' index__button--busy' : ''}`}
            onClick={() => void loadMore()}
          >
            {state.more === 'loading' ? '正在加载…' : state.more === 'refused' ? '重试' : '加载更多'}
          </Button>
        )}
      </View>
    </View>
  )
}
