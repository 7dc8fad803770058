import type { ErrorCode } from '../../../shared/errors'

/** A REST failure: the server's error code, or NETWORK when no answer came back at all. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK'
  readonly status: number

  constructor(code: ErrorCode | 'NETWORK', message: string, status: number) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
  }
}

let onUnauthenticated: (() => void) | null = null

/** The session store registers this so any 401 outside the auth endpoints ends the session in one place. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler
}

let dateOffsetMs: number | null = null

/**
 * Server clock minus browser clock, from the Date header of the last answer (whole seconds, so
 * good to about a second): enough for timers shown in minutes where no snapshot gives serverTime.
 */
export function httpClockOffsetMs(): number | null {
  return dateOffsetMs
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

  const date = Date.parse(response.headers.get('date') ?? '')
  // The header is truncated to the second; half a second is the expected loss.
  if (!Number.isNaN(date)) dateOffsetMs = date + 500 - Date.now()

  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => null)
  if (response.ok) return payload as T

  const error = (payload as { error?: { code?: ErrorCode; message?: string } } | null)?.error
  const code: ErrorCode = error?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : response.status >= 500 ? 'INTERNAL' : 'VALIDATION')
  if (code === 'UNAUTHENTICATED' && !path.startsWith('/api/auth/')) onUnauthenticated?.()
  throw new ApiError(code, error?.message ?? response.statusText, response.status)
}
