import { z } from '../zod'
import { ERROR_CODES, ERROR_REASONS } from './errorCodes'

export const ErrorCode = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCode>

export const ErrorReason = z.enum(ERROR_REASONS)
export type ErrorReason = z.infer<typeof ErrorReason>

/** Values only: numbers, ids and names that are data (a unit, a role, a step number, a person). */
export const ErrorParams = z.record(z.string(), z.union([z.string(), z.number()]))
export type ErrorParams = z.infer<typeof ErrorParams>

/** What every refused ack and every HTTP error carries as `error`. No sentence: the client words it. */
export const ErrorBody = z.strictObject({
  code: ErrorCode,
  reason: ErrorReason.optional(),
  params: ErrorParams.optional(),
})
export type ErrorBody = z.infer<typeof ErrorBody>

/**
 * One problem with a refused request body, as zod found it: where (from the body's root, e.g.
 * ['template', 'steps', 2, 'defaultLane']), zod's issue code, and its numbers or the rule's own
 * params (`minimum`, `maximum`, `origin`, `format`; a cross-field rule's `rule` and its data).
 */
export const ValidationIssue = z.strictObject({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  params: ErrorParams.optional(),
})
export type ValidationIssue = z.infer<typeof ValidationIssue>

/** A REST error response's `error`; a VALIDATION refusal of a request body lists every issue. */
export const HttpErrorBody = ErrorBody.extend({ issues: z.array(ValidationIssue).optional() })
export type HttpErrorBody = z.infer<typeof HttpErrorBody>
