import type { Socket } from 'socket.io'
import type { ServerStatus } from '../../shared/protocol/events'
import type { DbHealth, DbState } from '../platform/db/health'
import type { IoServer } from './io'

/**
 * The database's health on the sockets: every socket (board or wall) hears the current state when
 * it connects and every change after, and commands run under the monitor's guard.
 *
 * The monitor is found through the socket's server rather than passed to command(): command() is
 * called from every socket area, and threading it through each would change all of their
 * signatures for what is one app-wide fact. A server without a monitor runs commands unguarded.
 */
const monitors = new WeakMap<object, DbHealth>()

const toFact = (state: DbState): ServerStatus => ({ database: state.status })

export function serveDbStatus(io: IoServer, health: DbHealth): void {
  monitors.set(io, health)
  // Local: with several nodes each one reports its own connection to the database.
  health.onChange((state) => io.local.emit('server:status', toFact(state)))
  io.on('connection', (socket) => {
    socket.emit('server:status', toFact(health.state()))
  })
}

/** Runs a command's handler under the database guard (server/platform/db/health.ts) of the socket's server. */
export function withDatabase<T>(socket: Socket, run: () => Promise<T>, context: Record<string, unknown>): Promise<T> {
  const health = monitors.get(socket.nsp.server)
  return health ? health.guard(run, context) : run()
}
