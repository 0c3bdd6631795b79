import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call } from '../../api/client'
import FilterBar from '../../components/FilterBar'
import LectureCard from '../../components/LectureCard'
import PageState from '../../components/PageState'
import SearchBox from '../../components/SearchBox'
import ThemeTabs from '../../components/ThemeTabs'
import type { LectureList, LectureSummary } from '../../shared/contract'
import type { Refusal } from '../../shared/errors'
import { DEFAULT_QUERY, listPayload, type ListQuery } from '../../utils/lectureQuery'
import { routes } from '../../utils/routes'
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

const openLecture = (lecture: LectureSummary) => void Taro.navigateTo({ url: routes.lecture(lecture.id) })

/** The lecture list: search, theme tabs, filter chips, lecture cards, keyset paging with "加载更多". */
export default function Index() {
  const [query, setQuery] = useState<ListQuery>(DEFAULT_QUERY)
  const [state, setState] = useState<ListState>(INITIAL)
  /** Only the latest request may change the list (a fast tab switch must not show a stale theme). */
  const ticket = useRef(0)
  const shownOnce = useRef(false)

  /** Load the first page of a query. `quiet` keeps the current list on screen while reloading. */
  const loadFirst = useCallback(async (q: ListQuery, quiet = false) => {
    const mine = ++ticket.current
    if (!quiet) setState(INITIAL)
    const reply = await call('lecture', 'list', listPayload(q, PAGE_SIZE))
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
    const reply = await call('lecture', 'list', listPayload(query, PAGE_SIZE, after))
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

  /** Change part of the query and load its first page (a tap on what is already chosen does nothing). */
  const choose = (change: Partial<ListQuery>) => {
    const q = { ...query, ...change }
    const same = q.theme === query.theme && q.filter === query.filter && q.q === query.q
    if (same && state.phase !== 'refused') return
    setQuery(q)
    void loadFirst(q)
  }

  useLoad(() => {
    void loadFirst(DEFAULT_QUERY)
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
      void loadFirst(query, true)
    }
  })

  return (
    <View className='index'>
      <SearchBox value={query.q} onSearch={(q) => choose({ q })} />
      <ThemeTabs value={query.theme} onChange={(theme) => choose({ theme })} />
      <FilterBar value={query.filter} onChange={(filter) => choose({ filter })} />

      <View className='index__body'>
        {state.phase !== 'ready' && (
          <PageState
            phase={state.phase === 'loading' ? 'loading' : 'refused'}
            refusal={state.refusal}
            onRetry={() => void loadFirst(query)}
          />
        )}

        {state.phase === 'ready' && state.items.length === 0 && (
          <View className='index__state'>
            <Text className='index__state-text'>暂无党课</Text>
            {query.q !== '' && (
              <>
                <Text className='index__state-detail'>{`没有找到与“${query.q}”有关的党课`}</Text>
                <Button className='index__button' onClick={() => choose({ q: '' })}>
                  清除搜索
                </Button>
              </>
            )}
          </View>
        )}

        {state.phase === 'ready' &&
          state.items.map((lecture) => (
            <LectureCard key={lecture.id} lecture={lecture} showTheme={!query.theme} onClick={openLecture} />
          ))}

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
