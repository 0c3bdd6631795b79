import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../api/client'
import type { OrgNodeView } from '../../../shared/contract'
import type { OrgKind } from '../../../shared/model'
import { ORG_KIND } from '../../../shared/words'
import Notice, { refusalNotice, type NoticeMessage } from '../Notice'
import SearchField from '../SearchField'
import './index.scss'

export interface NodeSearchProps {
  /** The nodes that may be picked here (the others found are not offered). */
  accept: (node: OrgNodeView) => boolean
  onPick: (node: OrgNodeView) => void
  /** Asks the server for this kind only (its 20 answers are then all of use). */
  kind?: OrgKind
  placeholder?: string
  /** Said when nothing found may be picked. */
  none?: string
}

const defaultProps = {
  placeholder: '输入组织名称',
  none: '没有找到可选的组织，请换个名称再搜',
} satisfies Partial<NodeSearchProps>

/**
 * A node of the caller's subtree found by a part of its name (org.find), for a destination or an
 * appointment's node: the results a tap each. Class prefix `node-search`.
 */
function NodeSearch(props: NodeSearchProps) {
  const { accept, onPick, kind, placeholder, none } = { ...defaultProps, ...props }
  const [found, setFound] = useState<OrgNodeView[]>()
  const [message, setMessage] = useState<NoticeMessage>()

  const search = async (text: string) => {
    setFound(undefined)
    setMessage(undefined)
    if (!text) return
    const reply = await call('org', 'find', { q: text, kind })
    if (!reply.ok) return setMessage(refusalNotice(reply))
    setFound(reply.data.nodes.filter(accept))
  }

  return (
    <View className='node-search'>
      <SearchField onSearch={(text) => void search(text)} placeholder={placeholder} />
      {message && <Notice {...message} />}
      {found?.length === 0 && <Text className='node-search__none'>{none}</Text>}
      {found?.map((node) => (
        <View
          key={node.id}
          className='node-search__row'
          hoverClass='node-search__row--pressed'
          onClick={() => onPick(node)}
        >
          <Text className='node-search__name'>{node.name}</Text>
          <Text className='node-search__kind'>{ORG_KIND[node.kind]}</Text>
        </View>
      ))}
    </View>
  )
}

NodeSearch.displayName = 'NodeSearch'

export default NodeSearch
