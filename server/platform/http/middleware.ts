import type { NextFunction, Request, Response } from 'express'
import { ZodError } from 'zod'
import type { HttpErrorBody } from '../../../shared/protocol/errors'
import type { UserDto } from '../../../shared/protocol/users'
import { AppError, HTTP_STATUS, issuesOf, toErrorAck } from '../errors'
import type { Logger } from '../logger'
import { duplicateKeyIn } from './duplicateKeys'
import { parseCookies, SESSION_COOKIE, type SessionStore } from '../../auth/sessions'

declare module 'express-serve-static-core' {
  interface Request {
    user?: UserDto
  }
}

export function sessionToken(req: Request): string | undefined {
  return parseCookies(req.headers.cookie)[SESSION_COOKIE]
}

/** Attaches `req.user` when the cookie names a live session; never refuses by itself. */
export function loadUser(sessions: SessionStore) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const resolved = await sessions.resolve(sessionToken(req))
    if (resolved) req.user = resolved.user
    next()
  }
}

/**
 * After an administrator's password reset the account may sign in with the temporary password
 * only to choose its own: every request but the auth routes (me, password, logout) and the
 * public setup check the app starts with is refused.
 */
export function refuseUntilPasswordChanged(req: Request, _res: Response, next: NextFunction): void {
  const open = req.path.startsWith('/auth/') || req.path === '/setup'
  if (req.user?.mustChangePassword && !open) return next(new AppError('FORBIDDEN', 'password_change_required'))
  next()
}

export function currentUser(req: Request): UserDto {
  if (!req.user) throw new AppError('UNAUTHENTICATED', 'sign_in_required')
  return req.user
}

export function currentAdmin(req: Request): UserDto {
  const user = currentUser(req)
  if (!user.isAdmin) throw new AppError('FORBIDDEN', 'admin_only')
  return user
}

/**
 * express.json's `verify`: a body with a key twice in one object is refused (400) before any route
 * reads it; see duplicateKeyIn.
 */
export function refuseDuplicateKeys(_req: Request, _res: Response, buf: Buffer): void {
  const key = duplicateKeyIn(buf.toString('utf8'))
  if (key !== null) throw Object.assign(new Error(`duplicate key ${JSON.stringify(key)}`), { status: 400, type: 'entity.duplicate.key' })
}

export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    // body-parser's own errors (malformed JSON, body too large) carry a status of their own.
    const status = (err as { status?: number; type?: string }).status
    if (!(err instanceof AppError) && !(err instanceof ZodError) && status && status < 500) {
      log.warn({ path: req.path, status, reason: (err as Error).message }, 'request refused')
      const reason = status === 413 ? 'body_too_large' : status === 415 ? 'body_not_json' : 'malformed'
      res.status(status).json({ error: { code: 'VALIDATION', reason } satisfies HttpErrorBody })
      return
    }
    const ack = toErrorAck(err, log, { path: req.path, method: req.method, userId: req.user?.id })
    if (ack.ok) return
    // Forms (the template editor above all) mark each field; the body's params name only the first.
    const error: HttpErrorBody = err instanceof ZodError ? { ...ack.error, issues: issuesOf(err) } : ack.error
    res.status(HTTP_STATUS[ack.error.code]).json({ error })
  }
}
