import { Picker, Text, View } from '@tarojs/components'
import { formatPickedDate } from '../../../shared/chinaTime'
import './index.scss'

export interface DateTimeFieldProps {
  /** Prefix of the two pickers' ids: `${id}-date`, `${id}-time`. */
  id: string
  /** "2025-11-28" or '' */
  date: string
  /** "14:30" or '' */
  time: string
  onChange: (date: string, time: string) => void
  /** The earliest date offered, "YYYY-MM-DD". */
  start?: string
}

/**
 * A date and a time side by side, each a large tappable box that opens the platform's picker
 * (Taro Picker, mode date / time). Class prefix `date-time-field`.
 */
function DateTimeField(props: DateTimeFieldProps) {
  const { id, date, time, onChange, start } = props
  return (
    <View className='date-time-field'>
      <Picker
        id={`${id}-date`}
        className='date-time-field__picker date-time-field__picker--date'
        mode='date'
        value={date}
        start={start}
        onChange={(e) => onChange(e.detail.value, time)}
      >
        <View className='date-time-field__box'>
          <Text className={date ? 'date-time-field__value' : 'date-time-field__empty'}>
            {date ? formatPickedDate(date) : '选择日期'}
          </Text>
        </View>
      </Picker>
      <Picker
        id={`${id}-time`}
        className='date-time-field__picker date-time-field__picker--time'
        mode='time'
        value={time}
        onChange={(e) => onChange(date, e.detail.value)}
      >
        <View className='date-time-field__box'>
          <Text className={time ? 'date-time-field__value' : 'date-time-field__empty'}>{time || '选择时间'}</Text>
        </View>
      </Picker>
    </View>
  )
}

DateTimeField.displayName = 'DateTimeField'

export default DateTimeField
