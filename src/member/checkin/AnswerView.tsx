import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { openSettings } from '../../api/location'
import { OFFLINE_MAX_DELAY_MS } from '../../shared/checkinRules'
import { routes } from '../../utils/routes'
import { resultNote, resultTitle } from './outcome'
import type { Answer } from './useCheckinScan'

/** The answer to the member's last tap, big, under the actions; after a check-out (L3), 去评价. */
export default function AnswerView({ answer, lectureId }: { answer: Answer; lectureId: string }) {
  switch (answer.kind) {
    case 'done':
      if (answer.result.review) {
        return (
          <View className={`checkin__answer checkin__answer--${answer.result.review.status}`} role='status'>
            <Text className='checkin__answer-title'>{resultTitle(answer.result)}</Text>
            <Text className='checkin__answer-text'>{resultNote(answer.result)}</Text>
          </View>
        )
      }
      return (
        <View className='checkin__answer checkin__answer--done' role='status'>
          <Text className='checkin__answer-mark'>✓</Text>
          <Text className='checkin__answer-title'>{resultTitle(answer.result)}</Text>
          {resultNote(answer.result) && <Text className='checkin__answer-text'>{resultNote(answer.result)}</Text>}
          {answer.result.kind === 'checkedOut' && (
            <Button className='checkin__button' onClick={() => void Taro.navigateTo({ url: routes.rate(lectureId) })}>
              去评价
            </Button>
          )}
        </View>
      )
    case 'refused':
      return (
        <View className='checkin__answer checkin__answer--refused' role='alert'>
          <Text className='checkin__answer-title'>{answer.refusal.message}</Text>
          {answer.refusal.explanation && <Text className='checkin__answer-text'>{answer.refusal.explanation}</Text>}
          {answer.refusal.code === 'NOT_A_MEMBER' && (
            <Button className='checkin__button' onClick={() => void Taro.navigateTo({ url: routes.bind })}>
              去绑定
            </Button>
          )}
        </View>
      )
    case 'saved':
      return (
        <View className='checkin__answer checkin__answer--saved' role='status'>
          <Text className='checkin__answer-title'>网络不通，已保存，网络恢复后自动提交</Text>
          <Text className='checkin__answer-text'>
            {`签到按您扫码的时间计算。请在${OFFLINE_MAX_DELAY_MS / 3_600_000}小时内让手机连上网络（打开本小程序即可自动提交）。`}
          </Text>
        </View>
      )
    case 'notice':
      return (
        <View className='checkin__answer checkin__answer--refused' role='alert'>
          <Text className='checkin__answer-text'>{answer.text}</Text>
          {answer.settings && (
            <Button className='checkin__button' onClick={openSettings}>
              去设置
            </Button>
          )}
        </View>
      )
  }
}
