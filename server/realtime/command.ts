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
 *
 * Made once and shared by every socket that takes the command (Socket.IO calls a listener with
 * its socket as `this`): thousands of idle sockets hold no closures of their own for it.
 */
export function command<S extends z.ZodType, T, K extends Socket = Socket>(
  log: Logger,
  event: string,
  schema: S,
  handle: (socket: K, input: z.infer<S>) => Promise<T>,
) {
  return function listener(this: K, ...args: unknown[]): void {
    const socket = this
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
        return withDatabase(socket, () => handle(socket, input), context)
      })
      .then(
        (data) => reply({ ok: true, data }),
        (err: unknown) => reply(toErrorAck(err, log, context)),
      )
      .catch((err: unknown) => log.error({ ...context, err }, 'ack failed'))
  }
}

/** A command's event name and its shared listener (command()), as a socket area lists them. */
export type Command<K extends Socket> = readonly [event: string, listener: (this: K, ...args: unknown[]) => void]

/** Gives the socket the commands of an area; their listeners are the shared ones. */
export function listen<K extends Socket>(socket: K, commands: readonly Command<K>[]): void {
  // The event names are the area's own; Socket.IO's typed `on` takes them one literal at a time.
  const untyped = socket as unknown as { on(event: string, listener: (this: K, ...args: unknown[]) => void): void }
  for (const [event, listener] of commands) untyped.on(event, listener)
}

/**
 * Answers every command no listener takes — an unknown event, or a frame that could not be read
 * (MALFORMED_EVENT, from ./parser) — with one VALIDATION ack, so no ack id is left waiting.
 * The socket's onAny listener; onAny runs before the listeners, so it checks them.
 */
export function answerUnknownCommands(log: Logger): (this: Socket, event: string, ...args: unknown[]) => void {
  // One function for every socket (Socket.IO calls an onAny listener with its socket as `this`).
  return function unknownCommand(this: Socket, event: string, ...args: unknown[]): void {
    if (this.listeners(event).length > 0) return
    const ack = args.at(-1)
    if (typeof ack !== 'function') return
    const malformed = event === MALFORMED_EVENT
    log.warn({ event: malformed ? undefined : event.slice(0, 100), socketId: this.id, malformed }, 'unknown command refused')
    ;(ack as (a: Ack<never>) => void)({ ok: false, error: { code: 'VALIDATION', reason: malformed ? 'malformed' : 'unknown_command' } })
  }
}
