/** The `rating` cloud function: audience ratings (评党课). Actions are added by issue 8's work. */
import { createFunction } from '../_shared/router'
import { given } from './given'
import { myRating } from './myRating'
import { ofLecture } from './ofLecture'
import { pending } from './pending'
import { rate } from './rate'

export const main = createFunction('rating', {
  rate,
  myRating,
  pending,
  ofLecture,
  given,
})
