import type { ServerToClientEvents, TimerThreshold } from '../../shared/events'
import type { CardDto } from '../../shared/schemas/board'
import { toMovedFact } from '../../shared/protocol/cardMoved'
import { toWallCard, toWallMove } from '../displays/projection'
import { roomOf, wallRoom } from './rooms'

type Emit = <E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>) => boolean

/** The server (to everyone in a room) or a person's socket (to everyone in it but that socket). */
export interface Broadcaster {
  to(room: string | string[]): { emit: Emit }
}

/**
 * A stored card change, to the cycle's two rooms: its boards get the move and what it changed
 * (`card:moved`, for a change of place) or the slim card (`card:updated`), its wall displays the
 * wall's projection of it (`wall:card`). Every card change goes through here, so no site can send
 * a board's card to a wall.
 */
export function broadcastCard(from: Broadcaster, card: CardDto, change: 'moved' | 'updated'): void {
  const board = from.to(roomOf(card.cycleId))
  if (change === 'updated') {
    // Ticks, outputs, documents and recomputed due instants: nothing a wall shows (its clocks run
    // from the entry instant and the calendar), so walls hear nothing of them.
    board.emit('card:updated', { card })
    return
  }
  board.emit('card:moved', toMovedFact(card))
  from.to(wallRoom(card.cycleId)).emit('wall:card', { card: toWallCard(card), move: toWallMove(card.id, card.version, card.lastEntry) })
}

/** A step clock's threshold carries no one's words: boards and walls get the same fact (once per socket). */
export function broadcastTimer(from: Broadcaster, event: TimerThreshold): void {
  from.to([roomOf(event.cycleId), wallRoom(event.cycleId)]).emit('card:timer', event)
}
