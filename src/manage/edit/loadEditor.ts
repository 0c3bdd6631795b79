/**
 * What the lecture form starts from: the caller (member.me: who may host, who is 我本人) and, to edit,
 * the lecture (lecture.detail). One reply, so the page has one load / ready / refused state.
 */
import { call } from '../../api/client'
import { checkinWindow } from '../../shared/checkinRules'
import type { Me } from '../../shared/contract'
import { refusal, type Reply } from '../../shared/errors'
import { pickerSearches, rememberedNode } from '../components/useManagedNodes'
import type { LectureStatus } from '../../shared/model'
import type { Option } from '../utils/labels'
import { emptyForm, formFromDetail, type LectureForm } from '../utils/lectureForm'

type Self = NonNullable<Me['member']>

export interface EditorStart {
  /** Absent for a new lecture (until its first save). */
  lectureId?: string
  form: LectureForm
  hosts: Option<string>[]
  status?: LectureStatus
  coverUrl?: string
  /** The lecturer as loaded (e.g. the member of an accepted proposal). */
  lecturer: { name: string; memberId?: string; profileId?: string }
  self: Self
  /** The times, hours and check-in level may no longer change (see scheduleLocked). */
  locked: boolean
}

/**
 * A published lecture whose check-in has opened keeps its times, hours and check-in level (the server
 * refuses a change: lectureRules.assertScheduleChange); the page shows them fixed.
 */
function scheduleLocked(lecture: { status: LectureStatus; startAt: string; endAt: string }, now: Date): boolean {
  const window = checkinWindow({ startAt: new Date(lecture.startAt), endAt: new Date(lecture.endAt) })
  return lecture.status === 'published' && now.getTime() >= window.opensAt.getTime()
}

/** `id` edits that lecture; `orgId` preselects the host of a new one. */
export async function loadEditor(id: string | undefined, orgId: string | undefined): Promise<Reply<EditorStart>> {
  const [me, detail] = await Promise.all([
    call('member', 'me', {}),
    id ? call('lecture', 'detail', { id }) : Promise.resolve(undefined),
  ])
  if (!me.ok) return me
  if (!me.data.bound || !me.data.member) return refusal('NOT_A_MEMBER')
  const self = me.data.member
  const hosts = self.manages.map((node) => ({ value: node.id, label: node.name }))
  // 我的党课 showed a node found by name (member.me may not list it): its name comes from what was remembered
  const last = rememberedNode()
  const found = pickerSearches(hosts.length, self.managesMore) && last && 'name' in last && last.id === orgId
  if (found && !hosts.some((o) => o.value === orgId)) hosts.push({ value: last.id, label: last.name })
  if (!detail) {
    if (hosts.length === 0) return refusal('FORBIDDEN', '您目前没有可以发布党课的组织')
    const hostOrgId = hosts.find((o) => o.value === orgId)?.value ?? hosts[0].value
    return { ok: true, data: { form: emptyForm(hostOrgId), hosts, lecturer: { name: '' }, self, locked: false } }
  }
  if (!detail.ok) return detail
  const lecture = detail.data
  if (!lecture.canManage) return refusal('FORBIDDEN')
  // An administrator may edit a lecture of a node below theirs: its host stays selectable.
  if (!hosts.some((o) => o.value === lecture.hostOrgId)) {
    hosts.unshift({ value: lecture.hostOrgId, label: lecture.hostOrgName })
  }
  return {
    ok: true,
    data: {
      lectureId: id,
      form: formFromDetail(lecture),
      hosts,
      status: lecture.status,
      coverUrl: lecture.coverUrl,
      lecturer: {
        name: lecture.lecturer.name,
        memberId: lecture.lecturer.memberId,
        profileId: lecture.lecturer.profileId,
      },
      self,
      locked: scheduleLocked(lecture, new Date()),
    },
  }
}
