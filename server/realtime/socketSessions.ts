import type { Socket } from 'socket.io'
import type { Ack } from '../../shared/protocol/events'
import type { SessionStore } from '../auth/sessions'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/logger'
import type { IoServer } from './io'
import { isUserSocket } from './socketKinds'

/** A socket command re-reads its session at most this often; in between, its known expiry holds. */
const RECHECK_MS = 60_000
/** How long a command waits for that read before it goes on regardless (see `use`). */
const CHECK_TIMEOUT_MS = 1000

interface Watched {
  sessionId: string
  /** When the session ends unless used; as last read from the database. */
  expiresAt: number
  /** When the database was last asked. */
  checkedAt: number
  /** A read under way, which the socket's later commands wait for in order. */
  pending?: Promise<boolean>
}

/**
 * A person's socket lives only as long as its session. The handshake checks the session once;
 * after that:
 *
 * - every command is activity: it uses the session like an HTTP request does (sliding its expiry
 *   on), and is refused UNAUTHENTICATED, with the socket closed, once the session has ended for
 *   any reason (idle, logout elsewhere, deactivation, a password change);
 * - a socket that only watches is not activity: a sweep closes sockets whose session has passed
 *   its expiry, after asking the database, where an HTTP request in another tab may have slid it.
 *
 * Logout and deactivation also close sockets at once through their rooms (server/realtime/rooms).
 */
export function watchSocketSessions(io: IoServer, deps: { sessions: SessionStore; clock: Clock; log: Logger; sweepMs: number }) {
  const { sessions, clock, log } = deps
  const watched = new Map<string, Watched>()

  function end(socket: Socket, reason: string): void {
    log.info({ socketId: socket.id, userId: (socket.data as { user?: { id: string } }).user?.id, reason }, 'socket session ended')
    watched.delete(socket.id)
    // After the refusal's ack has gone out.
    setImmediate(() => socket.disconnect(true))
  }

  /**
   * A database that does not answer cannot say the session ended: after CHECK_TIMEOUT_MS the
   * command goes on to its own handler, which needs the database too and answers DB_UNAVAILABLE
   * within its deadline.
   */
  function withinCheckTime(check: Promise<boolean>): Promise<boolean> {
    return Promise.race([check, new Promise<true>((resolve) => setTimeout(() => resolve(true), CHECK_TIMEOUT_MS).unref())])
  }

  /** Uses the session for one command; false when it has ended (the socket is being closed). */
  function use(socket: Socket, w: Watched): boolean | Promise<boolean> {
    if (w.pending) return withinCheckTime(w.pending)
    const now = clock().getTime()
    if (now - w.checkedAt < RECHECK_MS && now < w.expiresAt) return true
    // The read's answer counts whenever it comes: a session found ended closes the socket then.
    const check = sessions.use(w.sessionId).then(
      (resolved) => {
        if (!resolved) {
          end(socket, 'session ended')
          return false
        }
        w.expiresAt = resolved.expiresAt.getTime()
        w.checkedAt = clock().getTime()
        return true
      },
      (err: unknown) => {
        log.warn({ err, socketId: socket.id }, 'session check failed')
        return true
      },
    )
    // Later commands wait for the same read rather than start more on a struggling database.
    w.pending = check.finally(() => {
      w.pending = undefined
    })
    return withinCheckTime(w.pending)
  }

  function forget(this: Socket): void {
    watched.delete(this.id)
  }

  io.on('connection', (socket) => {
    if (!isUserSocket(socket)) return
    const now = clock().getTime()
    const w: Watched = { sessionId: socket.data.sessionId, expiresAt: socket.data.sessionExpiresAt, checkedAt: now }
    watched.set(socket.id, w)
    socket.on('disconnect', forget)
    // Before every command's handler; the commands of one socket keep their order.
    socket.use((packet, next) => {
      const answer = (result: boolean) => {
        if (result) return next()
        const ack = packet.at(-1)
        if (typeof ack === 'function') {
          ;(ack as (a: Ack<never>) => void)({ ok: false, error: { code: 'UNAUTHENTICATED', reason: 'session_ended' } })
        }
      }
      const result = use(socket, w)
      if (typeof result === 'boolean') answer(result)
      else void result.then(answer)
    })
  })

  const sweep = setInterval(() => {
    const now = clock().getTime()
    for (const socket of io.of('/').sockets.values()) {
      const w = watched.get(socket.id)
      if (!w || w.pending || now < w.expiresAt) continue
      w.pending = sessions
        .expiryOf(w.sessionId)
        .then((expiresAt) => {
          if (!expiresAt) {
            end(socket, 'session expired')
            return false
          }
          w.expiresAt = expiresAt.getTime()
          return true
        })
        .catch((err: unknown) => {
          log.warn({ err, socketId: socket.id }, 'session sweep failed')
          return true
        })
        .finally(() => {
          w.pending = undefined
        })
    }
  }, deps.sweepMs)
  sweep.unref()

  return { stop: () => clearInterval(sweep) }
}
