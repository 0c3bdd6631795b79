import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../api/client'
import { type LocalFile, localFileProblem, uploadFile } from '../../api/upload'
import type { ImportReport, RosterEntry } from '../../shared/contract'
import type { Refusal } from '../../shared/errors'
import { ActionButton, Notice, OrgPicker, StateView, useManagedNodes } from '../components'
import FilePicker from '../components/FilePicker'
import ImportReportView from '../components/ImportReportView'
import { ROLE } from '../../shared/words'
import './index.scss'

interface RosterState {
  phase: 'loading' | 'ready' | 'refused'
  branchName?: string
  members: RosterEntry[]
  refusal?: Refusal
}

interface Message {
  tone: 'error' | 'success'
  text: string
  detail?: string
}

/** "138 0013 8000": a phone number read out in groups. */
function spacedPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone
}

/**
 * 支部名册: the branch's members with their binding state and invite code (large, to read out or
 * copy to a member), unbinding (a member's phone changed), and importing the roster from Excel/CSV.
 */
export default function ManageMembers() {
  const nodes = useManagedNodes(true)
  const branchId = nodes.selectedId
  const [roster, setRoster] = useState<RosterState>({ phase: 'loading', members: [] })
  const [unbinding, setUnbinding] = useState<string>()
  const [memberMessage, setMemberMessage] = useState<{ id: string } & Message>()
  const [picked, setPicked] = useState<LocalFile>()
  const [importing, setImporting] = useState(false)
  const [report, setReport] = useState<ImportReport>()
  const [importMessage, setImportMessage] = useState<Message>()
  const ticket = useRef(0)

  const load = useCallback(
    async (quiet = false) => {
      if (!branchId) return
      const mine = ++ticket.current
      if (!quiet) setRoster({ phase: 'loading', members: [] })
      const reply = await call('member', 'roster', { branchId })
      if (mine !== ticket.current) return
      if (reply.ok) setRoster({ phase: 'ready', branchName: reply.data.branch.name, members: reply.data.members })
      else if (!quiet) setRoster({ phase: 'refused', members: [], refusal: reply })
    },
    [branchId],
  )

  useEffect(() => {
    // another branch: its own roster, and nothing left over from the last one's import
    setPicked(undefined)
    setReport(undefined)
    setImportMessage(undefined)
    void load()
  }, [load])

  const unbind = async (member: RosterEntry) => {
    if (unbinding) return
    const { confirm } = await Taro.showModal({
      title: '解绑微信',
      content: `解绑后，${member.name}要用邀请码或姓名和手机号重新绑定。一般在换了手机或微信时解绑。确定解绑吗？`,
      confirmText: '解绑',
      cancelText: '不解绑',
    })
    if (!confirm) return
    setUnbinding(member.id)
    setMemberMessage(undefined)
    try {
      const reply = await call('member', 'unbind', { memberId: member.id })
      if (!reply.ok) {
        setMemberMessage({ id: member.id, tone: 'error', text: reply.message, detail: reply.explanation })
        return
      }
      setMemberMessage({ id: member.id, tone: 'success', text: `已解绑。请把邀请码告诉${member.name}，重新绑定。` })
      await load(true)
    } finally {
      setUnbinding(undefined)
    }
  }

  const choose = (file: LocalFile) => {
    setReport(undefined)
    const problem = localFileProblem('roster', file)
    if (problem) {
      setPicked(undefined)
      setImportMessage({ tone: 'error', text: problem })
      return
    }
    setImportMessage(undefined)
    setPicked(file)
  }

  const importRoster = async () => {
    if (!branchId || !picked || importing) return
    setImporting(true)
    setImportMessage(undefined)
    try {
      // phone → storage → file id → the function: the file's bytes never ride in the payload
      const uploaded = await uploadFile('roster', picked)
      const reply = uploaded.ok ? await call('member', 'importRoster', { branchId, ...uploaded.data }) : uploaded
      if (!reply.ok) {
        setImportMessage({ tone: 'error', text: reply.message, detail: reply.explanation })
        return
      }
      setReport(reply.data)
      setPicked(undefined)
      if (reply.data.applied) await load(true)
    } finally {
      setImporting(false)
    }
  }

  const bound = roster.members.filter((m) => m.bound).length
  return (
    <View className='manage-members'>
      {nodes.phase !== 'ready' && (
        <StateView phase={nodes.phase} refusal={nodes.refusal} onRetry={() => void nodes.reload()} />
      )}
      {nodes.phase === 'ready' && nodes.nodes.length === 0 && (
        <StateView phase='empty' text='名册由党支部管理，您管理的组织中没有党支部。' />
      )}
      {nodes.phase === 'ready' && nodes.nodes.length > 0 && (
        <>
          <OrgPicker label='党支部' nodes={nodes.nodes} value={branchId} onChange={nodes.select} />

          <View className='manage-members__import'>
            <Text className='manage-members__section-title'>导入名册</Text>
            <Text className='manage-members__help'>
              用Excel（.xlsx）或CSV文件，第一行是标题：姓名、手机号、职务。职务可填党员、支部书记、支部委员，也可不填。
            </Text>
            <Text className='manage-members__help'>
              按手机号对应：已有的党员更新，新的党员加上，文件里没有的党员不会删除。只要有一行出错，整个名册都不会改动。
            </Text>
            {process.env.TARO_ENV === 'weapp' && (
              <Text className='manage-members__help'>
                在手机上：先把文件发到微信（如「文件传输助手」），再从聊天中选择。
              </Text>
            )}
            <View className='manage-members__import-actions'>
              <FilePicker
                label={picked ? '重新选择文件' : '选择名册文件'}
                onPicked={choose}
                onProblem={(text) => setImportMessage({ tone: 'error', text })}
              />
            </View>
            {picked && (
              <View className='manage-members__picked'>
                <Text className='manage-members__picked-name'>{`已选择：${picked.name}`}</Text>
                <ActionButton busy={importing} onClick={() => void importRoster()}>
                  {importing ? '正在导入…' : '开始导入'}
                </ActionButton>
              </View>
            )}
            {importMessage && (
              <Notice tone={importMessage.tone} text={importMessage.text} detail={importMessage.detail} />
            )}
            {report && <ImportReportView report={report} />}
          </View>

          <View className='manage-members__body'>
            {roster.phase !== 'ready' && (
              <StateView phase={roster.phase} refusal={roster.refusal} onRetry={() => void load()} />
            )}
            {roster.phase === 'ready' && (
              <Text className='manage-members__summary'>
                {`${roster.branchName ?? ''} 共 ${roster.members.length} 人，已绑定 ${bound} 人，未绑定 ${roster.members.length - bound} 人`}
              </Text>
            )}
            {roster.phase === 'ready' && roster.members.length === 0 && (
              <StateView phase='empty' text='名册里还没有党员，请先导入名册' />
            )}
            {roster.phase === 'ready' &&
              roster.members.map((member) => (
                <View key={member.id} className='manage-members__member'>
                  <View className='manage-members__line'>
                    <Text className='manage-members__name'>{member.name}</Text>
                    <Text className={`manage-members__bound manage-members__bound--${member.bound ? 'yes' : 'no'}`}>
                      {member.bound ? '已绑定' : '未绑定'}
                    </Text>
                  </View>
                  <Text className='manage-members__detail'>
                    {`${spacedPhone(member.phone)} · ${member.roles.map((r) => ROLE[r]).join('、')}`}
                  </Text>
                  <View className='manage-members__code-row'>
                    <Text className='manage-members__code-label'>邀请码</Text>
                    <Text className='manage-members__code' userSelect>
                      {member.inviteCode}
                    </Text>
                  </View>
                  {member.bound && (
                    <ActionButton
                      size='small'
                      variant='quiet'
                      className='manage-members__unbind'
                      busy={unbinding === member.id}
                      onClick={() => void unbind(member)}
                    >
                      {unbinding === member.id ? '请稍候…' : '解绑'}
                    </ActionButton>
                  )}
                  {memberMessage?.id === member.id && (
                    <Notice tone={memberMessage.tone} text={memberMessage.text} detail={memberMessage.detail} />
                  )}
                </View>
              ))}
          </View>
        </>
      )}
    </View>
  )
}
