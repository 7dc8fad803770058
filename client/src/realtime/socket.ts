import { io, type Socket } from 'socket.io-client'
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../../shared/events'
import type { ErrorCode } from '../../../shared/errors'
import type { CardDto } from '../../../shared/schemas/board'
import { socketTransports } from './transports'

/**
 * The one socket of the app. It is created disconnected: the session cookie that authenticates it
 * exists only after login, so the session store connects it then and disconnects it on logout.
 * Listeners are bound once, in stores, never in components.
 */
export type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export const socket: BoardSocket = io({ autoConnect: false, withCredentials: true, transports: socketTransports() })

export function connectSocket(): void {
  // `active` is also true while the manager is retrying; connecting again would open a second engine.
  if (!socket.active) socket.connect()
}

export function disconnectSocket(): void {
  socket.disconnect()
}

/** Listeners a store binds: the server's facts by name, plus the connection's own events. */
export type SocketListeners = Partial<ServerToClientEvents> & {
  connect?: () => void
  disconnect?: (reason: Socket.DisconnectReason) => void
  connect_error?: (err: Error) => void
}

type AnyListener = (...args: never[]) => void

/**
 * Binds a store's listeners (once, when the store is created) and returns their unbinding, which
 * hot reload needs. The map is type-checked per event where it is written; socket.io's per-event
 * typing cannot follow a loop over it, hence the loosened socket inside.
 */
export function bindListeners(listeners: SocketListeners): () => void {
  const entries = Object.entries(listeners) as [string, AnyListener][]
  const loose = socket as unknown as { on(event: string, fn: AnyListener): void; off(event: string, fn: AnyListener): void }
  for (const [event, fn] of entries) loose.on(event, fn)
  return () => {
    for (const [event, fn] of entries) loose.off(event, fn)
  }
}

export const COMMAND_TIMEOUT_MS = 10_000

type CommandName = keyof ClientToServerEvents
type PayloadOf<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0]
type AckOf<E extends CommandName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]
type DataOf<E extends CommandName> = AckOf<E> extends Ack<infer T> ? T : never

/** The server's closed list of codes, plus TIMEOUT for a command that got no answer in time. */
export type CommandErrorCode = ErrorCode | 'TIMEOUT'
export interface CommandError {
  code: CommandErrorCode
  message: string
  /** With STALE: the card as the server holds it now. */
  card?: CardDto
}
export type CommandResult<T> = { ok: true; data: T } | { ok: false; error: CommandError }

function timedOut<T>(): CommandResult<T> {
  return { ok: false, error: { code: 'TIMEOUT', message: 'Server tidak menjawab' } }
}

/** Resolves true on `event` or false after `ms`; always removes its listener. */
function waitFor(event: 'connect' | 'disconnect', ms: number): { done: Promise<boolean>; cancel: () => void } {
  let cancel = () => {}
  const done = new Promise<boolean>((resolve) => {
    const onEvent = () => finish(true)
    const timer = setTimeout(() => finish(false), Math.max(0, ms))
    function finish(value: boolean) {
      clearTimeout(timer)
      socket.off(event, onEvent)
      resolve(value)
    }
    cancel = () => finish(false)
    socket.on(event, onEvent)
  })
  return { done, cancel }
}

/**
 * Sends a command and resolves with its ack, never rejects. Within one overall deadline it waits
 * for a connection, and if the connection drops before the ack arrives it sends the same payload
 * (same opId) again after reconnecting: the server acks a repeated opId without applying it twice.
 */
export async function emitCommand<E extends CommandName>(event: E, payload: PayloadOf<E>): Promise<CommandResult<DataOf<E>>> {
  const deadline = Date.now() + COMMAND_TIMEOUT_MS
  for (;;) {
    const left = deadline - Date.now()
    if (left <= 0) return timedOut()
    if (!socket.connected && !(await waitFor('connect', left).done)) return timedOut()

    const dropped = waitFor('disconnect', deadline - Date.now())
    // With timeout() socket.io types the ack loosely; the server answers every command with an Ack.
    const emit = socket.timeout(Math.max(1, deadline - Date.now())) as unknown as {
      emitWithAck: (event: E, payload: PayloadOf<E>) => Promise<Ack<DataOf<E>>>
    }
    const sent = emit.emitWithAck(event, payload).then(
      (ack) => ({ ack }) as const,
      () => ({ timeout: true }) as const,
    )
    const outcome = await Promise.race([sent, dropped.done.then((didDrop) => ({ didDrop }) as const)])
    dropped.cancel()
    if ('ack' in outcome) return outcome.ack
    if ('timeout' in outcome || !outcome.didDrop) return timedOut()
    // The connection dropped before the ack: loop, wait for the reconnect and resend.
  }
}
