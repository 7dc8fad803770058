import { CardChecklistSet, CardDetailGet, CardMove, CardExtend, CardNoteAdd, CardNoteDelete, CardNoteEdit, CardOutputSet, CardUndo } from '../../shared/protocol/board'
import type { Logger } from '../platform/logger'
import type { z } from 'zod'
import { command, type Command } from '../realtime/command'
import type { UserSocket } from '../realtime/socketKinds'
import type { Caller, CardService } from './service'

/**
 * The card commands over Socket.IO: parse (command() with the zod schema), call the service as
 * the socket's user, answer. Only sockets signed in as a person get these (server/realtime/io.ts);
 * a wall display's socket has no user and is refused every command (server/displays/socket.ts).
 * Made once per server; every user socket listens with the same functions (command()).
 */
export function cardCommands(deps: { cards: CardService; log: Logger }): Command<UserSocket>[] {
  const { cards, log } = deps
  const callerOf = (socket: UserSocket): Caller => ({ ...socket.data.user, origin: socket.id })
  const on = <S extends z.ZodType, T>(event: string, schema: S, handle: (caller: Caller, input: z.infer<S>) => Promise<T>): Command<UserSocket> => [
    event,
    command(log, event, schema, (socket: UserSocket, input: z.infer<S>) => handle(callerOf(socket), input)),
  ]
  return [
    on('card:move', CardMove, (caller, input) => cards.move(caller, input)),
    on('card:undo', CardUndo, (caller, input) => cards.undo(caller, input)),
    on('card:note', CardNoteAdd, (caller, input) => cards.note(caller, input)),
    on('card:noteEdit', CardNoteEdit, (caller, input) => cards.changeNote(caller, input)),
    on('card:noteDelete', CardNoteDelete, (caller, input) => cards.changeNote(caller, { ...input, text: null })),
    on('card:extend', CardExtend, (caller, input) => cards.extend(caller, input)),
    on('card:detail', CardDetailGet, (_caller, input) => cards.detail(input.cardId)),
    on('card:checklist', CardChecklistSet, (caller, input) => cards.setMutu(caller, input.cardId, input.opId, { index: input.index, checked: input.checked })),
    on('card:output', CardOutputSet, (caller, input) => cards.setMutu(caller, input.cardId, input.opId, { output: input.output })),
  ]
}
