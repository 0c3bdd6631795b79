import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import NameAndPhone from '../../components/NameAndPhone'
import RefusalBox from '../../components/RefusalBox'
import TextField from '../../components/TextField'
import { memberProcedures } from '../../shared/contract/member'
import { useFormSubmit } from '../../utils/useFormSubmit'
import { routes } from '../../utils/routes'
import './index.scss'

/** The member schema has no member-facing words for a missing or long name. */
const WORDING = { name: '请填写姓名（最多20个字）' }

/**
 * 首次启用: the person who received the new environment's setup code (scripts/setup-city.ts) becomes its
 * first city administrator, with their name and phone. The code works once.
 */
export default function Setup() {
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const { errors, busy, refused, submit: send } = useFormSubmit(WORDING)

  const submit = () =>
    send(
      memberProcedures.claimSetup.input.safeParse({ code, name, phone }),
      (input) => call('member', 'claimSetup', input),
      () => {
        void Taro.showToast({ title: '启用成功', icon: 'success' })
        void Taro.reLaunch({ url: routes.mine })
      },
    )

  const done = refused?.code === 'SETUP_DONE' || refused?.code === 'ALREADY_BOUND'

  return (
    <View className='setup'>
      <View className='setup__form'>
        <Text className='setup__title'>首位市级管理员</Text>
        <Text className='setup__hint'>
          启用码是部署本系统的同志交给您的12位字母或数字，只能用一次。启用后，您就是全市的管理员。
        </Text>
        <TextField
          className='setup__field'
          inputClassName='setup__code'
          label='启用码'
          maxlength={16}
          value={code}
          placeholder='如 ABCD-EFGH-JKLM'
          error={errors.code}
          onInput={(v) => setCode(v.toUpperCase())}
        />
        <NameAndPhone
          block='setup'
          name={name}
          phone={phone}
          namePlaceholder='您的姓名'
          errors={errors}
          onName={setName}
          onPhone={setPhone}
        />

        <RefusalBox block='setup' refusal={refused} />

        <Button className={`setup__button${busy ? ' setup__button--busy' : ''}`} onClick={() => void submit()}>
          {busy ? '正在启用…' : '启用'}
        </Button>

        {done && (
          <Button
            className='setup__button setup__button--plain'
            onClick={() => void Taro.switchTab({ url: routes.mine })}
          >
            回到我的
          </Button>
        )}
      </View>
    </View>
  )
}
