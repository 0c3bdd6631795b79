/** The `topic` cloud function: the year's key topics (点题). */
import { createFunction } from '../_shared/router'

export const main = createFunction('topic', {})
