import type { Socket } from 'socket.io'
import type { z } from 'zod'
import type { Ack } from '../../shared/protocol/events'
import { toErrorAck } from '../platform/errors'
import type { Logger } from '../platform/logger'
import { MALFORMED_EVENT } from './parser'
import { withDatabase } from './dbStatus'

/**
 * Wraps a command handler in the fixed order: zod parse → handler (authorise, rules, persist,
 * broadcast) → exactly one ack. Nothing thrown escapes: a bad payload or a bug answers the
 * client with an error code and the server keeps serving.
 */
export function command<S extends z.ZodType, T>(
  socket: Socket,
  log: Logger,
  event: string,
  schema: S,
  handle: (input: z.infer<S>) => Promise<T>,
) {
  return (...args: unknown[]): void => {
    // Socket.IO passes the ack callback last, whatever the number of arguments: a command sent
    // without a payload, or with extra arguments, is still answered (it fails validation).
    const last = args.at(-1)
    const reply = typeof last === 'function' ? (last as (a: Ack<T>) => void) : undefined
    const payload = args.length === 2 ? args[0] : undefined
    const context = { event, socketId: socket.id, userId: (socket.data as { user?: { id: string } }).user?.id }
    if (!reply) {
      log.warn(context, 'command without ack callback ignored')
      return
    }
    Promise.resolve()
      .then(() => {
        const input = schema.parse(payload)
        // A bad payload is refused without the database; the handler runs under its guard:
        // DB_UNAVAILABLE at once while it is down, or within 2 s of it ceasing to answer.
        return withDatabase(socket, () => handle(input), context)
      })
      .then(
        (data) => reply({ ok: true, data }),
        (err: unknown) => reply(toErrorAck(err, log, context)),
      )
      .catch((err: unknown) => log.error({ ...context, err }, 'ack failed'))
  }
}

/**
 * Answers every command no listener takes — an unknown event, or a frame that could not be read
 * (MALFORMED_EVENT, from ./parser) — with one VALIDATION ack, so no ack id is left waiting.
 * Registered after the socket's own commands; onAny runs before the listeners, so it checks them.
 */
export function answerUnknownCommands(socket: Socket, log: Logger): void {
  socket.onAny((event: string, ...args: unknown[]) => {
    if (socket.listeners(event).length > 0) return
    const ack = args.at(-1)
    if (typeof ack !== 'function') return
    const malformed = event === MALFORMED_EVENT
    log.warn({ event: malformed ? undefined : event.slice(0, 100), socketId: socket.id, malformed }, 'unknown command refused')
    ;(ack as (a: Ack<never>) => void)({ ok: false, error: { code: 'VALIDATION', reason: malformed ? 'malformed' : 'unknown_command' } })
  })
}
