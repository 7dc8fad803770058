import { CardChecklistSet, CardDetailGet, CardMove, CardExtend, CardNoteAdd, CardNoteDelete, CardNoteEdit, CardOutputSet, CardUndo } from '../../shared/protocol/board'
import type { Logger } from '../platform/logger'
import { command } from '../realtime/command'
import type { UserSocket } from '../realtime/socketKinds'
import type { Caller, CardService } from './service'

/**
 * The card commands over Socket.IO: parse (command() with the zod schema), call the service as
 * the socket's user, answer. Only sockets signed in as a person get these (server/realtime/io.ts);
 * a wall display's socket has no user and is refused every command (server/displays/socket.ts).
 */
export function registerCardHandlers(socket: UserSocket, deps: { cards: CardService; log: Logger }): void {
  const { cards, log } = deps
  const caller: Caller = { ...socket.data.user, origin: socket.id }

  socket.on('card:move', command(socket, log, 'card:move', CardMove, (input) => cards.move(caller, input)))
  socket.on('card:undo', command(socket, log, 'card:undo', CardUndo, (input) => cards.undo(caller, input)))
  socket.on('card:note', command(socket, log, 'card:note', CardNoteAdd, (input) => cards.note(caller, input)))
  socket.on('card:noteEdit', command(socket, log, 'card:noteEdit', CardNoteEdit, (input) => cards.changeNote(caller, input)))
  socket.on('card:noteDelete', command(socket, log, 'card:noteDelete', CardNoteDelete, (input) => cards.changeNote(caller, { ...input, text: null })))
  socket.on('card:extend', command(socket, log, 'card:extend', CardExtend, (input) => cards.extend(caller, input)))
  socket.on('card:detail', command(socket, log, 'card:detail', CardDetailGet, (input) => cards.detail(input.cardId)))
  socket.on(
    'card:checklist',
    command(socket, log, 'card:checklist', CardChecklistSet, (input) =>
      cards.setMutu(caller, input.cardId, input.opId, { index: input.index, checked: input.checked }),
    ),
  )
  socket.on('card:output', command(socket, log, 'card:output', CardOutputSet, (input) => cards.setMutu(caller, input.cardId, input.opId, { output: input.output })))
}
