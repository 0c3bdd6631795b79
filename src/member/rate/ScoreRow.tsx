import { Text, View } from '@tarojs/components'
import { SCORE_WORDS } from '../../shared/words'

interface Props {
  label: string
  /** What the criterion asks, in plain words, under the label. */
  question?: string
  value?: number
  error?: string
  onChange: (score: number) => void
}

/** One criterion: five big buttons, 1 to 5 with their words; the chosen one has a thick red border and ✓. */
export default function ScoreRow({ label, question, value, error, onChange }: Props) {
  return (
    <View className='rate__criterion'>
      <Text className='rate__label'>{label}</Text>
      {question && <Text className='rate__question'>{question}</Text>}
      <View className='rate__scores' role='radiogroup' aria-label={question ? `${label}：${question}` : label}>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`rate__score${value === n ? ' rate__score--chosen' : ''}`}
            role='radio'
            aria-checked={value === n}
            aria-label={`${label} ${n}分 ${SCORE_WORDS[n]}`}
            onClick={() => onChange(n)}
          >
            <Text className='rate__score-number'>{value === n ? `✓${n}` : n}</Text>
            <Text className='rate__score-word'>{SCORE_WORDS[n]}</Text>
          </View>
        ))}
      </View>
      {error && <Text className='rate__error'>{error}</Text>}
    </View>
  )
}
