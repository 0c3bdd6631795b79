import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AppointmentView } from '../../shared/contract'
import { ROLE } from '../../shared/words'
import { ActionButton, InviteCode, Notice, PageState, useAction } from '../components'
import { call } from '../../api/client'

interface Props {
  appointments: AppointmentView[]
  /** Ask for the list again keeping it on screen (after a removal). */
  refresh: () => Promise<unknown>
}

const key = (a: AppointmentView) => `${a.memberId}:${a.role}`

/** Who holds which role where, whether they have bound (else their invite code, large), and 撤下 after a confirmation. */
export default function AppointmentList({ appointments, refresh }: Props) {
  const action = useAction()

  const dismiss = async (a: AppointmentView) => {
    const { confirm } = await Taro.showModal({
      title: `撤下${ROLE[a.role]}`,
      content: `撤下${a.name}的「${a.orgName}」${ROLE[a.role]}职务？撤下后，对方下次打开小程序时就不再有这个权限。`,
      confirmText: '撤下',
      cancelText: '不撤下',
    })
    if (!confirm) return
    await action.run(
      () => call('org', 'dismiss', { memberId: a.memberId, role: a.role }),
      async () => {
        await refresh()
        action.setMessage({ tone: 'success', text: `已撤下${a.name}的${ROLE[a.role]}职务` })
      },
    )
  }

  return (
    <View className='manage-appoint__list'>
      <Text className='manage-appoint__section-title'>{`现任（${appointments.length}人）`}</Text>
      {action.message && <Notice {...action.message} />}
      {appointments.length === 0 && <PageState phase='empty' empty='还没有任命管理员或评审专家' />}
      {appointments.map((a) => (
        <View key={key(a)} className='manage-appoint__row'>
          <View className='manage-appoint__line'>
            <Text className='manage-appoint__name'>{a.name}</Text>
            <Text className={`manage-appoint__role manage-appoint__role--${a.role}`}>{ROLE[a.role]}</Text>
          </View>
          <Text className='manage-appoint__detail'>
            {`${a.orgName} · ${a.phone}${a.outsider ? ' · 外部人员' : ''} · ${a.bound ? '已绑定' : '未绑定'}`}
          </Text>
          {!a.bound && a.inviteCode && <InviteCode code={a.inviteCode} />}
          <ActionButton
            size='small'
            variant='quiet'
            className='manage-appoint__dismiss'
            onClick={() => void dismiss(a)}
          >
            撤下
          </ActionButton>
        </View>
      ))}
    </View>
  )
}
