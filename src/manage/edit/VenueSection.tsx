import { Input, View } from '@tarojs/components'
import FormField from '../components/FormField'
import StopsEditor from '../components/StopsEditor'
import { Section } from './parts'
import type { LectureFormState } from './useLectureForm'

/** 地点: the address, a walking lecture's stops, and the map point that location check-in needs. */
export default function VenueSection({ lecture }: { lecture: LectureFormState }) {
  const { form, errors, change, input } = lecture
  const walking = form.theme === 'walking'
  const located = !walking && (form.checkinLevel === 'L2' || form.checkinLevel === 'L3')
  return (
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
      {located && (
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
  )
}
