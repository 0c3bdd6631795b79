import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../api/client'
import type { RosterEntry } from '../../shared/contract'
import { ROLE } from '../../shared/words'
import { ChoiceChips, Notice, useAction } from '../components'

type BranchRoleName = 'secretary' | 'committee' | 'member'
const CHOICES: BranchRoleName[] = ['secretary', 'committee', 'member']

/** A member's 职务 in the branch: the highest they hold. */
const heldRole = (entry: RosterEntry): BranchRoleName => CHOICES.find((role) => entry.roles.includes(role)) ?? 'member'

/**
 * 职务, set in the app by an administrator above the branch (the roster's file sets it too): a tap on
 * another 职务 asks once, then org.setBranchRole; the roster is read again.
 */
export default function BranchRole({ entry, refresh }: { entry: RosterEntry; refresh: () => Promise<unknown> }) {
  const action = useAction()
  const held = heldRole(entry)

  const change = async (role: BranchRoleName) => {
    if (role === held || action.busy) return
    const { confirm } = await Taro.showModal({
      title: '修改职务',
      content: `把${entry.name}的职务改为「${ROLE[role]}」？`,
      confirmText: '修改',
      cancelText: '不改',
    })
    if (!confirm) return
    await action.run(
      () => call('org', 'setBranchRole', { memberId: entry.id, role }),
      async () => {
        await refresh()
        action.setMessage({ tone: 'success', text: `${entry.name}的职务已改为「${ROLE[role]}」` })
      },
    )
  }

  return (
    <View className='manage-members__role'>
      <Text className='manage-members__role-label'>职务</Text>
      <ChoiceChips
        options={CHOICES.map((role) => ({ value: role, label: ROLE[role] }))}
        value={held}
        onChange={(role) => void change(role)}
      />
      {action.message && <Notice {...action.message} />}
    </View>
  )
}
