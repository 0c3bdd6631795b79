import { Text, View } from '@tarojs/components'

export interface Option<T> {
  code: T
  name: string
}

export interface OneOfProps<T> {
  options: Option<T>[]
  value: T
  onChange: (code: T) => void
  /** Classes: `<block>__<item>` for each option (`--active` on the chosen one), `<block>__text` for its name. */
  block: string
  item: string
  /** Filter chips are radios; theme tabs are tabs. */
  role: 'radio' | 'tab'
}

/** One option chosen of several, each a tappable chip with its name; the container is the caller's. */
function OneOf<T>({ options, value, onChange, block, item, role }: OneOfProps<T>) {
  return (
    <>
      {options.map((o) => {
        const active = o.code === value
        return (
          <View
            key={String(o.code ?? 'all')}
            className={`${block}__${item}${active ? ` ${block}__${item}--active` : ''}`}
            role={role}
            {...(role === 'radio' ? { 'aria-checked': active } : { 'aria-selected': active })}
            onClick={() => onChange(o.code)}
          >
            <Text className={`${block}__text`}>{o.name}</Text>
          </View>
        )
      })}
    </>
  )
}

export default OneOf
