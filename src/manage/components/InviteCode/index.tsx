import { Text, View } from '@tarojs/components'
import './index.scss'

/** 邀请码 and the code, large and selectable, to read out or copy to the person. Class prefix `invite-code`. */
function InviteCode({ code }: { code: string }) {
  return (
    <View className='invite-code'>
      <Text className='invite-code__label'>邀请码</Text>
      <Text className='invite-code__code' userSelect>
        {code}
      </Text>
    </View>
  )
}

InviteCode.displayName = 'InviteCode'

export default InviteCode
