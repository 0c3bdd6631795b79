/** A member's form sent once: the contract's verdict under each field, busy while sending, the server's refusal. */
import { useState } from 'react'
import type { Refusal, Reply } from '../shared/errors'
import { fieldErrors, type FieldErrors, type Issues } from './formErrors'

/** What `schema.safeParse` answers, in zod or zod/mini, or a zod-free check of the same shape (bindRules). */
type Parsed<I> = { success: true; data: I } | { success: false; error: Issues }

/** `wording`: the member-facing words for fields whose schema has none (see fieldErrors). */
export function useFormSubmit(wording: Record<string, string> = {}) {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [refused, setRefused] = useState<Refusal>()

  /** Parse with the same schema as the server, so the page refuses exactly what the server would. */
  const submit = async <I, O>(parsed: Parsed<I>, send: (input: I) => Promise<Reply<O>>, onDone: (data: O) => void) => {
    if (busy) return
    setRefused(undefined)
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, wording))
      return
    }
    setErrors({})
    setBusy(true)
    const reply = await send(parsed.data)
    setBusy(false)
    if (reply.ok) onDone(reply.data)
    else setRefused(reply)
  }

  /** Another way of filling the form: the old verdicts no longer apply. */
  const clear = () => {
    setErrors({})
    setRefused(undefined)
  }

  return { errors, busy, refused, submit, clear }
}
