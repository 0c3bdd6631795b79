/** Typing into a page's fields, as a member does. */
import { fireEvent, screen } from '@testing-library/react'

/** Types `value` into the field labelled `label` (its whole value, as an input event would leave it). */
export const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

/** The element `selector` finds in the page, or a test error naming it. */
export function el(container: HTMLElement, selector: string): Element {
  const found = container.querySelector(selector)
  if (!found) throw new Error(`no ${selector}`)
  return found
}

/** Types `value` into the field `selector` finds (a form's #field-title, a reason's #cancel-reason-l1…). */
export const typeAt = (container: HTMLElement, selector: string, value: string) =>
  fireEvent.change(el(container, selector), { target: { value } })
