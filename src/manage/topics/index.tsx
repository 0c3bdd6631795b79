import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import type { TopicList, TopicView } from '../../shared/contract'
import { chinaYear } from '../../shared/chinaTime'
import { TOPIC_STATUS } from '../../shared/words'
import { ActionButton, ChoiceChips, Notice, PageState, useAction, usePageLoad } from '../components'
import TopicForm from './TopicForm'
import './index.scss'

/**
 * 重点选题管理: the year's key-topic list of the node the administrator keeps (a city or a district), with the
 * lists above and below it for reference: add a draft, edit it, publish it, withdraw it. A published topic
 * is offered on the lecture and proposal forms of the node's subtree.
 */
export default function ManageTopics() {
  const thisYear = chinaYear(Date.now())
  const [year, setYear] = useState(thisYear)
  /** The topic being edited, 'new' for a new one. */
  const [editing, setEditing] = useState<TopicView | 'new'>()
  const action = useAction()
  const page = usePageLoad(() => call('topic', 'list', { year }), [year])
  const years = [thisYear, thisYear + 1].map((y) => ({ value: String(y), label: `${y}年` }))

  const replace = (topic: TopicView) =>
    page.update((l: TopicList) => {
      const known = l.items.some((t) => t.id === topic.id)
      return { ...l, items: known ? l.items.map((t) => (t.id === topic.id ? topic : t)) : [...l.items, topic] }
    })
  const move = (topic: TopicView, to: 'publish' | 'withdraw') =>
    action.run(
      () => call('topic', to, { id: topic.id }),
      (t) => {
        replace(t)
        action.setMessage({ tone: 'success', text: to === 'publish' ? `已发布“${t.title}”` : `已撤回“${t.title}”` })
      },
    )

  return (
    <View className='manage-topics'>
      <View className='manage-topics__head'>
        <ChoiceChips options={years} value={String(year)} onChange={(y) => setYear(Number(y))} />
      </View>
      {page.phase !== 'ready' ? (
        <PageState phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
      ) : (
        <View className='manage-topics__body'>
          {page.data.keeps && !editing && (
            <ActionButton block onClick={() => setEditing('new')}>
              为{page.data.keeps.name}新增{year}年的选题
            </ActionButton>
          )}
          {!page.data.keeps && <Notice text='重点选题由市级和区县级组织部门的管理员发布，您可以查看。' />}
          {editing === 'new' && (
            <TopicForm
              year={year}
              onSaved={(t) => (replace(t), setEditing(undefined))}
              onCancel={() => setEditing(undefined)}
            />
          )}
          {action.message && <Notice {...action.message} />}
          {page.data.items.length === 0 && <Text className='manage-topics__empty'>{year}年还没有选题</Text>}
          {page.data.items.map((t) =>
            editing !== 'new' && editing?.id === t.id ? (
              <TopicForm
                key={t.id}
                year={year}
                topic={t}
                onSaved={(saved) => (replace(saved), setEditing(undefined))}
                onCancel={() => setEditing(undefined)}
              />
            ) : (
              <View key={t.id} className='manage-topics__item'>
                <View className='manage-topics__item-head'>
                  <Text className='manage-topics__title'>{t.title}</Text>
                  <Text className={`manage-topics__status manage-topics__status--${t.status}`}>
                    {TOPIC_STATUS[t.status]}
                  </Text>
                </View>
                {t.description && <Text className='manage-topics__text'>{t.description}</Text>}
                <Text className='manage-topics__meta'>
                  {t.orgName} · {t.department}提出
                </Text>
                {t.canManage && (
                  <View className='manage-topics__buttons'>
                    {t.status !== 'published' && (
                      <ActionButton size='small' busy={action.busy} onClick={() => void move(t, 'publish')}>
                        发布
                      </ActionButton>
                    )}
                    {t.status !== 'published' && (
                      <ActionButton size='small' variant='plain' onClick={() => setEditing(t)}>
                        编辑
                      </ActionButton>
                    )}
                    {t.status === 'published' && (
                      <ActionButton
                        size='small'
                        variant='plain'
                        busy={action.busy}
                        onClick={() => void move(t, 'withdraw')}
                      >
                        撤回
                      </ActionButton>
                    )}
                  </View>
                )}
              </View>
            ),
          )}
        </View>
      )}
    </View>
  )
}
