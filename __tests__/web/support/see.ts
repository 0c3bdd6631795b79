/** What a member sees on the page, for page tests. */
import { fireEvent, screen } from '@testing-library/react'

/** Each of these texts stands on the page, once (a missing or repeated one fails with its text). */
export function expectTexts(...texts: string[]): void {
  for (const text of texts) expect(screen.getByText(text)).toBeInTheDocument()
}

/** Tap the text `button`, then wait until the page says `shown`. */
export async function tapThenSee(button: string, shown: string): Promise<void> {
  fireEvent.click(screen.getByText(button))
  expect(await screen.findByText(shown)).toBeInTheDocument()
}
