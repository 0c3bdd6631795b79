import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import TextField from '../../components/TextField'
import type { OrgNodeView } from '../../shared/contract'
import type { OrgKind } from '../../shared/model'
import { ORG_KINDS, mayNestUnder } from '../../shared/orgTree'
import { ORG_KIND } from '../../shared/words'
import { ChoiceChips, type Action } from '../components'
import SubmitOrBack from './SubmitOrBack'

/** The city is the root: every other kind may be added under some node. */
type ChildKind = Exclude<OrgKind, 'city'>

interface Props {
  node: OrgNodeView
  action: Action
  /** Added: close the form and show the new child. */
  onAdded: (name: string) => Promise<unknown>
  onBack: () => void
}

/** 新增下级: a name, a kind among those that may nest here, and the official code if there is one. */
export default function AddChildForm({ node, action, onAdded, onBack }: Props) {
  const kinds = ORG_KINDS.filter((k): k is ChildKind => k !== 'city' && mayNestUnder(k, node.kind))
  const [name, setName] = useState('')
  const [kind, setKind] = useState<ChildKind | undefined>(kinds.length === 1 ? kinds[0] : undefined)
  const [code, setCode] = useState('')

  const add = () => {
    if (!kind) return action.setMessage({ tone: 'error', text: '请选择下级组织的类型' })
    const trimmed = { name: name.trim(), code: code.trim() }
    void action.run(
      () =>
        call('org', 'add', {
          parentId: node.id,
          name: trimmed.name,
          kind,
          ...(trimmed.code ? { code: trimmed.code } : {}),
        }),
      () => onAdded(trimmed.name),
    )
  }

  return (
    <View className='manage-org__form'>
      <Text className='manage-org__form-title'>{`在「${node.name}」下新增组织`}</Text>
      <TextField label='名称' value={name} onInput={setName} maxlength={50} placeholder='如：文化东路街道' />
      <Text className='manage-org__label'>类型</Text>
      <ChoiceChips options={kinds.map((k) => ({ value: k, label: ORG_KIND[k] }))} value={kind} onChange={setKind} />
      <TextField label='组织代码（选填）' value={code} onInput={setCode} maxlength={40} />
      <SubmitOrBack label='新增' busy={action.busy} onSubmit={add} onBack={onBack} />
    </View>
  )
}
