import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import TextField from '../../components/TextField'
import type { OrgChildren, OrgNodeView } from '../../shared/contract'
import { ORG_KINDS, mayNestUnder } from '../../shared/orgTree'
import { ActionButton, Notice, useAction, type Action } from '../components'
import AddChildForm from './AddChildForm'
import MoveForm from './MoveForm'
import SubmitOrBack from './SubmitOrBack'
import { useMoveJob } from './useMoveJob'

type Tool = 'add' | 'rename' | 'move'

interface Props {
  at: OrgChildren
  /** Ask for this node again keeping it on screen (after a change). */
  refresh: () => Promise<unknown>
}

/**
 * An administrator's changes to the node on screen: 新增下级, 改名, 移动到…, 撤销. The caller's own node (no
 * ancestor within reach) cannot be moved or closed from here. One form open at a time, in place.
 */
export default function NodeTools({ at, refresh }: Props) {
  const { node } = at
  const [open, setOpen] = useState<Tool>()
  const action = useAction()
  const job = useMoveJob(refresh)
  const own = at.ancestors.length === 0
  const nests = ORG_KINDS.some((k) => mayNestUnder(k, node.kind))

  const openTool = (tool: Tool | undefined) => {
    action.setMessage(undefined)
    setOpen(tool)
  }
  const done = async (text: string) => {
    setOpen(undefined)
    await refresh()
    action.setMessage({ tone: 'success', text })
  }

  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤销组织',
      content: `撤销后，「${node.name}」和它的全部下级组织不能再发布党课、不能再绑定党员；已有的党课和学时记录仍然可以查看。确定撤销吗？`,
      confirmText: '撤销',
      cancelText: '不撤销',
    })
    if (confirm)
      await action.run(
        () => call('org', 'close', { id: node.id }),
        () => done(`已撤销「${node.name}」`),
      )
  }

  if (node.closed) return <Text className='manage-org__help'>这个组织已撤销，不能再修改。</Text>
  return (
    <View className='manage-org__tools'>
      {open === undefined && (
        <View className='manage-org__actions'>
          {nests && <Tool label='新增下级' onClick={() => openTool('add')} />}
          <Tool label='改名' onClick={() => openTool('rename')} />
          {!own && <Tool label='移动到…' onClick={() => openTool('move')} />}
          {!own && <Tool label='撤销' busy={action.busy} onClick={() => void close()} />}
        </View>
      )}
      {open === 'add' && (
        <AddChildForm
          node={node}
          action={action}
          onAdded={(name) => done(`已新增「${name}」`)}
          onBack={() => openTool(undefined)}
        />
      )}
      {open === 'rename' && <RenameForm node={node} action={action} onDone={done} onBack={() => openTool(undefined)} />}
      {open === 'move' && <MoveForm node={node} job={job} onBack={() => openTool(undefined)} />}
      {action.message && <Notice {...action.message} />}
    </View>
  )
}

function Tool({ label, busy, onClick }: { label: string; busy?: boolean; onClick: () => void }) {
  return (
    <ActionButton size='small' variant='plain' busy={busy} className='manage-org__action' onClick={onClick}>
      {label}
    </ActionButton>
  )
}

interface RenameProps {
  node: OrgNodeView
  action: Action
  onDone: (text: string) => Promise<unknown>
  onBack: () => void
}

/** 改名: the new name, in place of the old one. */
function RenameForm({ node, action, onDone, onBack }: RenameProps) {
  const [name, setName] = useState(node.name)
  const rename = () => {
    const trimmed = name.trim()
    void action.run(
      () => call('org', 'rename', { id: node.id, name: trimmed }),
      () => onDone(`已改名为「${trimmed}」`),
    )
  }
  return (
    <View className='manage-org__form'>
      <TextField label='新的名称' value={name} onInput={setName} maxlength={50} />
      <SubmitOrBack label='改名' busy={action.busy} onSubmit={rename} onBack={onBack} />
    </View>
  )
}
