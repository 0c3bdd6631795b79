import { Button, Image, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import RefusalBox from '../../components/RefusalBox'
import type { LecturerProfile } from '../../shared/contract'
import { formatDateTime } from '../../shared/chinaTime'
import type { Refusal } from '../../shared/errors'
import { LECTURER_LIMITS, ratingWords } from '../../shared/lecturerRules'
import { themeName } from '../../shared/themes'
import { readParam, routes } from '../../utils/routes'
import Taro from '@tarojs/taro'
import Invite from './Invite'
import './index.scss'

/**
 * A lecturer's profile in the 师资库, for anyone who follows a link to it (the lecture page's lecturer name):
 * who they are, the lectures given with their ratings (评价人数不足 under 3), awards (issue 9). The lecturer
 * themselves gets 编辑我的介绍; a secretary or administrator of another node 邀请讲课 (Invite.tsx).
 */
export default function Lecturer() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const page = usePageLoad(() => call('lecturer', 'profile', { id }), [id])
  if (page.phase !== 'ready') {
    return (
      <PageState className='lecturer' phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
    )
  }
  const p = page.data
  return (
    <View className='lecturer'>
      <View className='lecturer__card'>
        {p.photoUrl && <Image className='lecturer__photo' src={p.photoUrl} mode='aspectFill' />}
        <Text className='lecturer__name'>{p.name}</Text>
        {(p.title || p.unit) && <Text className='lecturer__note'>{[p.title, p.unit].filter(Boolean).join(' · ')}</Text>}
        {p.status === 'removed' && <Text className='lecturer__removed'>已移出师资库</Text>}
        <Text className='lecturer__note'>{`讲过 ${p.given} 场党课 · ${ratingWords(p)}`}</Text>
        {p.themes.length > 0 && <Text className='lecturer__note'>{`擅长：${p.themes.map(themeName).join('、')}`}</Text>}
      </View>
      <Intro profile={p} onSaved={(intro) => page.update((d) => ({ ...d, intro }))} />
      <Invite profile={p} />
      <View className='lecturer__section'>
        <Text className='lecturer__heading'>讲过的党课</Text>
        {p.lectures.length === 0 && <Text className='lecturer__note'>还没有讲过的党课</Text>}
        {p.lectures.map((l) => (
          <View
            key={l.id}
            className='lecturer__row'
            onClick={() => void Taro.navigateTo({ url: routes.lecture(l.id) })}
          >
            <Text className='lecturer__row-title'>{l.title}</Text>
            <Text className='lecturer__note'>{`${formatDateTime(l.startAt)} · ${l.hostOrgName}`}</Text>
            <Text className='lecturer__note'>{ratingWords(l)}</Text>
          </View>
        ))}
      </View>
      <View className='lecturer__section'>
        <Text className='lecturer__heading'>获奖</Text>
        <Text className='lecturer__note'>
          {p.awards.length ? p.awards.map((a) => `${a.year} ${a.title}`).join('；') : '暂无'}
        </Text>
      </View>
    </View>
  )
}

/** 个人介绍, and 编辑我的介绍 for the lecturer themselves (lecturer.editMine keeps their specialties). */
function Intro({ profile: p, onSaved }: { profile: LecturerProfile; onSaved: (intro: string) => void }) {
  const [draft, setDraft] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<Refusal>()
  const save = async () => {
    if (draft === undefined || busy) return
    setBusy(true)
    const reply = await call('lecturer', 'editMine', { intro: draft, themes: p.themes, topicIds: p.topicIds })
    setBusy(false)
    if (!reply.ok) return setRefusal(reply)
    onSaved(draft.trim())
    setDraft(undefined)
  }
  return (
    <View className='lecturer__section'>
      <Text className='lecturer__heading'>个人介绍</Text>
      {draft === undefined ? (
        <Text className='lecturer__intro'>{p.intro || '暂无介绍'}</Text>
      ) : (
        <Textarea
          className='lecturer__input'
          value={draft}
          maxlength={LECTURER_LIMITS.intro}
          onInput={(e) => setDraft(e.detail.value)}
        />
      )}
      {p.isMine && p.status === 'active' && draft === undefined && (
        <Button className='lecturer__button' onClick={() => setDraft(p.intro)}>
          编辑我的介绍
        </Button>
      )}
      {draft !== undefined && (
        <Button className='lecturer__button' disabled={busy} onClick={() => void save()}>
          保存介绍
        </Button>
      )}
      <RefusalBox block='lecturer' refusal={refusal} />
    </View>
  )
}
