import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OrgNodeView } from '../../shared/contract'
import { mayNestUnder } from '../../shared/orgTree'
import { ActionButton, NodeSearch, Notice } from '../components'
import { jobProgress, type MoveJob } from './useMoveJob'

/** Where `node` may go: not under itself or its own subtree, not where it is, not under a closed node, only where its kind may nest. */
const mayGoUnder = (node: OrgNodeView, to: OrgNodeView) =>
  to.id !== node.id &&
  !to.path.includes(node.id) &&
  to.id !== node.parentId &&
  !to.closed &&
  mayNestUnder(node.kind, to.kind)

/** 移动到…: search the new parent by name (org.find), confirm, then follow the move until it is done. */
export default function MoveForm({ node, job, onBack }: { node: OrgNodeView; job: MoveJob; onBack: () => void }) {
  const choose = async (to: OrgNodeView) => {
    const { confirm } = await Taro.showModal({
      title: '移动组织',
      content: `把「${node.name}」连同它的全部下级组织移到「${to.name}」下面？移动后，它的管理和统计都归「${to.name}」。`,
      confirmText: '移动',
      cancelText: '不移动',
    })
    if (confirm) await job.start(node.id, to.id)
  }

  // a started job is followed to its end; a move refused at once is told under the search
  if (job.job || job.running) {
    return (
      <View className='manage-org__form'>
        <Text className='manage-org__progress'>{job.job ? jobProgress(job.job) : '正在开始移动…'}</Text>
        {job.problem && (
          <Notice {...job.problem}>
            <ActionButton size='small' busy={job.running} onClick={() => void job.resume()}>
              继续
            </ActionButton>
          </Notice>
        )}
      </View>
    )
  }

  return (
    <View className='manage-org__form'>
      <Text className='manage-org__form-title'>{`把「${node.name}」移动到哪个组织下面？`}</Text>
      <NodeSearch
        accept={(to) => mayGoUnder(node, to)}
        onPick={(to) => void choose(to)}
        placeholder='输入上级组织的名称'
        none='没有找到可以移入的组织，请换个名称再搜'
      />
      {job.problem && <Notice {...job.problem} />}
      <ActionButton size='small' variant='quiet' className='manage-org__back' onClick={onBack}>
        返回
      </ActionButton>
    </View>
  )
}
