/** The `topic` cloud function: the year's key topics (点题). */
import { createFunction } from '../_shared/router'
import { topicDetail } from './detail'
import { publishTopic, saveTopic, withdrawTopic } from './keep'
import { listTopics, topicChoices } from './list'

export const main = createFunction('topic', {
  list: listTopics,
  choices: topicChoices,
  save: saveTopic,
  publish: publishTopic,
  withdraw: withdrawTopic,
  detail: topicDetail,
})
