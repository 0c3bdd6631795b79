/**
 * The contract between pages and cloud functions: for each function, for each action, the zod
 * schema of its input and the type of its output. Pages know it by type (src/api/client.ts);
 * functions parse every payload with it (cloudfunctions/_shared/router.ts). Nothing else declares
 * these shapes.
 */
import { z } from 'zod'
import { THEME_CODES, type ThemeCode } from './themes'

// Validation messages in Chinese, on the server and in forms alike.
z.config(z.locales.zhCN())

const isoDate = z.iso.datetime({ offset: true })

export const lectureListInput = z.object({
  theme: z.enum(THEME_CODES).optional(),
  /** Keyset paging: the last item of the previous page. */
  after: z.object({ startAt: isoDate, id: z.string().min(1).max(64) }).optional(),
  pageSize: z.number().int().min(1).max(50).default(20),
})

export interface LectureSummary {
  id: string
  title: string
  theme: ThemeCode
  lecturerName: string
  hostOrgName: string
  /** ISO 8601 */
  startAt: string
  endAt: string
  address: string
  capacity: number
  seatsLeft: number
  hours: number
}

export interface LectureList {
  items: LectureSummary[]
  /** Pass as `after` to load the next page; absent on the last page. */
  next?: { startAt: string; id: string }
}

/** A procedure: its input schema and (by type only) its output. */
interface Procedure<I extends z.ZodType, O> {
  input: I
  output?: O
}
function procedure<O>() {
  return <I extends z.ZodType>(input: I): Procedure<I, O> => ({ input })
}

export const contract = {
  lecture: {
    list: procedure<LectureList>()(lectureListInput),
  },
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
  ProcedureOf<F, A> extends Procedure<z.ZodType, infer O> ? O : never

/** What a page sends: `{action, payload}` to the function of that name. */
export interface CallEvent {
  action: string
  payload?: unknown
}
