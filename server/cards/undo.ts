import { CardUndo, type CardDto } from '../../shared/protocol/board'
import type { Bus } from '../platform/bus'
import type { Clock } from '../platform/clock'
import type { CyclesRepository } from '../cycles/repository'
import { AppError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import { command } from '../realtime/command'
import type { UserSocket } from '../realtime/socketKinds'
import type { CardRecord } from './model'
import { stateBefore, type FoldEvent, type PlaceState } from './projection'
import { toCardDto, type CardsRepository } from './repository'

interface UndoDeps {
  cards: CardsRepository
  cycles: CyclesRepository
  clock: Clock
  log: Logger
  /** How long after a move its mover may take it back (UNDO_WINDOW_SECONDS). */
  undoWindowMs: number
  /** Told as a move (card.moved): boards and walls see it, the timer scheduler looks at the restored thresholds. */
  bus: Bus
}

/** The place and step clock an undo puts back: the card as it was before the move. */
function placeAndClock(state: PlaceState): PlaceState {
  const { step, lane, enteredStepAt, dueAt, atRiskAt, rounds, visits } = state
  return { step, lane, enteredStepAt, dueAt, atRiskAt, rounds, visits }
}

/**
 * `card:undo`: the mover takes their own move back, within the window and only while it is still
 * the card's last event. The undo is a compensating event (the ledger keeps both), a place change
 * that raises the version, and it is broadcast like a move.
 */
export function registerUndoHandler(socket: UserSocket, deps: UndoDeps): void {
  const { cards, cycles, clock, log } = deps
  const user = socket.data.user

  socket.on(
    'card:undo',
    command(socket, log, 'card:undo', CardUndo, async (input): Promise<CardDto> => {
      const card = await cards.findById(input.cardId)
      const template = card && (await cycles.templateOf(String(card.cycleId)))
      if (!card || !template) throw new AppError('NOT_FOUND', 'not_found_card')
      // A resent undo (after a reconnect) is answered with the card as it is now. It finds its
      // move overtaken by itself, so only a refusal looks for it (the look-up reads the ledger).
      const resent = async () => {
        const again = await cards.resent(input.cardId, input.opId)
        return again && toCardDto(again, template)
      }

      const events = await cards.eventsOf(input.cardId)
      const move = events.find((e): e is FoldEvent & { kind: 'move' } => e.seq === input.seq && e.kind === 'move')
      const before = move && stateBefore(events, move.seq)
      if (!move || !before) throw new AppError('NOT_FOUND', 'undo_not_a_move')
      if (move.by.id !== user.id) throw new AppError('FORBIDDEN', 'undo_not_yours')
      // Anything since (a move, a note, a tick) makes the undo a rewrite of what others saw.
      const overtaken = (now: CardRecord) => new AppError('STALE', 'undo_overtaken', undefined, toCardDto(now, template))
      if (events.at(-1)?.seq !== move.seq) {
        const again = await resent()
        if (again) return again
        throw overtaken(card)
      }
      const at = clock()
      if (at.getTime() - move.at.getTime() > deps.undoWindowMs) {
        throw new AppError('FORBIDDEN', 'undo_expired', { seconds: Math.round(deps.undoWindowMs / 1000) })
      }

      const undone = await cards.applyUndo({
        cardId: input.cardId,
        opId: input.opId,
        undoes: move.seq,
        from: move.payload.to,
        to: { step: before.step, lane: before.lane },
        state: placeAndClock(before),
        by: { id: user.id, name: user.name },
        at,
        seen: card,
      })
      if (undone && !undone.event) return toCardDto(undone.card, template)
      if (!undone) {
        // Something reached the card between our read and our write (or this undo, resent).
        const again = await resent()
        if (again) return again
        throw overtaken((await cards.findById(input.cardId)) ?? card)
      }
      const dto = toCardDto(undone.card, template)
      deps.bus.publish('card.moved', { card: dto, template, origin: socket.id })
      log.info({ event: 'card:undone', cardId: dto.id, opId: input.opId, userId: user.id, undoes: move.seq, version: dto.version }, 'card move undone')
      return dto
    }),
  )
}
