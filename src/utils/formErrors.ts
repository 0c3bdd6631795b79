/** Form validation with the contract's zod schemas: the first message per field, for showing under it. */
export type FieldErrors = Record<string, string>

/** A zod error, or anything with issues of its shape (no zod type here: this module rides in the main package). */
export interface Issues {
  issues: readonly { path: readonly PropertyKey[]; message: string }[]
}

/**
 * `wording` replaces the message for fields whose schema has no message of its own for a member (zod's
 * locale text such as "数值过小：期望 string >=1 字符" would puzzle them).
 */
export function fieldErrors(error: Issues, wording: Record<string, string> = {}): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '')
    if (!(field in out)) out[field] = wording[field] ?? issue.message
  }
  return out
}
