import { Input, Text, View } from '@tarojs/components'
import { emptyStop, MAX_STOPS, type FieldErrors, type StopForm } from '../../utils/lectureForm'
import ActionButton from '../ActionButton'
import { PLACEHOLDER_STYLE } from '../FormField'
import './index.scss'

export interface StopsEditorProps {
  stops: StopForm[]
  onChange: (stops: StopForm[]) => void
  /** The form's errors; this editor shows those under `venue.stops`. */
  errors: FieldErrors
}

const FIELDS: { key: keyof StopForm; label: string; placeholder: string; type: 'text' | 'digit' }[] = [
  { key: 'name', label: '站点名称', placeholder: '如：烈士陵园', type: 'text' },
  { key: 'address', label: '地址', placeholder: '如：历下区经十路18号', type: 'text' },
  { key: 'lat', label: '纬度', placeholder: '如：36.6512', type: 'digit' },
  { key: 'lng', label: '经度', placeholder: '如：117.1201', type: 'digit' },
]

/**
 * The stops of a walking lecture (行走党课), in walking order: add, fill in, remove. Latitude and
 * longitude are typed as numbers (位置签到 checks them). Class prefix `stops-editor`.
 */
function StopsEditor(props: StopsEditorProps) {
  const { stops, onChange, errors } = props

  const update = (index: number, key: keyof StopForm, value: string) =>
    onChange(stops.map((stop, i) => (i === index ? { ...stop, [key]: value } : stop)))
  const remove = (index: number) => onChange(stops.filter((_, i) => i !== index))
  const add = () => onChange([...stops, emptyStop()])

  return (
    <View className='stops-editor'>
      {stops.map((stop, index) => (
        <View key={index} className='stops-editor__stop'>
          <View className='stops-editor__head'>
            <Text className='stops-editor__title'>{`第${index + 1}站`}</Text>
            <ActionButton size='small' variant='quiet' onClick={() => remove(index)}>
              删除这一站
            </ActionButton>
          </View>
          {FIELDS.map((field) => {
            const error = errors[`venue.stops.${index}.${field.key}`]
            return (
              <View key={field.key} className='stops-editor__field'>
                <Text className='stops-editor__label'>{field.label}</Text>
                <Input
                  id={`stop-${index}-${field.key}`}
                  className={`stops-editor__input${error ? ' stops-editor__input--error' : ''}`}
                  type={field.type}
                  value={stop[field.key]}
                  placeholder={field.placeholder}
                  placeholderStyle={PLACEHOLDER_STYLE}
                  onInput={(e) => update(index, field.key, e.detail.value)}
                />
                {error && <Text className='stops-editor__error'>{error}</Text>}
              </View>
            )
          })}
        </View>
      ))}
      {errors['venue.stops'] && <Text className='stops-editor__error'>{errors['venue.stops']}</Text>}
      {stops.length < MAX_STOPS && (
        <ActionButton variant='plain' onClick={add} className='stops-editor__add'>
          添加一站
        </ActionButton>
      )}
      <Text className='stops-editor__help'>经纬度可在手机地图中长按地点查看。</Text>
    </View>
  )
}

StopsEditor.displayName = 'StopsEditor'

export default StopsEditor
