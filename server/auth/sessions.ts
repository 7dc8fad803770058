import { createHash, randomBytes } from 'node:crypto'
import { Schema, type Connection } from 'mongoose'
import type { Clock } from '../platform/clock'
import { toUserDto, type UserModel } from '../users/model'
import type { UserDto } from '../../shared/protocol/users'

const sessionSchema = new Schema({
  // The id is a hash of the cookie's token: a leaked sessions collection cannot be replayed.
  _id: { type: String, required: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
  // Opened with a password the policy would refuse today; the client asks for a new one.
  weakPassword: { type: Boolean, default: false },
})

export const SESSION_COOKIE = 'papan_sid'

function idOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface SessionUser {
  sessionId: string
  user: UserDto
  /** When the session ends unless it is used before. */
  expiresAt: Date
}

export function createSessionStore(conn: Connection, users: UserModel, clock: Clock, idleMs: number) {
  const Session = conn.model('Session', sessionSchema)
  // Sliding expiry is written at most once a minute per session, not on every request.
  const REFRESH_AFTER_MS = 60_000

  /**
   * One use of the session with this id (a request, a socket command): ends it if it is idle
   * past its time or its user is gone, else slides its expiry on.
   */
  async function use(id: string): Promise<SessionUser | null> {
    const session = await Session.findById(id).lean()
    const now = clock()
    if (!session || session.expiresAt <= now) {
      if (session) await Session.deleteOne({ _id: id })
      return null
    }
    const user = await users.findById(session.userId).lean()
    if (!user || !user.active) return null
    const expiresAt = new Date(now.getTime() + idleMs)
    if (expiresAt.getTime() - session.expiresAt.getTime() > REFRESH_AFTER_MS) {
      await Session.updateOne({ _id: id }, { $set: { expiresAt } })
    }
    return { sessionId: id, user: toUserDto(user), expiresAt }
  }

  return {
    async create(userId: string, opts: { weakPassword?: boolean } = {}): Promise<string> {
      const token = randomBytes(32).toString('base64url')
      const now = clock()
      await Session.create({ _id: idOf(token), userId, createdAt: now, expiresAt: new Date(now.getTime() + idleMs), weakPassword: opts.weakPassword ?? false })
      return token
    },

    /** Whether the session was opened with a password the policy refuses now (until it is changed). */
    async weakPassword(token: string | undefined): Promise<boolean> {
      if (!token || token.length > 100) return false
      const session = await Session.findById(idOf(token), { weakPassword: 1 }).lean()
      return session?.weakPassword === true
    },

    async markPasswordChanged(token: string | undefined): Promise<void> {
      if (token && token.length <= 100) await Session.updateOne({ _id: idOf(token) }, { $set: { weakPassword: false } })
    },

    async resolve(token: string | undefined): Promise<SessionUser | null> {
      if (!token || token.length > 100) return null
      return use(idOf(token))
    },

    use,

    /** When the session ends if nothing uses it, or null when it has ended; changes nothing. */
    async expiryOf(id: string): Promise<Date | null> {
      const session = await Session.findById(id, { expiresAt: 1 }).lean()
      return session && session.expiresAt > clock() ? session.expiresAt : null
    },

    /** Returns the id of the ended session, if there was a token. */
    async destroy(token: string | undefined): Promise<string | undefined> {
      if (!token) return undefined
      const id = idOf(token)
      await Session.deleteOne({ _id: id })
      return id
    },

    async destroyForUser(userId: string): Promise<void> {
      await Session.deleteMany({ userId })
    },

    /** Ends every session of the user but the one of `keepToken`; returns the ended ids. */
    async destroyOthers(userId: string, keepToken: string | undefined): Promise<string[]> {
      const keep = keepToken ? idOf(keepToken) : ''
      const others = await Session.find({ userId, _id: { $ne: keep } }, { _id: 1 }).lean()
      const ids = others.map((s) => s._id)
      if (ids.length) await Session.deleteMany({ _id: { $in: ids } })
      return ids
    },
  }
}
export type SessionStore = ReturnType<typeof createSessionStore>

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    const name = part.slice(0, eq).trim()
    if (!name || name in out) continue
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim())
    } catch {
      // A malformed cookie from another app on the same host is not ours to reject.
    }
  }
  return out
}
