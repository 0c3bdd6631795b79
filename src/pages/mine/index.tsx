import { Button, Text, View } from '@tarojs/components'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import type { Me, MyLectureItem, ProposalView } from '../../shared/contract'
import type { Reply } from '../../shared/errors'
import { roleNames } from '../../utils/member'
import { routes } from '../../utils/routes'
import { go } from './go'
import { CheckinEntries, ManageEntries } from './MineEntries'
import MyLectures, { type Items } from './MyLectures'
import MyProposals from './MyProposals'
import './index.scss'

interface MineData {
  me: Me
  /** Each list on its own: a refused one shows in its section, the rest of the page still shows. */
  upcoming?: Items<MyLectureItem>
  past?: Items<MyLectureItem>
  proposals?: Items<ProposalView>
  /** 待评价: how many attended lectures wait for the member's rating. */
  toRate?: Reply<{ items: unknown[] }>
}

/** Who the member is first; their lectures and proposals only when a member is bound. */
async function loadMine(): Promise<Reply<MineData>> {
  const me = await call('member', 'me', {})
  if (!me.ok) return me
  if (!me.data.bound) return { ok: true, data: { me: me.data } }
  const [upcoming, past, proposals, toRate] = await Promise.all([
    call('signup', 'mine', { scope: 'upcoming' }),
    call('signup', 'mine', { scope: 'past' }),
    call('proposal', 'mine', {}),
    call('rating', 'pending', {}),
  ])
  return { ok: true, data: { me: me.data, upcoming, past, proposals, toRate } }
}

function BindCard() {
  return (
    <View className='mine'>
      <View className='mine__card mine__card--bind'>
        <Text className='mine__card-title'>您还没有绑定党员身份</Text>
        <Text className='mine__card-text'>
          绑定后就能报名党课、查看自己的报名和学时。可以用支部给的6位邀请码绑定，也可以填写姓名和手机号绑定。
        </Text>
        <Button className='mine__button' onClick={() => go(routes.bind)}>
          去绑定
        </Button>
      </View>
    </View>
  )
}

/** 我的: who I am, my lectures by state, my proposals, and the secretary's pages for those who manage. */
export default function Mine() {
  // A tab page: every return (after signing up, binding or proposing) shows the latest, in place.
  const page = usePageLoad(loadMine, [])

  if (page.phase !== 'ready') {
    return <PageState className='mine' phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
  }

  const { me, upcoming, past, proposals, toRate } = page.data
  const waiting = toRate?.ok ? toRate.data.items.length : 0
  const member = me.member
  if (!me.bound || !member) return <BindCard />

  return (
    <View className='mine'>
      <View className='mine__card'>
        <Text className='mine__name'>{member.name}</Text>
        <Text className='mine__card-text'>{member.branchName}</Text>
        <Text className='mine__card-text'>{roleNames(member.roles)}</Text>
      </View>

      {waiting > 0 && (
        <View className='mine__section'>
          <View className='mine__entry' hoverClass='mine__row--pressed' onClick={() => go(routes.toRate)}>
            <Text className='mine__entry-text'>{`待评价 (${waiting})`}</Text>
            <Text className='mine__entry-arrow'>›</Text>
          </View>
        </View>
      )}
      {!!member.invitationsPending && (
        <View
          className='mine__entry mine__invitations'
          hoverClass='mine__row--pressed'
          onClick={() => go(routes.invitations)}
        >
          <Text className='mine__entry-text'>{`讲课邀请 (${member.invitationsPending})`}</Text>
          <Text className='mine__entry-arrow'>›</Text>
        </View>
      )}
      <CheckinEntries />
      <ManageEntries member={member} />
      <MyLectures upcoming={upcoming} past={past} />
      <MyProposals proposals={proposals} />
    </View>
  )
}
