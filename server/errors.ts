import { ZodError } from 'zod'
import type { ErrorCode, ValidationIssue } from '../shared/errors'
import type { Ack } from '../shared/events'
import type { CardDto } from '../shared/schemas/board'
import type { Logger } from './logger'

/** A refusal the user should read; anything else is logged and reaches the client as INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly card?: CardDto,
  ) {
    super(message)
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  STALE: 409,
  MOVE_NOT_ALLOWED: 422,
  NOTE_REQUIRED: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}

function describeZod(error: ZodError): string {
  const first = error.issues[0]
  if (!first) return 'Data tidak sah.'
  const where = first.path.length ? `${first.path.join('.')}: ` : ''
  return `Data tidak sah — ${where}${first.message}`
}

/** Every issue of a refused body (up to a sane number), for a form to show at each field. */
export function issuesOf(error: ZodError): ValidationIssue[] {
  return error.issues.slice(0, 100).map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }))
}

/** The one converter from any thrown value to an ack error; unknown errors are logged with context. */
export function toErrorAck(err: unknown, log: Logger, context: Record<string, unknown>): Ack<never> {
  if (err instanceof AppError) {
    log.warn({ ...context, code: err.code, reason: err.message }, 'command refused')
    return { ok: false, error: { code: err.code, message: err.message, ...(err.card ? { card: err.card } : {}) } }
  }
  if (err instanceof ZodError) {
    log.warn({ ...context, code: 'VALIDATION', issues: err.issues.slice(0, 5) }, 'command refused')
    return { ok: false, error: { code: 'VALIDATION', message: describeZod(err) } }
  }
  log.error({ ...context, err }, 'command failed')
  return { ok: false, error: { code: 'INTERNAL', message: 'Terjadi kesalahan di server. Coba lagi sebentar lagi.' } }
}
