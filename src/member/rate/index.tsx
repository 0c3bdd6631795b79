import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import RefusalBox from '../../components/RefusalBox'
import TextField from '../../components/TextField'
import { formatDateTime, formatTimeRange } from '../../shared/chinaTime'
import { ratingProcedures, type MyRating, type RatingInput } from '../../shared/contract/rating'
import { commentLength, RATING_COMMENT_MAX, RATING_CRITERIA, type RatingCriterion } from '../../shared/ratingRules'
import { RATING_CRITERION, RATING_QUESTION } from '../../shared/words'
import { useFormSubmit } from '../../utils/useFormSubmit'
import { readParam } from '../../utils/routes'
import RatingShown from './RatingShown'
import ScoreRow from './ScoreRow'
import './index.scss'

type Scores = Partial<Record<RatingCriterion, number>>

/**
 * 评价党课: four scores and a comment, then a preview of exactly what will be sent (将提交以下评价), then 提交;
 * afterwards the rating as stored, which cannot be changed. Opened from 待评价, the lecture page or check-out.
 */
export default function Rate() {
  const lectureId = readParam(useRouter().params, 'id') ?? ''
  const page = usePageLoad(() => call('rating', 'myRating', { lectureId }), [lectureId])
  const [scores, setScores] = useState<Scores>({})
  const [comment, setComment] = useState('')
  const [preview, setPreview] = useState<RatingInput>()
  const [stored, setStored] = useState<MyRating>()
  const { errors, busy, refused, submit } = useFormSubmit()

  if (page.phase !== 'ready') {
    return <PageState className='rate' phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
  }
  const { lecture, state, opensAt, closesAt } = page.data
  const mine = stored ?? page.data.mine
  const head = (
    <View className='rate__head'>
      <Text className='rate__title'>{lecture.title}</Text>
      <Text className='rate__meta'>{`${lecture.lecturerName} · ${formatTimeRange(lecture.startAt, lecture.endAt)}`}</Text>
    </View>
  )

  if (mine) {
    return (
      <View className='rate'>
        {head}
        <View className='rate__card' role='status'>
          <Text className='rate__done'>{stored ? '评价已提交，谢谢您！' : '您已评价'}</Text>
          <RatingShown values={mine} />
          <Text className='rate__note'>{`${formatDateTime(mine.createdAt)} 提交。评价提交后不能修改。`}</Text>
        </View>
      </View>
    )
  }
  if (state !== 'open') {
    const why =
      state === 'notOpen'
        ? `党课结束后才能评价（${formatDateTime(opensAt)}起）`
        : `评价时间已过（${formatDateTime(closesAt)}截止）`
    return (
      <View className='rate'>
        {head}
        <Text className='rate__card rate__note'>{why}</Text>
      </View>
    )
  }

  const send = (input: RatingInput) =>
    submit(
      { success: true, data: input },
      (i) => call('rating', 'rate', i),
      (r) => setStored(r),
    )

  if (preview) {
    return (
      <View className='rate'>
        {head}
        <View className='rate__card'>
          <Text className='rate__preview-title'>将提交以下评价</Text>
          <RatingShown values={{ comment: '', ...preview } as MyRating} />
          <Text className='rate__note'>提交后不能修改。</Text>
          <RefusalBox block='rate' refusal={refused} />
          <Button className={`rate__button${busy ? ' rate__button--busy' : ''}`} onClick={() => void send(preview)}>
            {busy ? '正在提交…' : '提交'}
          </Button>
          <Button className='rate__button rate__button--plain' onClick={() => setPreview(undefined)}>
            返回修改
          </Button>
        </View>
      </View>
    )
  }

  // The same schema as the server: what passes here is what the preview shows and 提交 sends.
  const toPreview = () =>
    submit(
      ratingProcedures.rate.input.safeParse({ lectureId, ...scores, comment }),
      async (input) => ({ ok: true as const, data: input }),
      setPreview,
    )

  return (
    <View className='rate'>
      {head}
      <View className='rate__card'>
        <Text className='rate__note'>{`请在${formatDateTime(closesAt)}前评价。讲课人和支部看不到您的姓名（区县以上组织部门能看到，只用于处理不当言论）。`}</Text>
        {RATING_CRITERIA.map((c) => (
          <ScoreRow
            key={c}
            label={RATING_CRITERION[c]}
            question={c === 'overall' ? undefined : RATING_QUESTION[c]}
            value={scores[c]}
            error={errors[c]}
            onChange={(n) => setScores((s) => ({ ...s, [c]: n }))}
          />
        ))}
        <TextField
          label='留言（可不填）'
          multiline
          maxlength={RATING_COMMENT_MAX}
          value={comment}
          placeholder='说说您的收获或建议'
          countText={`还可以写 ${Math.max(0, RATING_COMMENT_MAX - commentLength(comment.trim()))} 字`}
          error={errors.comment}
          onInput={setComment}
        />
        <Button className='rate__button' onClick={() => void toPreview()}>
          下一步：确认评价
        </Button>
      </View>
    </View>
  )
}
