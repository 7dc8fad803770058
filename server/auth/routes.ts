import { Router, type Request, type Response } from 'express'
import type { Connection } from 'mongoose'
import { passwordWeakness } from '../../shared/auth/passwordPolicy'
import { Login, passwordChangeFor, SetupAdmin, type SessionDto, type UserDto } from '../../shared/protocol/users'
import { AppError } from '../platform/errors'
import { currentUser, sessionToken } from '../platform/http/middleware'
import type { TemplatesRepository } from '../templates/repository'
import type { UsersRepository } from '../users/repository'
import { checkRole } from '../users/routes'
import { KNOWN_BROWSER_COOKIE, KNOWN_BROWSER_MAX_AGE_MS, type KnownBrowsers } from './knownBrowsers'
import type { LoginGuard } from './rateLimit'
import { parseCookies, SESSION_COOKIE, type SessionStore } from './sessions'
import type { Clock } from '../platform/clock'

interface AuthDeps {
  conn: Connection
  users: UsersRepository
  sessions: SessionStore
  loginGuard: LoginGuard
  knownBrowsers: KnownBrowsers
  cookieSecure: 'auto' | boolean
  templates: TemplatesRepository
  /** A temporary password's expiry is judged by it. */
  clock: Clock
  /** Closes the sockets opened with a session that just ended. */
  onSessionEnded: (sessionId: string) => void
}

const COOKIE_MAX_AGE_MS = 30 * 24 * 3600_000

export function authRoutes(deps: AuthDeps): Router {
  const { users, sessions, loginGuard, knownBrowsers } = deps
  const router = Router()

  const secure = (req: Request) => (deps.cookieSecure === 'auto' ? req.secure : deps.cookieSecure)
  const knownBrowserCookie = (req: Request) => parseCookies(req.headers.cookie)[KNOWN_BROWSER_COOKIE]

  /**
   * Checks a password of `account` under the login limits (rateLimit.ts): refused with 429 and
   * Retry-After while a wait is in force, before the password is looked at; otherwise the check's
   * result is counted as a success or a failure.
   */
  async function guardedCheck(req: Request, res: Response, account: string, check: () => Promise<UserDto | null>): Promise<UserDto | null> {
    const browser = knownBrowsers.browserFor(knownBrowserCookie(req), account)
    const ticket = loginGuard.begin({ account, address: req.ip ?? '', browser })
    if (!ticket.ok) {
      const seconds = ticket.retryAfterSeconds
      res.setHeader('Retry-After', String(seconds))
      throw new AppError('RATE_LIMITED', 'rate_limited', { retryAfterSeconds: seconds })
    }
    let user: UserDto | null
    try {
      user = await check()
    } catch (err) {
      ticket.finish('error')
      throw err
    }
    ticket.finish(user ? 'success' : 'failure')
    return user
  }

  function setCookie(req: Request, res: Response, token: string) {
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secure(req),
      path: '/',
      // The server ends a session after SESSION_IDLE_HOURS without use (sliding); the cookie only
      // has to outlive that, so an active user is never logged out by the browser.
      maxAge: COOKIE_MAX_AGE_MS,
    })
  }

  /** Vouches that this browser signed in to the account (knownBrowsers.ts); only the auth routes read it. */
  function rememberBrowser(req: Request, res: Response, username: string) {
    res.cookie(KNOWN_BROWSER_COOKIE, knownBrowsers.remember(knownBrowserCookie(req), username), {
      httpOnly: true,
      sameSite: 'strict',
      secure: secure(req),
      path: '/api/auth',
      maxAge: KNOWN_BROWSER_MAX_AGE_MS,
    })
  }

  router.get('/setup', async (_req, res) => {
    res.json({ needsSetup: (await users.count()) === 0 })
  })

  router.post('/setup', async (req, res) => {
    const input = SetupAdmin.parse(req.body)
    // The first administrator obeys the same role rules as every later user.
    const role = await checkRole(deps.templates, input.role, input.unitId, true)
    // A marker with a fixed id makes "first administrator" atomic without transactions:
    // of two racing setups exactly one inserts it.
    const meta = deps.conn.collection<{ _id: string; at: Date }>('meta')
    if ((await users.count()) > 0) throw new AppError('CONFLICT', 'setup_done')
    try {
      await meta.insertOne({ _id: 'setup', at: new Date() })
    } catch {
      throw new AppError('CONFLICT', 'setup_done')
    }
    try {
      const unitId = role.unitScoped ? input.unitId : null
      const user = await users.create({ ...input, unitId, isAdmin: true })
      setCookie(req, res, await sessions.create(user.id))
      rememberBrowser(req, res, user.username)
      res.status(201).json({ user, weakPassword: false } satisfies SessionDto)
    } catch (err) {
      await meta.deleteOne({ _id: 'setup' })
      throw err
    }
  })

  router.post('/auth/login', async (req, res) => {
    const input = Login.parse(req.body)
    const user = await guardedCheck(req, res, input.username, () => users.verifyLogin(input.username, input.password, deps.clock()))
    if (!user) throw new AppError('UNAUTHENTICATED', 'login_failed')
    // An account from before the password policy keeps working; the client asks for a new password.
    const weakPassword = passwordWeakness(input.password, { username: user.username }) !== null
    // A fresh token at every login: a session id planted before login is worthless after it.
    await sessions.destroy(sessionToken(req))
    setCookie(req, res, await sessions.create(user.id, { weakPassword }))
    rememberBrowser(req, res, user.username)
    res.json({ user, weakPassword } satisfies SessionDto)
  })

  /** One's own password: the current one as proof (under the login limits), the new one under the policy. */
  router.post('/auth/password', async (req, res) => {
    const me = currentUser(req)
    const input = passwordChangeFor(me.username).parse(req.body)
    const confirmed = await guardedCheck(req, res, me.username, () => users.verifyLogin(me.username, input.currentPassword, deps.clock()))
    // Not 401: the session stands, only the proof was wrong.
    if (!confirmed) throw new AppError('FORBIDDEN', 'password_wrong')
    await users.setPassword(me.id, input.newPassword)
    const token = sessionToken(req)
    await sessions.markPasswordChanged(token)
    // Whoever knew the old password is signed out everywhere else.
    for (const ended of await sessions.destroyOthers(me.id, token)) deps.onSessionEnded(ended)
    // As stored now: a reset's "must change" is over.
    res.json({ user: (await users.findById(me.id)) ?? me, weakPassword: false } satisfies SessionDto)
  })

  router.post('/auth/logout', async (req, res) => {
    const ended = await sessions.destroy(sessionToken(req))
    if (ended) deps.onSessionEnded(ended)
    res.clearCookie(SESSION_COOKIE, { path: '/' })
    res.status(204).end()
  })

  router.get('/auth/me', async (req, res) => {
    const user = currentUser(req)
    res.json({ user, weakPassword: await sessions.weakPassword(sessionToken(req)) } satisfies SessionDto)
  })

  return router
}
