import { Router, type Request, type Response } from 'express'
import type { Connection } from 'mongoose'
import { Login, SetupAdmin } from '../../shared/schemas/users'
import { AppError } from '../errors'
import { currentUser, sessionToken } from '../http/middleware'
import type { TemplatesRepository } from '../templates/repository'
import type { UsersRepository } from '../users/repository'
import { checkRole } from '../users/routes'
import type { RateLimiter } from './rateLimit'
import { SESSION_COOKIE, type SessionStore } from './sessions'

interface AuthDeps {
  conn: Connection
  users: UsersRepository
  sessions: SessionStore
  loginLimiter: RateLimiter
  cookieSecure: 'auto' | boolean
  templates: TemplatesRepository
  /** Closes the sockets opened with a session that just ended. */
  onSessionEnded: (sessionId: string) => void
}

const COOKIE_MAX_AGE_MS = 30 * 24 * 3600_000

export function authRoutes(deps: AuthDeps): Router {
  const { users, sessions, loginLimiter } = deps
  const router = Router()

  function setCookie(req: Request, res: Response, token: string) {
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.cookieSecure === 'auto' ? req.secure : deps.cookieSecure,
      path: '/',
      // The server ends a session after SESSION_IDLE_HOURS without use (sliding); the cookie only
      // has to outlive that, so an active user is never logged out by the browser.
      maxAge: COOKIE_MAX_AGE_MS,
    })
  }

  router.get('/setup', async (_req, res) => {
    res.json({ needsSetup: (await users.count()) === 0 })
  })

  router.post('/setup', async (req, res) => {
    const input = SetupAdmin.parse(req.body)
    // The first administrator obeys the same role rules as every later user.
    const role = await checkRole(deps.templates, input.role, input.unitId)
    // A marker with a fixed id makes "first administrator" atomic without transactions:
    // of two racing setups exactly one inserts it.
    const meta = deps.conn.collection<{ _id: string; at: Date }>('meta')
    if ((await users.count()) > 0) throw new AppError('CONFLICT', 'Papan SOP sudah disiapkan. Silakan masuk.')
    try {
      await meta.insertOne({ _id: 'setup', at: new Date() })
    } catch {
      throw new AppError('CONFLICT', 'Papan SOP sudah disiapkan. Silakan masuk.')
    }
    try {
      const unitId = role.unitScoped ? input.unitId : null
      const user = await users.create({ ...input, unitId, isAdmin: true })
      setCookie(req, res, await sessions.create(user.id))
      res.status(201).json({ user })
    } catch (err) {
      await meta.deleteOne({ _id: 'setup' })
      throw err
    }
  })

  router.post('/auth/login', async (req, res) => {
    const input = Login.parse(req.body)
    const wait = Math.max(loginLimiter.hit(`ip:${req.ip}`), loginLimiter.hit(`user:${input.username}`))
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait))
      throw new AppError('RATE_LIMITED', `Terlalu banyak percobaan masuk. Coba lagi dalam ${Math.ceil(wait / 60)} menit.`)
    }
    const user = await users.verifyLogin(input.username, input.password)
    if (!user) throw new AppError('UNAUTHENTICATED', 'Nama pengguna atau kata sandi salah.')
    loginLimiter.reset(`user:${input.username}`)
    // An office behind one NAT address signs in together at opening time: only failures count there.
    loginLimiter.release(`ip:${req.ip}`)
    // A fresh token at every login: a session id planted before login is worthless after it.
    await sessions.destroy(sessionToken(req))
    setCookie(req, res, await sessions.create(user.id))
    res.json({ user })
  })

  router.post('/auth/logout', async (req, res) => {
    const ended = await sessions.destroy(sessionToken(req))
    if (ended) deps.onSessionEnded(ended)
    res.clearCookie(SESSION_COOKIE, { path: '/' })
    res.status(204).end()
  })

  router.get('/auth/me', (req, res) => {
    res.json({ user: currentUser(req) })
  })

  return router
}
