import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { call } from '../../api/client'
import FilterBar from '../../components/FilterBar'
import LectureCard from '../../components/LectureCard'
import PageState, { usePageLoad } from '../../components/PageState'
import SearchBox from '../../components/SearchBox'
import ThemeTabs from '../../components/ThemeTabs'
import type { LectureSummary } from '../../shared/contract'
import type { Refusal } from '../../shared/errors'
import { DEFAULT_QUERY, listPayload, type ListQuery } from '../../utils/lectureQuery'
import { routes } from '../../utils/routes'
import './index.scss'

const PAGE_SIZE = 20

/** The "加载更多" request, apart from the first page so that a failure keeps the list. */
type More = { phase: 'idle' | 'loading' } | { phase: 'refused'; refusal: Refusal }

const openLecture = (lecture: LectureSummary) => void Taro.navigateTo({ url: routes.lecture(lecture.id) })
/** 附近 opens its own page in the member sub-package: the location and consent code stay out of the main package. */
const openNearby = () => void Taro.navigateTo({ url: routes.nearby })

/** The lecture list: search, theme tabs, filter chips, lecture cards, keyset paging with "加载更多". */
export default function Index() {
  const [query, setQuery] = useState<ListQuery>(DEFAULT_QUERY)
  /** The first page of the query; a change of theme, filter or search loads it again. */
  const page = usePageLoad(
    () => call('lecture', 'list', listPayload(query, PAGE_SIZE)),
    [query.theme, query.filter, query.q],
    'mount',
  )
  const [more, setMore] = useState<More>({ phase: 'idle' })
  /** Only the latest 加载更多 of the current query may add to the list. */
  const moreTicket = useRef(0)
  const shownOnce = useRef(false)

  const loadMore = async () => {
    const after = page.data?.next
    if (!after || more.phase === 'loading') return
    const mine = ++moreTicket.current
    setMore({ phase: 'loading' })
    const reply = await call('lecture', 'list', listPayload(query, PAGE_SIZE, after))
    if (mine !== moreTicket.current) return
    if (!reply.ok) return setMore({ phase: 'refused', refusal: reply })
    page.update((list) => ({ items: [...list.items, ...reply.data.items], next: reply.data.next }))
    setMore({ phase: 'idle' })
  }

  /** Change part of the query and load its first page (a tap on what is already chosen does nothing). */
  const choose = (change: Partial<ListQuery>) => {
    const q = { ...query, ...change }
    const same = q.theme === query.theme && q.filter === query.filter && q.q === query.q
    if (same && page.phase !== 'refused') return
    moreTicket.current++
    setMore({ phase: 'idle' })
    if (same) void page.reload()
    else setQuery(q)
  }

  // Coming back to the page (e.g. after signing up on a lecture) refreshes seats left without
  // blanking the list. The first show is the load above; once the member has paged further, the
  // list is left as it is so that they keep their place.
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true
      return
    }
    if (page.phase === 'ready' && more.phase === 'idle' && page.data.items.length <= PAGE_SIZE) {
      void page.quietReload()
    }
  })

  const items = page.data?.items ?? []
  return (
    <View className='index'>
      <SearchBox value={query.q} onSearch={(q) => choose({ q })} />
      <ThemeTabs value={query.theme} onChange={(theme) => choose({ theme })} />
      <FilterBar
        value={query.filter}
        onChange={(filter) => (filter === 'nearby' ? openNearby() : choose({ filter }))}
      />
      <View className='index__topics' onClick={() => void Taro.navigateTo({ url: routes.topics })}>
        <Text>重点选题 ›</Text>
      </View>

      <View className='index__body'>
        {page.phase !== 'ready' && (
          <PageState phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
        )}

        {page.phase === 'ready' && items.length === 0 && (
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

        {items.map((lecture) => (
          <LectureCard key={lecture.id} lecture={lecture} showTheme={!query.theme} onClick={openLecture} />
        ))}

        {more.phase === 'refused' && (
          <View className='index__more-refusal'>
            <Text className='index__state-text'>{more.refusal.message}</Text>
          </View>
        )}

        {/* No `disabled` prop: the platforms' disabled styles have too little contrast (and Taro h5
            renders disabled={false} as an attribute that its CSS treats as disabled). A tap while
            loading is ignored by loadMore; the busy look is our own class. */}
        {page.data?.next && (
          <Button
            className={`index__button index__button--more${more.phase === 'loading' ? ' index__button--busy' : ''}`}
            onClick={() => void loadMore()}
          >
            {more.phase === 'loading' ? '正在加载…' : more.phase === 'refused' ? '重试' : '加载更多'}
          </Button>
        )}
      </View>
    </View>
  )
}
