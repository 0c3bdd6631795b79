/** A contract rule as a form's check (structural, so a page needs no zod import of its own for it). */
interface Rule {
  safeParse(value: string): { error?: { issues: readonly { message: string }[] } }
}

/** A ReasonForm's `validate` from a contract rule: the rule's first message, or undefined when it passes. */
export function problemWith(rule: Rule): (value: string) => string | undefined {
  return (value) => rule.safeParse(value).error?.issues[0]?.message
}
