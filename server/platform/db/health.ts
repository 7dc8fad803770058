import type { NextFunction, Request, Response } from 'express'
import type { Connection } from 'mongoose'
import { DB_UNAVAILABLE_BODY, dbUnavailable } from '../errors'
import type { Logger } from '../logger'
import type { EmbeddedDbStatus } from './embeddedFerretdb'

/**
 * Why the database is down: its process `exited` (a restart is waiting out its backoff) or is
 * `restarting`; it accepts connections but does not answer (`unresponsive`: hung, SIGSTOPped,
 * overloaded past the ping timeout); or the driver has no connection to it (`unreachable`).
 */
export type DbDownReason = 'exited' | 'restarting' | 'unresponsive' | 'unreachable'
export type DbState = { status: 'ok' } | { status: 'down'; reason: DbDownReason }

/** The supervised embedded FerretDB (server/platform/db/embeddedFerretdb.ts); absent with MONGODB_URI. */
export interface SupervisedDb {
  status(): EmbeddedDbStatus
  onStatus(listener: (status: EmbeddedDbStatus) => void): () => void
}

/** A command's answer is due within this long; see guard(). */
export const COMMAND_DEADLINE_MS = 2000
const PING_INTERVAL_MS = 500
/** Longer than a busy FerretDB needs for a ping, short enough to call a hang within the deadline. */
const PING_TIMEOUT_MS = 1500

export interface DbHealth {
  state(): DbState
  /** The supervisor's restart count (embedded database only). */
  restarts(): number | undefined
  /** Pings now (or joins the ping under way) and answers the state it leads to; for /healthz. */
  probe(): Promise<DbState>
  /** Called when the status changes between 'ok' and 'down' (not when only the reason does). */
  onChange(listener: (state: DbState) => void): () => void
  /** Runs a database-bound piece of work under the rules below, or refuses it at once while down. */
  guard<T>(run: () => Promise<T>, context?: Record<string, unknown>): Promise<T>
  stop(): void
}

/**
 * The database health monitor. Without it a hung database costs every command the driver's own
 * waits (mongoose buffers up to 10 s; a query to a SIGSTOPped FerretDB has no timeout of its own
 * and waits until the driver's heartbeat gives up on the server), and /healthz cannot say which
 * case it is. It pings
 * every 500 ms with a 1.5 s timeout, at most one ping in flight (pings piling up on a hung server
 * would take the whole pool), and combines what the pings say with what the supervisor of the
 * embedded FerretDB reports (which knows of a dead process at once, without waiting for a ping).
 *
 * Pinging while the driver is disconnected is also what brings it back quickly: an operation
 * waiting for server selection makes the driver check the server at once, where on its own it
 * would look again only at its next heartbeat (10 s).
 */
export function createDbHealth(deps: { db: Connection; log: Logger; supervised?: SupervisedDb }): DbHealth {
  const { db, supervised } = deps
  const log = deps.log.child({ component: 'db-health' })

  type PingOutcome = 'ok' | 'timeout' | 'error'
  // The app is created on a connected database; 'unknown' after the process died, until a ping says.
  let lastPing: PingOutcome | 'unknown' = 'ok'
  let lastOkAt = Date.now()
  let outstanding: Promise<'ok' | 'error'> | undefined
  let closed = false
  let stopped = false
  let loopTimer: NodeJS.Timeout | undefined
  const listeners = new Set<(state: DbState) => void>()

  /** A ping is one command; any other answered in the last PING_TIMEOUT_MS says as much. */
  const answeredLately = () => Date.now() - lastOkAt < PING_TIMEOUT_MS

  function derive(): DbState {
    const proc = supervised?.status().state
    if (proc === 'exited' || proc === 'restarting') return { status: 'down', reason: proc }
    if (!closed && (lastPing === 'ok' || (lastPing === 'timeout' && answeredLately()))) return { status: 'ok' }
    // A timeout on a live connection is a server that accepts but does not answer.
    const unresponsive = !closed && lastPing === 'timeout' && db.readyState === 1
    return { status: 'down', reason: unresponsive ? 'unresponsive' : 'unreachable' }
  }

  let current = derive()

  function update(): void {
    const next = derive()
    const previous = current
    current = next
    if (next.status === 'down' && previous.status === 'down') {
      if (next.reason !== previous.reason) log.info({ reason: next.reason }, 'database still unavailable')
      return
    }
    if (next.status === previous.status) return
    if (next.status === 'down') log.warn({ reason: next.reason }, 'database unavailable')
    else log.info('database available again')
    for (const listener of listeners) listener(next)
  }

  function record(outcome: PingOutcome): void {
    lastPing = outcome
    if (outcome === 'ok') lastOkAt = Date.now()
    update()
  }

  const unwatch = supervised?.onStatus(({ state }) => {
    if (state === 'exited') lastPing = 'unknown'
    update()
    // A fresh process: find out now whether the driver is back, not at the next tick.
    if (state === 'running') void probe()
  })
  const onClose = () => {
    closed = true
    update()
  }
  db.on('close', onClose)
  // Under a reconnect storm the pool is busy and a ping waits its turn behind a thousand joins;
  // every command the database answers in the meantime is as good as a ping (connectDb turns on
  // the driver's command events).
  const onAnswered = () => {
    lastOkAt = Date.now()
  }
  const client = db.getClient()
  client.on('commandSucceeded', onAnswered)

  /** The one ping in flight; its answer is recorded whenever it comes, also after a timeout. */
  function sendPing(): Promise<'ok' | 'error'> {
    if (!outstanding) {
      const native = db.db
      const ping = (native ? native.command({ ping: 1 }) : Promise.reject(new Error('no database handle'))).then(
        () => 'ok' as const,
        () => 'error' as const,
      )
      outstanding = ping
      void ping.then((outcome) => {
        outstanding = undefined
        if (!stopped) record(outcome)
      })
    }
    return outstanding
  }

  async function probe(): Promise<DbState> {
    const proc = supervised?.status().state
    // Nothing to learn from a ping: a dead process, a closed connection, or a ping still hung.
    if (closed || stopped || proc === 'exited' || proc === 'restarting') return current
    if (outstanding && current.status === 'down') return current
    const ping = sendPing()
    const timeout = after(PING_TIMEOUT_MS)
    const outcome = await Promise.race([ping, timeout.promise.then(() => 'timeout' as const)])
    timeout.cancel()
    // Only while that ping is still unanswered: an answer recorded meanwhile is newer news.
    if (outcome === 'timeout' && outstanding === ping && !stopped) record('timeout')
    return current
  }

  async function loop(): Promise<void> {
    await probe()
    if (!stopped) {
      loopTimer = setTimeout(() => void loop(), PING_INTERVAL_MS)
      loopTimer.unref()
    }
  }
  void loop()

  function onChange(listener: (state: DbState) => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  /**
   * A command is refused at once with DB_UNAVAILABLE while the database is known to be down. One
   * under way is answered DB_UNAVAILABLE as soon as the database turns down, or at the 2 s
   * deadline unless a ping was answered since the command began: then the database is alive and
   * only busy (a reconnect storm of a thousand boards), and the command waits on for its own
   * answer rather than be refused for being slow. So a command gets an answer within 2 s of the
   * database ceasing to answer.
   *
   * Refused is not undone: a write already handed to the driver may still be applied when the
   * database resumes (a SIGSTOPped FerretDB reads the request once continued). Every command
   * carries an opId and the server acks a repeated opId without applying it twice, so a retry
   * after DB_UNAVAILABLE is safe.
   */
  function guard<T>(run: () => Promise<T>, context: Record<string, unknown> = {}): Promise<T> {
    if (current.status === 'down') return Promise.reject(dbUnavailable())
    const startedAt = Date.now()
    return new Promise<T>((resolve, reject) => {
      let answered = false
      const deadline = after(COMMAND_DEADLINE_MS)
      let unsubscribe = () => {}
      const finish = (settle: () => void) => {
        if (answered) return
        answered = true
        unsubscribe()
        deadline.cancel()
        settle()
      }
      const giveUp = () => finish(() => reject(dbUnavailable()))
      unsubscribe = onChange((state) => {
        if (state.status === 'down') giveUp()
      })
      void deadline.promise.then(() => {
        if (lastOkAt <= startedAt) giveUp()
      })
      Promise.resolve()
        .then(run)
        .then(
          (value) => {
            if (answered) log.warn(context, 'command completed after it was answered DB_UNAVAILABLE')
            finish(() => resolve(value))
          },
          (err: unknown) => finish(() => reject(err)),
        )
    })
  }

  return {
    state: () => current,
    restarts: () => supervised?.status().restarts,
    probe,
    onChange,
    guard,
    stop() {
      stopped = true
      if (loopTimer) clearTimeout(loopTimer)
      unwatch?.()
      db.off('close', onClose)
      client.off('commandSucceeded', onAnswered)
      listeners.clear()
    },
  }
}

/** Express: answers 503 DB_UNAVAILABLE at once while the database is known to be down. */
export function rejectWhileDbDown(health: DbHealth) {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (health.state().status === 'ok') return next()
    res.status(503).json({ error: DB_UNAVAILABLE_BODY })
  }
}

/**
 * Resolves `ms` from now, then one turn of the event loop later: after a stall of the loop (a long
 * synchronous task) the timer and the answer it guards become due together, and timers run before
 * I/O, so without the extra turn an answer already received would be reported as timed out.
 */
function after(ms: number): { promise: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined
  let immediate: NodeJS.Immediate | undefined
  const promise = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      immediate = setImmediate(resolve)
    }, ms)
    timer.unref()
  })
  return {
    promise,
    cancel() {
      clearTimeout(timer)
      if (immediate) clearImmediate(immediate)
    },
  }
}
