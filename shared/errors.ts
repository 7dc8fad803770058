/** The closed list of error codes an ack can carry; clients switch on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'STALE',
  'MOVE_NOT_ALLOWED',
  'NOTE_REQUIRED',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
  /**
   * The server's database did not answer in time (stopped, restarting, hung). A command refused so
   * may still be applied when it answers again; resending it with the same opId is safe.
   */
  'DB_UNAVAILABLE',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorBody {
  code: ErrorCode
  message: string
  /** What a client needs to word the refusal itself, e.g. RATE_LIMITED's `retryAfterSeconds`. */
  params?: Record<string, string | number>
}

/** One problem with a refused request body: the field it concerns and what is wrong with it. */
export interface ValidationIssue {
  /** From the body's root, e.g. ['template', 'steps', 2, 'defaultLane']. */
  path: (string | number)[]
  message: string
}

/** A REST error response's `error`; a VALIDATION refusal of a request body lists every issue. */
export interface HttpErrorBody extends ErrorBody {
  issues?: ValidationIssue[]
}
