import mongoose from 'mongoose'
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
    /** Sent with the message so a client can word the refusal itself (ErrorBody.params). */
    readonly params?: Record<string, string | number>,
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
  DB_UNAVAILABLE: 503,
}

const DB_UNAVAILABLE_MESSAGE = 'Basis data tidak tersedia, coba lagi.'

/** The refusal of a command or request while the database does not answer (server/db/health.ts). */
export function dbUnavailable(): AppError {
  return new AppError('DB_UNAVAILABLE', DB_UNAVAILABLE_MESSAGE)
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
    return { ok: false, error: { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}), ...(err.card ? { card: err.card } : {}) } }
  }
  if (err instanceof ZodError) {
    log.warn({ ...context, code: 'VALIDATION', issues: err.issues.slice(0, 5) }, 'command refused')
    return { ok: false, error: { code: 'VALIDATION', message: describeZod(err) } }
  }
  if (isDbUnreachable(err)) {
    // Expected while the database is away; /healthz and the health monitor's log say why.
    log.warn({ ...context, code: 'DB_UNAVAILABLE', reason: (err as Error).message }, 'command refused')
    return { ok: false, error: { code: 'DB_UNAVAILABLE', message: DB_UNAVAILABLE_MESSAGE } }
  }
  log.error({ ...context, err }, 'command failed')
  return { ok: false, error: { code: 'INTERNAL', message: 'Terjadi kesalahan di server. Coba lagi sebentar lagi.' } }
}
