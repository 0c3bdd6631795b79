import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActionButton } from '../components'
import { pageUrl } from '../utils/route'

export interface BranchLinksProps {
  /** The branch in view, for 学时统计 (above branches the server takes the caller's own). */
  branchId?: string
  /** 学时标准 is the administrators' page. */
  admin: boolean
}

/** 支部事务: the branch's other manage pages. */
export default function BranchLinks({ branchId, admin }: BranchLinksProps) {
  const links = [
    { label: '党员自荐', url: pageUrl('proposals') },
    { label: '支部名册', url: pageUrl('members') },
    { label: '学时统计', url: pageUrl('hours', { branchId }) },
    ...(admin ? [{ label: '学时标准', url: pageUrl('targets') }] : []),
  ]
  return (
    <View className='manage-lectures__links'>
      <Text className='manage-lectures__links-title'>支部事务</Text>
      <View className='manage-lectures__link-row'>
        {links.map((link) => (
          <ActionButton
            key={link.label}
            variant='plain'
            className='manage-lectures__link'
            onClick={() => void Taro.navigateTo({ url: link.url })}
          >
            {link.label}
          </ActionButton>
        ))}
      </View>
    </View>
  )
}
