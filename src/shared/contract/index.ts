/**
 * The contract between pages and cloud functions: for each function, for each action, the zod
 * schema of its input and the type of its output. Pages know it by type (src/api/client.ts);
 * functions parse every payload with it (cloudfunctions/_shared/router.ts). Nothing else declares
 * these shapes.
 */
import type { z } from 'zod'
import type { Procedure } from './common'
import { appointProcedures } from './appoint'
import { checkinProcedures } from './checkin'
import { hoursProcedures } from './hours'
import { lectureProcedures } from './lecture'
import { maintenanceProcedures } from './maintenance'
import { memberProcedures } from './member'
import { orgTreeProcedures } from './org'
import { lecturerProcedures } from './lecturer'
import { proposalProcedures } from './proposal'
import { ratingProcedures } from './rating'
import { signupProcedures } from './signup'
import { topicProcedures } from './topic'

export * from './appoint'
export * from './checkin'
export * from './hours'
export * from './lecture'
export * from './lecturer'
export * from './maintenance'
export * from './member'
export * from './org'
export * from './privacy'
export * from './proposal'
export * from './rating'
export * from './ratingView'
export * from './signup'
export * from './topic'
export * from './transfer'

export const contract = {
  lecture: lectureProcedures,
  member: memberProcedures,
  signup: signupProcedures,
  proposal: proposalProcedures,
  checkin: checkinProcedures,
  hours: hoursProcedures,
  maintenance: maintenanceProcedures,
  org: { ...orgTreeProcedures, ...appointProcedures },
  rating: ratingProcedures,
  topic: topicProcedures,
  lecturer: lecturerProcedures,
} as const

export type Contract = typeof contract
export type FunctionName = keyof Contract
export type ActionName<F extends FunctionName> = keyof Contract[F] & string
type ProcedureOf<F extends FunctionName, A extends ActionName<F>> = Contract[F][A]
export type ActionInput<F extends FunctionName, A extends ActionName<F>> =
  ProcedureOf<F, A> extends Procedure<infer I, unknown> ? z.input<I> : never
export type ParsedInput<F extends FunctionName, A extends ActionName<F>> =
  ProcedureOf<F, A> extends Procedure<infer I, unknown> ? z.output<I> : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> =
  ProcedureOf<F, A> extends Procedure<z.core.$ZodType, infer O> ? O : never

/** What a page sends: `{action, payload}` to the function of that name. */
export interface CallEvent {
  action: string
  payload?: unknown
}
