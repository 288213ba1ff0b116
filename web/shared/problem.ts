import type { paths } from './api/schema'

/** The codes of an operation's answers: each problem answer's schema narrows `code` to the codes it declares. */
type CodesOf<Responses> = {
  [Status in keyof Responses]: Responses[Status] extends { content: { 'application/problem+json': { code?: infer Code } } }
    ? Code
    : never
}[keyof Responses]

/**
 * The problem codes an operation can answer, as docs/openapi.yaml declares them: `ProblemCode<'/api/v1/bookings', 'post'>`
 * is `'SLOT_FULL' | 'HOLD_EXPIRED' | ...`, so a code a screen handles that the operation never answers does not compile.
 */
export type ProblemCode<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  responses: infer Responses
}
  ? Extract<CodesOf<Responses>, string>
  : never

/** An RFC 9457 problem as the suite writes it (docs/adr/0003-problem-details.md). */
export interface Problem {
  status: number
  code: string
  title?: string
  detail?: string
  violations?: { field: string; code: string; message: string }[]
  requestId?: string
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code)
  }
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value != null && typeof (value as Problem).code === 'string'
}

/**
 * Messages by form field: each violation beside the field it names; a problem without violations beside the field
 * its code is about (`codeFields`, e.g. SLOT_FULL → the time window), otherwise under the key '' (the whole form).
 * The texts are the API's, already in the user's language (Accept-Language).
 */
export function fieldMessages(problem: Problem, codeFields: Partial<Record<string, string>> = {}): Record<string, string> {
  const messages: Record<string, string> = {}
  for (const v of problem.violations ?? []) {
    messages[v.field] = messages[v.field] ? `${messages[v.field]}; ${v.message}` : v.message
  }
  if (!problem.violations?.length) {
    messages[codeFields[problem.code] ?? ''] = problem.detail ?? problem.title ?? problem.code
  }
  return messages
}
