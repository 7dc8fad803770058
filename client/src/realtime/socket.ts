import { io, type Socket } from 'socket.io-client'
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@shared/protocol/events'
import type { ErrorCode, ErrorParams, ErrorReason } from '@shared/protocol/errors'
import type { CardDto } from '@shared/protocol/board'
import { socketTransports } from './transports'

/**
 * The one socket of the app. It is created disconnected: the session cookie that authenticates it
 * exists only after login, so the session store connects it then and disconnects it on logout.
 * The server's facts are listened to in one place, realtime/events.ts, which routes them to stores.
 */
export type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export const socket: BoardSocket = io({ autoConnect: false, withCredentials: true, transports: socketTransports(), tryAllTransports: true })

export function connectSocket(): void {
  // `active` is also true while the manager is retrying; connecting again would open a second engine.
  if (!socket.active) socket.connect()
}

export function disconnectSocket(): void {
  socket.disconnect()
}

export const COMMAND_TIMEOUT_MS = 10_000

type CommandName = keyof ClientToServerEvents
type PayloadOf<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0]
type AckOf<E extends CommandName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]
type DataOf<E extends CommandName> = AckOf<E> extends Ack<infer T> ? T : never

/** The server's closed list of codes, plus TIMEOUT for a command that got no answer in time. */
export type CommandErrorCode = ErrorCode | 'TIMEOUT'
/** An ack's error (`{ code, reason?, params? }`), worded by ui/errors/text.ts. */
export interface CommandError {
  code: CommandErrorCode
  reason?: ErrorReason
  params?: ErrorParams
  /** With STALE: the card as the server holds it now. */
  card?: CardDto
}
export type CommandResult<T> = { ok: true; data: T } | { ok: false; error: CommandError }

function timedOut<T>(): CommandResult<T> {
  return { ok: false, error: { code: 'TIMEOUT' } }
}

type ConnectionEvent = 'connect' | 'disconnect'

// Commands waiting for the socket to connect, or watching it drop while their ack is out.
const waiting = new Set<{ event: ConnectionEvent; wake: () => void }>()

/** Told of every connect and disconnect by realtime/events.ts, the one listener of the socket. */
export function connectionChanged(event: ConnectionEvent): void {
  for (const waiter of [...waiting]) if (waiter.event === event) waiter.wake()
}

/** Resolves true on `event` or false after `ms`; always stops waiting. */
function waitFor(event: ConnectionEvent, ms: number): { done: Promise<boolean>; cancel: () => void } {
  let cancel = () => {}
  const done = new Promise<boolean>((resolve) => {
    const waiter = { event, wake: () => finish(true) }
    const timer = setTimeout(() => finish(false), Math.max(0, ms))
    function finish(value: boolean) {
      clearTimeout(timer)
      waiting.delete(waiter)
      resolve(value)
    }
    cancel = () => finish(false)
    waiting.add(waiter)
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
