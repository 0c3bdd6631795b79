import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../ActionButton'
import { PLACEHOLDER_STYLE } from '../FormField'
import './index.scss'

export interface MemberCodeScanProps {
  /** A code was read: check the member in with it. */
  onCode: (code: string) => void
  busy: boolean
}

/**
 * 扫党员码: the other direction, for a member who cannot scan. WeChat scans the member's personal
 * QR code with the camera; a browser (a PC at the hall) has a field instead, where a USB scanner
 * types the code and presses Enter, or the secretary pastes it. Class prefix `member-code-scan`.
 */
function MemberCodeScan(props: MemberCodeScanProps) {
  const { onCode, busy } = props
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string>()

  if (process.env.TARO_ENV === 'weapp') {
    const scan = async () => {
      setProblem(undefined)
      try {
        const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
        if (res.result) onCode(res.result)
      } catch (err) {
        if (!String((err as { errMsg?: string })?.errMsg ?? err).includes('cancel')) {
          setProblem('没有扫到党员码，请让对方把码放在取景框中间再试')
        }
      }
    }
    return (
      <View className='member-code-scan'>
        <ActionButton variant='plain' busy={busy} onClick={() => void scan()}>
          {busy ? '正在签到…' : '扫党员码'}
        </ActionButton>
        {problem && <Text className='member-code-scan__problem'>{problem}</Text>}
      </View>
    )
  }

  const submit = () => {
    const code = typed.trim()
    if (!code) return setProblem('请用扫码枪扫党员码，或粘贴党员码的内容')
    setProblem(undefined)
    setTyped('')
    onCode(code)
  }
  return (
    <View className='member-code-scan'>
      <Text className='member-code-scan__label'>党员码（扫码枪扫描，或粘贴内容）</Text>
      <View className='member-code-scan__row'>
        <Input
          id='member-code'
          className='member-code-scan__input'
          value={typed}
          placeholder='点这里，再扫党员手机上的党员码'
          placeholderStyle={PLACEHOLDER_STYLE}
          maxlength={200}
          confirmType='done'
          onInput={(e) => {
            setTyped(e.detail.value)
            setProblem(undefined)
          }}
          onConfirm={submit}
        />
        <ActionButton busy={busy} className='member-code-scan__button' onClick={submit}>
          {busy ? '正在签到…' : '签到'}
        </ActionButton>
      </View>
      {problem && <Text className='member-code-scan__problem'>{problem}</Text>}
    </View>
  )
}

MemberCodeScan.displayName = 'MemberCodeScan'

export default MemberCodeScan
