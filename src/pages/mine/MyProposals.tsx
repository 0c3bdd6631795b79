import { Button, Text, View } from '@tarojs/components'
import StatusTag from '../../components/StatusTag'
import type { ProposalView } from '../../shared/contract'
import { themeName } from '../../shared/themes'
import { formatDay } from '../../shared/chinaTime'
import { routes } from '../../utils/routes'
import { proposalStatusLabel } from '../../utils/status'
import { go } from './go'
import type { Items } from './MyLectures'
import SectionRefusal from './SectionRefusal'

function ProposalRow({ proposal }: { proposal: ProposalView }) {
  return (
    <View className='mine__row'>
      <View className='mine__row-main'>
        <Text className='mine__row-title'>{proposal.title}</Text>
        <Text className='mine__row-note'>{`${themeName(proposal.theme)} · ${formatDay(proposal.createdAt)}提交`}</Text>
        {proposal.status === 'declined' && proposal.reason && (
          <Text className='mine__row-reason'>{`原因：${proposal.reason}`}</Text>
        )}
      </View>
      <StatusTag {...proposalStatusLabel(proposal.status)} />
    </View>
  )
}

/** 我的自荐: the member's proposals to give a lecture, and 我要讲党课. */
export default function MyProposals({ proposals }: { proposals?: Items<ProposalView> }) {
  return (
    <View className='mine__section'>
      <Text className='mine__section-title'>我的自荐</Text>
      {proposals && !proposals.ok && <SectionRefusal refusal={proposals} />}
      {proposals?.ok && proposals.data.items.length === 0 && <Text className='mine__empty'>您还没有自荐讲党课</Text>}
      {proposals?.ok && proposals.data.items.map((p) => <ProposalRow key={p.id} proposal={p} />)}
      <Button className='mine__button' onClick={() => go(routes.propose)}>
        我要讲党课
      </Button>
    </View>
  )
}
