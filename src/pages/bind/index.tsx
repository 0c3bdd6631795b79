import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import NameAndPhone from '../../components/NameAndPhone'
import RefusalBox from '../../components/RefusalBox'
import TextField from '../../components/TextField'
// The contract's bind rules without zod: any zod here would bring zod's whole core into the main package.
import { checkBind } from '../../shared/bindRules'
import { useFormSubmit } from '../../utils/useFormSubmit'
import { routes } from '../../utils/routes'
import './index.scss'

type Method = 'invite' | 'roster'

const METHODS: { code: Method; name: string; hint: string }[] = [
  { code: 'invite', name: '用邀请码', hint: '邀请码是支部发给您的6位字母或数字。' },
  { code: 'roster', name: '用姓名和手机号', hint: '请填写在支部登记的姓名和手机号。' },
]

/** Bind this WeChat to a member of the roster, once: by invite code, or by name and phone. */
export default function Bind() {
  const [method, setMethod] = useState<Method>('invite')
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const { errors, busy, refused, submit: send, clear } = useFormSubmit()

  const choose = (m: Method) => {
    setMethod(m)
    clear()
  }

  const submit = () =>
    send(
      checkBind(method === 'invite' ? { method, code } : { method, name, phone }),
      (input) => call('member', 'bind', input),
      () => {
        void Taro.showToast({ title: '绑定成功', icon: 'success' })
        void Taro.switchTab({ url: routes.mine })
      },
    )

  const hint = METHODS.find((m) => m.code === method)?.hint

  return (
    <View className='bind'>
      <View className='bind__methods' role='tablist'>
        {METHODS.map((m) => (
          <View
            key={m.code}
            className={`bind__method${m.code === method ? ' bind__method--active' : ''}`}
            role='tab'
            aria-selected={m.code === method}
            onClick={() => choose(m.code)}
          >
            <Text className='bind__method-text'>{m.name}</Text>
          </View>
        ))}
      </View>

      <View className='bind__form'>
        <Text className='bind__hint'>{hint}</Text>

        {method === 'invite' ? (
          <TextField
            className='bind__field'
            inputClassName='bind__code'
            label='邀请码'
            maxlength={6}
            value={code}
            placeholder='6位字母或数字'
            error={errors.code}
            onInput={(v) => setCode(v.toUpperCase())}
          />
        ) : (
          <NameAndPhone
            block='bind'
            name={name}
            phone={phone}
            namePlaceholder='在支部登记的姓名'
            errors={errors}
            onName={setName}
            onPhone={setPhone}
          />
        )}

        <RefusalBox block='bind' refusal={refused} />

        <Button className={`bind__button${busy ? ' bind__button--busy' : ''}`} onClick={() => void submit()}>
          {busy ? '正在绑定…' : '绑定'}
        </Button>

        <Text className='bind__privacy' onClick={() => void Taro.navigateTo({ url: routes.privacy })}>
          查看《隐私政策》
        </Text>

        {refused?.code === 'ALREADY_BOUND' && (
          <Button
            className='bind__button bind__button--plain'
            onClick={() => void Taro.switchTab({ url: routes.mine })}
          >
            回到我的
          </Button>
        )}
      </View>

      {/* For the first city administrator only, so as small as it can be (main package) */}
      <Text className='bind__setup' onClick={() => void Taro.navigateTo({ url: routes.setup })}>
        首次启用（有启用码）
      </Text>
    </View>
  )
}
