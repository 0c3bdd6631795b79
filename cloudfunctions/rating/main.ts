/** The `rating` cloud function: audience ratings (评党课). Actions are added by issue 8's work. */
import { createFunction } from '../_shared/router'

export const main = createFunction('rating', {})
