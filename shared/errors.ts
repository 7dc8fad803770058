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
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorBody {
  code: ErrorCode
  message: string
}
