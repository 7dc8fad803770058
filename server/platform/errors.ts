import mongoose from 'mongoose'
import { ZodError, type z } from 'zod'
import type { ErrorBody, ErrorCode, ErrorParams, ErrorReason, ValidationIssue } from '../../shared/protocol/errors'
import type { Ack } from '../../shared/protocol/events'
import type { CardDto } from '../../shared/protocol/board'
import type { Logger } from './logger'

/**
 * A refusal the user should read, as a code, a reason and its params: the client words it (the
 * server sends no sentences). Anything else thrown is logged and reaches the client as INTERNAL.
 * The Error's own message is for logs and stack traces only.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: ErrorReason,
    readonly params?: ErrorParams,
    /** With STALE: the card as it is now, so the client can put it back where it really is. */
    readonly card?: CardDto,
  ) {
    super(params ? `${code} ${reason} ${JSON.stringify(params)}` : `${code} ${reason}`)
  }

  get body(): ErrorBody {
    return { code: this.code, reason: this.reason, ...(this.params ? { params: this.params } : {}) }
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
  DB_UNAVAILABLE: 503,
}

/** DB_UNAVAILABLE has no finer reason: the code says it all, and a resend is safe. */
export const DB_UNAVAILABLE_BODY: ErrorBody = { code: 'DB_UNAVAILABLE' }

class DbUnavailableError extends Error {}

/** The refusal of a command or request while the database does not answer (server/platform/db/health.ts). */
export function dbUnavailable(): Error {
  return new DbUnavailableError('the database does not answer')
}

const { mongo } = mongoose
/**
 * The driver's ways of saying it could not reach the database: a lost or timed-out connection
 * (a pool cleared after one is a MongoNetworkError too), no server to select, a client already
 * closed, and mongoose's "buffering timed out" while it waits for a reconnection.
 */
function isDbUnreachable(err: unknown): boolean {
  return (
    err instanceof mongo.MongoNetworkError ||
    err instanceof mongo.MongoServerSelectionError ||
    err instanceof mongoose.Error.MongooseServerSelectionError ||
    err instanceof mongo.MongoTopologyClosedError ||
    err instanceof mongo.MongoNotConnectedError ||
    err instanceof mongo.MongoServerClosedError ||
    (err instanceof mongoose.Error && /buffering timed out/.test(err.message))
  )
}

/** A zod issue's numbers and words that are data (its bounds, format, a rule's own params). */
function paramsOf(issue: z.core.$ZodIssue): ErrorParams | undefined {
  const params: ErrorParams = {}
  const source: Record<string, unknown> = issue.code === 'custom' ? { ...issue.params } : { ...issue }
  for (const key of issue.code === 'custom' ? Object.keys(source) : ['origin', 'minimum', 'maximum', 'expected', 'format', 'divisor']) {
    const value = source[key]
    if (typeof value === 'string') params[key] = value.slice(0, 200)
    else if (typeof value === 'number' || typeof value === 'bigint') params[key] = Number(value)
  }
  return Object.keys(params).length ? params : undefined
}

const pathOf = (issue: z.core.$ZodIssue) => issue.path.map((key) => (typeof key === 'number' ? key : String(key)))

/** Every issue of a refused body (up to a sane number), for a form to show at each field. */
export function issuesOf(error: ZodError): ValidationIssue[] {
  return error.issues.slice(0, 100).map((issue) => {
    const params = paramsOf(issue)
    return { path: pathOf(issue), code: issue.code, ...(params ? { params } : {}) }
  })
}

/** A zod refusal as an error body: where the first problem is, and what zod calls it. */
function validationBody(error: ZodError): ErrorBody {
  const first = error.issues[0]
  return { code: 'VALIDATION', reason: 'validation', params: { path: first ? pathOf(first).join('.') : '', issue: first?.code ?? 'custom' } }
}

/** The one converter from any thrown value to an ack error; unknown errors are logged with context. */
export function toErrorAck(err: unknown, log: Logger, context: Record<string, unknown>): Ack<never> {
  if (err instanceof AppError) {
    log.warn({ ...context, code: err.code, reason: err.reason, params: err.params }, 'command refused')
    return { ok: false, error: { ...err.body, ...(err.card ? { card: err.card } : {}) } }
  }
  if (err instanceof ZodError) {
    log.warn({ ...context, code: 'VALIDATION', issues: err.issues.slice(0, 5) }, 'command refused')
    return { ok: false, error: validationBody(err) }
  }
  if (err instanceof DbUnavailableError || isDbUnreachable(err)) {
    // Expected while the database is away; /healthz and the health monitor's log say why.
    log.warn({ ...context, code: 'DB_UNAVAILABLE', cause: (err as Error).message }, 'command refused')
    return { ok: false, error: DB_UNAVAILABLE_BODY }
  }
  log.error({ ...context, err }, 'command failed')
  return { ok: false, error: { code: 'INTERNAL' } }
}
