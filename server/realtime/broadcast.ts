import { toMovedFact } from '../../shared/protocol/cardMoved'
import type { Bus } from '../platform/bus'
import { toWallCard, toWallCycle, toWallMove } from '../displays/projection'
import type { IoServer } from './io'
import { roomOf, userRoom, wallRoom } from './rooms'

/**
 * The one subscriber that touches io for the services' facts: every stored card change, timer
 * crossing, calendar and notification, to the rooms that show it. (Connection-level messages,
 * presence and the database status, are io.ts's and dbStatus.ts's own.) A cycle's boards get the move and what it changed (`card:moved`), the slim card
 * (`card:updated`) or the note (`card:noted`), all but the socket whose command it was (it has
 * the change from its ack); its wall displays get the wall's projection of a move (`wall:card`)
 * and nothing else of a card. Every card fact goes through here, so no site can send a board's
 * card to a wall. Across nodes, through the Redis adapter, like every room broadcast.
 */
export function broadcastFacts(io: IoServer, bus: Bus): void {
  const board = (cycleId: string, origin: string | undefined) => (origin ? io.to(roomOf(cycleId)).except(origin) : io.to(roomOf(cycleId)))

  bus.subscribe('card.moved', ({ card, origin }) => {
    // Once the ack is out (it is sent when the command returns): the mover's answer does not
    // wait for the frame to be written to every socket of a full room.
    setImmediate(() => {
      board(card.cycleId, origin).emit('card:moved', toMovedFact(card))
      io.to(wallRoom(card.cycleId)).emit('wall:card', { card: toWallCard(card), move: toWallMove(card.id, card.version, card.lastEntry) })
    })
  })
  // Ticks, outputs, documents and recomputed due instants: nothing a wall shows (its clocks run
  // from the entry instant and the calendar), so walls hear nothing of them.
  bus.subscribe('card.updated', ({ card, origin }) => board(card.cycleId, origin).emit('card:updated', { card }))
  // A dispensation moves the card's clock, on the wall too.
  bus.subscribe('card.extended', ({ card, origin }) => {
    board(card.cycleId, origin).emit('card:updated', { card })
    io.to(wallRoom(card.cycleId)).emit('wall:card', { card: toWallCard(card), move: null })
  })
  bus.subscribe('card.noted', ({ card, note, origin }) => board(card.cycleId, origin).emit('card:noted', { cycleId: card.cycleId, cardId: card.id, note, card }))
  // A step clock's threshold carries no one's words: boards and walls get the same fact (once per socket).
  bus.subscribe('timer.crossed', (event) => io.to([roomOf(event.cycleId), wallRoom(event.cycleId)]).emit('card:timer', event))
  bus.subscribe('cycle.ended', ({ cycle }) => {
    io.to(roomOf(cycle.id)).emit('cycle:ended', { cycle })
    io.to(wallRoom(cycle.id)).emit('wall:cycle', { cycle: toWallCycle(cycle) })
  })
  // Every board and wall recomputes its clocks with it.
  bus.subscribe('calendar.changed', ({ calendar }) => io.emit('calendar:changed', { calendar }))
  bus.subscribe('notification.created', ({ userId, notification }) => io.to(userRoom(userId)).emit('notification:new', notification))
}
