/** The `lecturer` cloud function: the lecturer pool (师资库) and invitations. */
import { createFunction } from '../_shared/router'

export const main = createFunction('lecturer', {})
