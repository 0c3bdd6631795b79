import { Input, Text } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceChips } from '../components'
import FormField from '../components/FormField'
import { SPEAKER_ROLE_OPTIONS } from '../utils/labels'
import { HintButton, Section } from './parts'
import PoolInvite from './PoolInvite'
import PoolPicker, { type PoolPick } from './PoolPicker'
import type { LectureFormState } from './useLectureForm'

/** 主讲人: a member of the system earns the lecturing credit, an invited lecturer is a name only. */
export default function LecturerSection({ lecture }: { lecture: LectureFormState }) {
  const { form, errors, change, input, self } = lecture
  const [picking, setPicking] = useState(false)
  const [picked, setPicked] = useState<PoolPick>()
  const hint = (
    <>
      <Text>
        {form.lecturerMemberId
          ? '主讲人是本系统的党员：党课举办后（有党员到场扫码签到）记讲授学时。'
          : '特邀的主讲人只填姓名，不记讲授学时。'}
      </Text>
      {form.lecturerMemberId !== self.id && (
        <HintButton className='manage-edit__self-lecturer' onClick={lecture.lectureBySelf}>
          我本人主讲
        </HintButton>
      )}
      <HintButton className='manage-edit__pool' onClick={() => setPicking(true)}>
        从师资库选择
      </HintButton>
    </>
  )
  return (
    <Section title='主讲人'>
      {picking && (
        <PoolPicker
          onClose={() => setPicking(false)}
          onPick={(p) => {
            lecture.pickFromPool(p)
            setPicked(p)
            setPicking(false)
          }}
        />
      )}
      {picked?.needsInvitation && picked.id === form.lecturerProfileId && (
        <PoolInvite lecturer={picked} lectureId={lecture.lectureId} />
      )}
      <FormField label='主讲人姓名' error={errors['lecturer.name']} hint={hint}>
        <Input
          {...input('lecturerName', 'lecturer.name')}
          maxlength={20}
          placeholder='如：王建国'
          onInput={(e) => lecture.renameLecturer(e.detail.value)}
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
  )
}
