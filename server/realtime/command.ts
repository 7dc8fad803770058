import type { Socket } from 'socket.io'
import type { z } from 'zod'
import type { Ack } from '../../shared/events'
import { toErrorAck } from '../errors'
import type { Logger } from '../logger'

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
      .then(() => handle(schema.parse(payload)))
      .then(
        (data) => reply({ ok: true, data }),
        (err: unknown) => reply(toErrorAck(err, log, context)),
      )
      .catch((err: unknown) => log.error({ ...context, err }, 'ack failed'))
  }
}
