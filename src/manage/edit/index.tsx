import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useRef, useState, type ReactNode } from 'react'
import { call } from '../../api/client'
import { checkinWindow } from '../../shared/checkinRules'
import { speakerRoleOf } from '../../shared/lectureRules'
import type { LectureStatus, Role } from '../../shared/model'
import { refusal, type Refusal } from '../../shared/errors'
import { THEMES } from '../../shared/themes'
import { ActionButton, ChoiceChips, Notice, StateView } from '../components'
import CoverPicker from '../components/CoverPicker'
import DateTimeField from '../components/DateTimeField'
import FormField, { PLACEHOLDER_STYLE } from '../components/FormField'
import StopsEditor from '../components/StopsEditor'
import { chinaToday, formatPickedDate } from '../../shared/chinaTime'
import { HOUR_BUCKET, LECTURE_STATUS } from '../../shared/words'
import {
  CANCEL_POLICY_OPTIONS,
  CHECKIN_LEVEL_OPTIONS,
  SPEAKER_ROLE_OPTIONS,
  YES_NO_OPTIONS,
  type Option,
} from '../utils/labels'
import {
  defaultHours,
  emptyForm,
  emptyStop,
  formFromDetail,
  validateForm,
  type FieldErrors,
  type LectureForm,
} from '../utils/lectureForm'
import { readParam } from '../utils/route'
import './index.scss'

const THEME_OPTIONS: Option<LectureForm['theme']>[] = THEMES.map((t) => ({ value: t.code, label: t.name }))

interface Outcome {
  tone: 'error' | 'success'
  text: string
  detail?: string
}

function refused(reply: Refusal, prefix: string): Outcome {
  return { tone: 'error', text: prefix + reply.message, detail: reply.explanation }
}

/** The errors without those of the given fields (and of their parts, e.g. each stop's). */
function without(errors: FieldErrors, keys: string[]): FieldErrors {
  const kept = Object.entries(errors).filter(([key]) => !keys.some((k) => key === k || key.startsWith(`${k}.`)))
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept)
}

/** A time that may no longer change, shown as text where its pickers were. */
function FixedTime(props: { date: string; time: string }) {
  return <Text className='manage-edit__fixed'>{`${formatPickedDate(props.date)} ${props.time}`}</Text>
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <View className='manage-edit__section'>
      <Text className='manage-edit__section-title'>{props.title}</Text>
      {props.children}
    </View>
  )
}

/** The fields typed as text (the props of their Input come from one place). */
type TextKey = 'title' | 'lecturerName' | 'lecturerTitle' | 'address' | 'venueLat' | 'venueLng' | 'capacity' | 'hours'

/**
 * A published lecture whose check-in has opened keeps its times, hours and check-in level (the server
 * refuses a change: lectureRules.assertScheduleChange); the page shows them fixed.
 */
function scheduleLocked(lecture: { status: LectureStatus; startAt: string; endAt: string }, now: Date): boolean {
  const window = checkinWindow({ startAt: new Date(lecture.startAt), endAt: new Date(lecture.endAt) })
  return lecture.status === 'published' && now.getTime() >= window.opensAt.getTime()
}

/** Time fields: a change of one can settle the order rules that name another. */
const TIME_KEYS = ['startAt', 'endAt', 'signupDeadline', 'credit.hours']

/**
 * The form to post or edit a lecture (?id= edits, ?orgId= preselects the host). Checked on the page
 * with the contract's `lectureInput` (each field's error under it), then lecture.save; 保存并发布
 * saves and then publishes.
 */
export default function ManageEdit() {
  const { params } = useRouter()
  const initialId = readParam(params, 'id')
  const orgParam = readParam(params, 'orgId')

  const [lectureId, setLectureId] = useState(initialId)
  const [phase, setPhase] = useState<{ name: 'loading' | 'ready' | 'refused'; refusal?: Refusal }>({
    name: 'loading',
  })
  const [form, setForm] = useState<LectureForm>(() => emptyForm(''))
  const [hosts, setHosts] = useState<Option<string>[]>([])
  const [status, setStatus] = useState<LectureStatus>()
  const [errors, setErrors] = useState<FieldErrors>({})
  const [outcome, setOutcome] = useState<Outcome>()
  const [saving, setSaving] = useState<'draft' | 'publish'>()
  /** A URL to show the cover: the detail's, then the one of a picture just uploaded. */
  const [coverUrl, setCoverUrl] = useState<string>()
  /**
   * The member lecturer as loaded (e.g. the member of an accepted proposal) or chosen with 我本人主讲: kept
   * while the name stays, so that they earn the lecturing credit; another name is an invited lecturer.
   */
  const loadedLecturer = useRef<{ name: string; memberId?: string }>({ name: '' })
  const [self, setSelf] = useState<{ id: string; name: string; roles: Role[] }>()
  const [locked, setLocked] = useState(false)
  const today = chinaToday(new Date())

  const start = async () => {
    setPhase({ name: 'loading' })
    const [me, detail] = await Promise.all([
      call('member', 'me', {}),
      initialId ? call('lecture', 'detail', { id: initialId }) : Promise.resolve(undefined),
    ])
    if (!me.ok) return setPhase({ name: 'refused', refusal: me })
    if (!me.data.bound || !me.data.member) return setPhase({ name: 'refused', refusal: refusal('NOT_A_MEMBER') })
    const options = me.data.member.manages.map((node) => ({ value: node.id, label: node.name }))
    setSelf(me.data.member)
    if (detail) {
      if (!detail.ok) return setPhase({ name: 'refused', refusal: detail })
      const lecture = detail.data
      if (!lecture.canManage) return setPhase({ name: 'refused', refusal: refusal('FORBIDDEN') })
      // An administrator may edit a lecture of a node below theirs: its host stays selectable.
      if (!options.some((o) => o.value === lecture.hostOrgId)) {
        options.unshift({ value: lecture.hostOrgId, label: lecture.hostOrgName })
      }
      loadedLecturer.current = { name: lecture.lecturer.name, memberId: lecture.lecturer.memberId }
      setForm(formFromDetail(lecture))
      setCoverUrl(lecture.coverUrl)
      setStatus(lecture.status)
      setLocked(scheduleLocked(lecture, new Date()))
    } else {
      if (options.length === 0) {
        return setPhase({ name: 'refused', refusal: refusal('FORBIDDEN', '您目前没有可以发布党课的组织') })
      }
      setForm(emptyForm(options.find((o) => o.value === orgParam)?.value ?? options[0].value))
    }
    setHosts(options)
    setPhase({ name: 'ready' })
  }

  useLoad(() => {
    void start()
  })

  /** Change fields, and clear the errors of the fields named. */
  const change = (patch: Partial<LectureForm>, ...keys: string[]) => {
    setForm((f) => ({ ...f, ...patch }))
    if (keys.length > 0) setErrors((e) => without(e, keys))
  }

  const save = async (publish: boolean) => {
    if (saving) return
    const checked = validateForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      const count = Object.keys(checked.errors).length
      setOutcome({ tone: 'error', text: `有 ${count} 处需要修改，请看红字提示` })
      return
    }
    setErrors({})
    setOutcome(undefined)
    setSaving(publish ? 'publish' : 'draft')
    try {
      const lecture = checked.input
      const saved = await call('lecture', 'save', lectureId ? { id: lectureId, lecture } : { lecture })
      if (!saved.ok) return setOutcome(refused(saved, '没有保存成功：'))
      const id = saved.data.id
      setLectureId(id) // a second save edits this lecture instead of posting another
      if (status === 'published') {
        setOutcome({ tone: 'success', text: '已保存修改，报名的党员会看到新的内容' })
        return
      }
      setStatus('draft')
      if (!publish) {
        setOutcome({ tone: 'success', text: '草稿已保存，党员还看不到。准备好后点「保存并发布」' })
        return
      }
      const published = await call('lecture', 'publish', { id })
      if (!published.ok) return setOutcome(refused(published, '草稿已保存，但没有发布成功：'))
      setStatus('published')
      setOutcome({ tone: 'success', text: '已发布，党员现在可以看到并报名了' })
    } finally {
      setSaving(undefined)
    }
  }

  if (phase.name !== 'ready') {
    return (
      <View className='manage-edit'>
        <StateView phase={phase.name} refusal={phase.refusal} onRetry={() => void start()} />
      </View>
    )
  }

  const closed = status === 'cancelled' || status === 'finished'
  const walking = form.theme === 'walking'
  const hours = defaultHours(form)
  const input = (key: TextKey, errorKey: string) => ({
    id: `field-${key}`,
    className: 'form-field__input',
    value: form[key],
    placeholderStyle: PLACEHOLDER_STYLE,
    onInput: (e: { detail: { value: string } }) => change({ [key]: e.detail.value }, errorKey),
  })

  return (
    <View className='manage-edit'>
      <View className='manage-edit__heading'>
        <Text className='manage-edit__heading-title'>{lectureId ? '编辑党课' : '发布新党课'}</Text>
        {status && <Text className='manage-edit__heading-status'>{LECTURE_STATUS[status]}</Text>}
      </View>
      {closed && (
        <Notice
          tone='error'
          text={status === 'cancelled' ? '这场党课已取消，不能再修改。' : '这场党课已结束，不能再修改。'}
          detail='可以在「我的党课」里把它复制为新草稿。'
        />
      )}

      <Section title='党课内容'>
        <FormField label='标题' error={errors.title}>
          <Input {...input('title', 'title')} maxlength={60} placeholder='如：学习二十届四中全会精神' />
        </FormField>
        <FormField label='主题' error={errors.theme} hint={THEMES.find((t) => t.code === form.theme)?.meaning}>
          <ChoiceChips
            options={THEME_OPTIONS}
            value={form.theme}
            onChange={(theme) =>
              change(
                // a walking lecture needs at least two stops: offer the two empty ones to fill in
                {
                  theme,
                  stops: theme === 'walking' && form.stops.length === 0 ? [emptyStop(), emptyStop()] : form.stops,
                },
                'theme',
                'venue.stops',
                'credit.hours',
              )
            }
          />
        </FormField>
        <FormField label='简介' optional error={errors.summary}>
          <Textarea
            id='field-summary'
            className='form-field__textarea'
            value={form.summary}
            maxlength={2000}
            placeholder='讲什么，适合谁来听'
            placeholderStyle={PLACEHOLDER_STYLE}
            onInput={(e) => change({ summary: e.detail.value }, 'summary')}
          />
        </FormField>
        <FormField label='封面图片' optional error={errors.coverFileId} hint='JPG 或 PNG，不超过2MB。'>
          <CoverPicker
            cover={form.coverFileId ? { fileId: form.coverFileId, url: coverUrl } : undefined}
            onChange={(cover) => {
              setCoverUrl(cover?.url)
              change({ coverFileId: cover?.fileId }, 'coverFileId')
            }}
          />
        </FormField>
      </Section>

      <Section title='主讲人'>
        <FormField
          label='主讲人姓名'
          error={errors['lecturer.name']}
          hint={
            <>
              <Text>
                {form.lecturerMemberId
                  ? '主讲人是本系统的党员：党课举办后（有党员到场扫码签到）记讲授学时。'
                  : '特邀的主讲人只填姓名，不记讲授学时。'}
              </Text>
              {self && form.lecturerMemberId !== self.id && (
                <ActionButton
                  size='small'
                  variant='quiet'
                  className='manage-edit__self-lecturer'
                  onClick={() => {
                    loadedLecturer.current = { name: self.name, memberId: self.id }
                    change(
                      { lecturerName: self.name, lecturerMemberId: self.id, speakerRole: speakerRoleOf(self.roles) },
                      'lecturer.name',
                      'speakerRole',
                    )
                  }}
                >
                  我本人主讲
                </ActionButton>
              )}
            </>
          }
        >
          <Input
            {...input('lecturerName', 'lecturer.name')}
            maxlength={20}
            placeholder='如：王建国'
            onInput={(e) => {
              const name = e.detail.value
              const same = name.trim() === loadedLecturer.current.name
              change(
                { lecturerName: name, lecturerMemberId: same ? loadedLecturer.current.memberId : undefined },
                'lecturer.name',
              )
            }}
          />
        </FormField>
        <FormField label='职务或称号' optional error={errors['lecturer.title']}>
          <Input {...input('lecturerTitle', 'lecturer.title')} maxlength={40} placeholder='如：城关村党支部书记' />
        </FormField>
        <FormField label='讲师身份' error={errors.speakerRole}>
          <ChoiceChips
            options={SPEAKER_ROLE_OPTIONS}
            value={form.speakerRole}
            onChange={(speakerRole) => change({ speakerRole }, 'speakerRole')}
          />
        </FormField>
      </Section>

      <Section title='主办与开放'>
        <FormField label='主办单位' error={errors.hostOrgId ?? errors.coHostOrgIds}>
          {hosts.length === 1 ? (
            <Text className='manage-edit__fixed'>{hosts[0].label}</Text>
          ) : (
            <ChoiceChips
              options={hosts}
              value={form.hostOrgId}
              onChange={(hostOrgId) => change({ hostOrgId }, 'hostOrgId', 'coHostOrgIds')}
            />
          )}
        </FormField>
        <FormField
          label='全市开放'
          hint={form.openToAll ? '全市的党员都能看到并报名。' : '只有主办单位及其下级组织的党员能看到。'}
        >
          <ChoiceChips
            options={YES_NO_OPTIONS}
            value={form.openToAll}
            onChange={(openToAll) => change({ openToAll })}
          />
        </FormField>
      </Section>

      <Section title='地点'>
        <FormField
          label={walking ? '集合地点' : '地点'}
          error={errors['venue.address']}
          hint={walking ? '行走党课填写集合的地方，再在下面按顺序添加各个站点。' : undefined}
        >
          <Input {...input('address', 'venue.address')} maxlength={100} placeholder='如：城关村党群服务中心二楼' />
        </FormField>
        {walking && (
          <FormField label='站点（按行走顺序，至少两站）'>
            <StopsEditor stops={form.stops} errors={errors} onChange={(stops) => change({ stops }, 'venue.stops')} />
          </FormField>
        )}
        {!walking && (form.checkinLevel === 'L2' || form.checkinLevel === 'L3') && (
          <FormField
            label='地点的经纬度'
            error={errors['venue.lat'] ?? errors['venue.lng']}
            hint='位置签到须填写，可在手机地图中长按地点查看。'
          >
            <View className='manage-edit__pair'>
              <Input
                {...input('venueLat', 'venue.lat')}
                className='form-field__input manage-edit__pair-item'
                type='digit'
                placeholder='纬度，如 36.6512'
              />
              <Input
                {...input('venueLng', 'venue.lng')}
                className='form-field__input manage-edit__pair-item'
                type='digit'
                placeholder='经度，如 117.1201'
              />
            </View>
          </FormField>
        )}
      </Section>

      <Section title='时间'>
        {locked && (
          <Notice
            text='签到已经开始，时间、学时和签到方式不能再修改。'
            detail='其他内容仍可修改；如要改期，请取消后重新发布。'
          />
        )}
        <FormField label='开始' error={errors.startAt}>
          {locked ? (
            <FixedTime date={form.startDate} time={form.startTime} />
          ) : (
            <DateTimeField
              id='startAt'
              date={form.startDate}
              time={form.startTime}
              start={today}
              onChange={(startDate, startTime) => change({ startDate, startTime }, ...TIME_KEYS)}
            />
          )}
        </FormField>
        <FormField label='结束' error={errors.endAt}>
          {locked ? (
            <FixedTime date={form.endDate} time={form.endTime} />
          ) : (
            <DateTimeField
              id='endAt'
              date={form.endDate}
              time={form.endTime}
              start={form.startDate || today}
              onChange={(endDate, endTime) => change({ endDate, endTime }, ...TIME_KEYS)}
            />
          )}
        </FormField>
        <FormField label='报名截止' error={errors.signupDeadline} hint='截止以后不能再报名，须不晚于开始时间。'>
          <DateTimeField
            id='signupDeadline'
            date={form.deadlineDate}
            time={form.deadlineTime}
            start={today}
            onChange={(deadlineDate, deadlineTime) => change({ deadlineDate, deadlineTime }, ...TIME_KEYS)}
          />
        </FormField>
      </Section>

      <Section title='报名'>
        <FormField label='人数上限' error={errors.capacity}>
          <Input {...input('capacity', 'capacity')} type='number' maxlength={4} placeholder='如：40' />
        </FormField>
        <FormField
          label='需要审核'
          hint={
            form.approvalRequired ? '党员报名后，要您在名单里点「通过」才算报上。' : '党员报名即报上，满员后进入候补。'
          }
        >
          <ChoiceChips
            options={YES_NO_OPTIONS}
            value={form.approvalRequired}
            onChange={(approvalRequired) => change({ approvalRequired })}
          />
        </FormField>
        <FormField label='取消规则' error={errors.cancelPolicy}>
          <ChoiceChips
            column
            options={CANCEL_POLICY_OPTIONS}
            value={form.cancelPolicy}
            onChange={(cancelPolicy) => change({ cancelPolicy }, 'cancelPolicy')}
          />
        </FormField>
      </Section>

      <Section title='学时与签到'>
        <FormField
          label='学时'
          error={errors['credit.hours']}
          hint={
            <>
              <Text className='manage-edit__default-hours'>
                {hours === undefined
                  ? '选好开始和结束时间后，这里显示默认学时。'
                  : `按时长默认 ${hours} 学时，计入${HOUR_BUCKET[form.bucket]}。`}
              </Text>
              {form.hours !== '' && !locked && (
                <ActionButton
                  size='small'
                  variant='quiet'
                  className='manage-edit__reset-hours'
                  onClick={() => change({ hours: '' }, 'credit.hours')}
                >
                  恢复默认
                </ActionButton>
              )}
            </>
          }
        >
          <Input
            {...input('hours', 'credit.hours')}
            type='digit'
            maxlength={3}
            disabled={locked}
            placeholder={hours === undefined ? '不填按默认' : `不填按默认 ${hours}`}
          />
        </FormField>

        <FormField label='签到方式' error={errors.checkinLevel}>
          {locked ? (
            <Text className='manage-edit__fixed'>
              {CHECKIN_LEVEL_OPTIONS.find((o) => o.value === form.checkinLevel)?.label}
            </Text>
          ) : (
            <ChoiceChips
              column
              options={CHECKIN_LEVEL_OPTIONS}
              value={form.checkinLevel}
              onChange={(checkinLevel) => change({ checkinLevel }, 'checkinLevel', 'venue.lat', 'venue.lng')}
            />
          )}
        </FormField>
        <FormField
          label='须报名才能签到'
          hint={form.signupRequired ? '只有报上名的党员能签到。' : '没有报名的党员也能到场签到（如全体党员大会）。'}
        >
          <ChoiceChips
            options={YES_NO_OPTIONS}
            value={form.signupRequired}
            onChange={(signupRequired) => change({ signupRequired })}
          />
        </FormField>
      </Section>

      <View className='manage-edit__footer'>
        {outcome && (
          <Notice tone={outcome.tone} text={outcome.text} detail={outcome.detail}>
            {outcome.tone === 'success' && status === 'published' && (
              <ActionButton size='small' variant='plain' onClick={() => void Taro.navigateBack()}>
                返回我的党课
              </ActionButton>
            )}
          </Notice>
        )}
        {!closed && (
          <View className='manage-edit__buttons'>
            {status === 'published' ? (
              <ActionButton block busy={saving !== undefined} onClick={() => void save(false)}>
                {saving ? '正在保存…' : '保存修改'}
              </ActionButton>
            ) : (
              <>
                <ActionButton
                  variant='plain'
                  className='manage-edit__button'
                  busy={saving !== undefined}
                  onClick={() => void save(false)}
                >
                  {saving === 'draft' ? '正在保存…' : '保存草稿'}
                </ActionButton>
                <ActionButton
                  className='manage-edit__button'
                  busy={saving !== undefined}
                  onClick={() => void save(true)}
                >
                  {saving === 'publish' ? '正在发布…' : '保存并发布'}
                </ActionButton>
              </>
            )}
          </View>
        )}
      </View>
    </View>
  )
}
