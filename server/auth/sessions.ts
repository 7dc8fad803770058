import { createHash, randomBytes } from 'node:crypto'
import { Schema, type Connection } from 'mongoose'
import type { Clock } from '../clock'
import { toUserDto, type UserModel } from '../users/model'
import type { UserDto } from '../../shared/schemas/users'

const sessionSchema = new Schema({
  // The id is a hash of the cookie's token: a leaked sessions collection cannot be replayed.
  _id: { type: String, required: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
})

export const SESSION_COOKIE = 'papan_sid'

function idOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface SessionUser {
  sessionId: string
  user: UserDto
}

export function createSessionStore(conn: Connection, users: UserModel, clock: Clock, idleMs: number) {
  const Session = conn.model('Session', sessionSchema)
  // Sliding expiry is written at most once a minute per session, not on every request.
  const REFRESH_AFTER_MS = 60_000

  return {
    async create(userId: string): Promise<string> {
      const token = randomBytes(32).toString('base64url')
      const now = clock()
      await Session.create({ _id: idOf(token), userId, createdAt: now, expiresAt: new Date(now.getTime() + idleMs) })
      return token
    },

    async resolve(token: string | undefined): Promise<SessionUser | null> {
      if (!token || token.length > 100) return null
      const id = idOf(token)
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
      return { sessionId: id, user: toUserDto(user) }
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
