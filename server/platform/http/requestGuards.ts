import type { NextFunction, Request, Response } from 'express'
import { AppError } from '../errors'
import type { Logger } from '../logger'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The host (name and port) an Origin header names, or null for `null` and other non-URLs. */
export function originHost(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

/**
 * Cross-site request forgery: a state-changing request must come from a page of this app.
 *
 * The session cookie is SameSite=Lax, which still rides along with requests from a *same-site*
 * page (another app on the same host, another port) and with top-level form posts in some
 * browsers. So every POST/PUT/PATCH/DELETE must show where it comes from: `Sec-Fetch-Site:
 * same-origin` where the browser sends it, and an `Origin` whose host is this server's `Host`.
 * A request that shows neither is refused too, unless it carries `Authorization: Bearer …`:
 * no form and no cross-site script can set that header without a CORS preflight, which this
 * server never grants, so non-browser clients (the backup token, scripts) use it. The host is
 * compared, not the scheme, so a TLS proxy that does not forward the scheme still works; a page
 * of the same host on the other scheme is stopped by Sec-Fetch-Site ("same-site").
 */
export function sameOriginWrites(log: Logger) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const site = req.headers['sec-fetch-site']
    const origin = req.headers.origin
    const bearer = req.headers.authorization?.startsWith('Bearer ') ?? false
    let refusal: string | null = null
    if (site !== undefined && site !== 'same-origin') refusal = `sec-fetch-site ${site}`
    else if (origin !== undefined && originHost(origin) !== req.headers.host) refusal = `origin ${origin}`
    else if (origin === undefined && site === undefined && !bearer) refusal = 'no origin'
    if (!refusal) return next()
    log.warn({ method: req.method, path: req.path, ip: req.ip, refusal }, 'cross-site request refused')
    next(new AppError('FORBIDDEN', 'cross_site'))
  }
}

function mediaType(req: Request): string | null {
  const header = req.headers['content-type']
  return header ? (header.split(';')[0] ?? '').trim().toLowerCase() : null
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
}

/** 415: the body is of a kind this route does not read (HTTP_STATUS has no code of its own for it). */
function unsupported(expected: string): Error {
  return Object.assign(new Error(`expected ${expected}`), { status: 415, expose: true })
}

/** The body types an HTML form can send, and a cross-site script can send without a preflight. */
const FORM_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])

/**
 * What a state-changing request may carry: JSON, or nothing at all. A document upload carries its
 * raw bytes under any type but a form's (the app sends `application/octet-stream`; the server
 * reads the file's kind from its bytes anyway). So no form body reaches a route, and no body is
 * ever read as something it is not.
 */
export function bodyTypes(opts: { rawUploads: (req: Request) => boolean }) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const type = mediaType(req)
    if (opts.rawUploads(req)) return next(type !== null && !FORM_TYPES.has(type) ? undefined : unsupported('application/octet-stream'))
    if (type === null && !hasBody(req)) return next()
    next(type === 'application/json' ? undefined : unsupported('application/json'))
  }
}
