/** Typing into a page's labelled field, as a member does. */
import { fireEvent, screen } from '@testing-library/react'

/** Types `value` into the field labelled `label` (its whole value, as an input event would leave it). */
export const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
