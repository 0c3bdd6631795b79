/** Form validation with the contract's zod schemas: the first message per field, for showing under it. */
import type { z } from 'zod'

export type FieldErrors = Record<string, string>

/**
 * `wording` replaces the message for fields whose schema has no message of its own for a member (zod's
 * locale text such as "数值过小：期望 string >=1 字符" would puzzle them).
 */
export function fieldErrors(error: z.core.$ZodError, wording: Record<string, string> = {}): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '')
    if (!(field in out)) out[field] = wording[field] ?? issue.message
  }
  return out
}
