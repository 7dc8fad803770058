import type { ErrorCode, ErrorParams, ErrorReason, HttpErrorBody, ValidationIssue } from '@shared/protocol/errors'

/**
 * A REST failure: the server's error code and reason, or NETWORK when no answer came back at all.
 * Its `message` is for the console only; ui/errors/text.ts puts it in the user's words.
 */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK'
  readonly status: number
  /** A refused body's problems by field (VALIDATION), for a form to show where they are. */
  readonly issues: ValidationIssue[]
  /** What the client words the refusal with, e.g. RATE_LIMITED's `retryAfterSeconds`. */
  readonly params: Readonly<ErrorParams>
  readonly reason: ErrorReason | undefined

  constructor(
    code: ErrorCode | 'NETWORK',
    message: string,
    status: number,
    issues: ValidationIssue[] = [],
    params: ErrorParams = {},
    reason?: ErrorReason,
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.issues = issues
    this.params = params
    this.reason = reason
  }
}

let onUnauthenticated: (() => void) | null = null

/** The session store registers this so any 401 outside the auth endpoints ends the session in one place. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      // The session is an httpOnly cookie on the same origin (the Vite dev proxy keeps it so).
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (err) {
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err), 0)
  }

  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => null)
  if (response.ok) return payload as T

  const error = (payload as { error?: Partial<HttpErrorBody> } | null)?.error
  const code: ErrorCode = error?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : response.status >= 500 ? 'INTERNAL' : 'VALIDATION')
  if (code === 'UNAUTHENTICATED' && !path.startsWith('/api/auth/')) onUnauthenticated?.()
  const described = `${response.status} ${code}${error?.reason ? ` ${error.reason}` : ''}`
  throw new ApiError(code, described, response.status, error?.issues ?? [], error?.params ?? {}, error?.reason)
}
