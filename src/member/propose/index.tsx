import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import RefusalBox from '../../components/RefusalBox'
import StatusTag from '../../components/StatusTag'
import TextField from '../../components/TextField'
import TopicPicker from '../../components/TopicPicker'
import { chinaYear } from '../../shared/chinaTime'
import { proposalProcedures, type ProposalView } from '../../shared/contract/proposal'
import { THEMES, themeName, type ThemeCode } from '../../shared/themes'
import { useFormSubmit } from '../../utils/useFormSubmit'
import { routes } from '../../utils/routes'
import { proposalStatusLabel } from '../../utils/status'
import './index.scss'

const OUTLINE_MAX = 2000

/** The proposal schema's own message for a missing theme lists the codes; a member needs words. */
const WORDING = { theme: '请选择一种党课形式' }

/** 个人自荐: a member proposes a lecture (theme, title, outline); the branch secretary decides. */
export default function Propose() {
  const [theme, setTheme] = useState<ThemeCode>()
  const [title, setTitle] = useState('')
  const [outline, setOutline] = useState('')
  const [topicId, setTopicId] = useState<string>()
  const [sent, setSent] = useState<ProposalView>()
  const { errors, busy, refused, submit: send } = useFormSubmit(WORDING)

  const submit = () =>
    send(
      proposalProcedures.propose.input.safeParse({ theme, title, outline, topicId }),
      (input) => call('proposal', 'propose', input),
      setSent,
    )

  if (sent) {
    return (
      <View className='propose'>
        <View className='propose__done' role='status'>
          <Text className='propose__done-title'>已提交</Text>
          <Text className='propose__done-text'>
            您的自荐已交给支部书记。书记审核后，结果会显示在“我的”页的“我的自荐”里。
          </Text>
          <View className='propose__sent'>
            <Text className='propose__sent-title'>{sent.title}</Text>
            <Text className='propose__sent-theme'>{themeName(sent.theme)}</Text>
            <StatusTag {...proposalStatusLabel(sent.status)} />
          </View>
          <Button className='propose__button' onClick={() => void Taro.switchTab({ url: routes.mine })}>
            回到我的
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='propose'>
      <View className='propose__section'>
        <Text className='propose__label'>党课形式</Text>
        <View className='propose__themes' role='radiogroup'>
          {THEMES.map((t) => {
            const chosen = t.code === theme
            return (
              <View
                key={t.code}
                className={`propose__theme${chosen ? ' propose__theme--chosen' : ''}`}
                role='radio'
                aria-checked={chosen}
                onClick={() => setTheme(t.code)}
              >
                <View className='propose__theme-head'>
                  <Text className='propose__theme-name'>{t.name}</Text>
                  {chosen && <Text className='propose__theme-mark'>✓ 已选</Text>}
                </View>
                <Text className='propose__theme-meaning'>{t.meaning}</Text>
              </View>
            )
          })}
        </View>
        {errors.theme && <Text className='propose__error'>{errors.theme}</Text>}
      </View>

      <View className='propose__section'>
        <TextField
          label='题目'
          maxlength={60}
          value={title}
          placeholder='例如：讲讲咱村的老支书'
          error={errors.title}
          onInput={setTitle}
        />
      </View>

      <View className='propose__section'>
        <TextField
          label='提纲'
          hint='想讲哪几部分、讲哪些故事，至少10个字。'
          multiline
          maxlength={OUTLINE_MAX}
          value={outline}
          placeholder='一、……　二、……　三、……'
          error={errors.outline}
          onInput={setOutline}
        />
      </View>

      <View className='propose__section'>
        <Text className='propose__label'>重点选题（可不选）</Text>
        <TopicPicker year={chinaYear(Date.now())} value={topicId} onChange={(t) => setTopicId(t?.id)} />
      </View>

      <View className='propose__section propose__section--submit'>
        <RefusalBox block='propose' refusal={refused} />
        <Button className={`propose__button${busy ? ' propose__button--busy' : ''}`} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交自荐'}
        </Button>
        <Text className='propose__hint'>提交后由支部书记审核，采纳后会安排您主讲。</Text>
      </View>
    </View>
  )
}
