import { checkMove, type Actor, type CardPlace, type MoveKind, type Position, type Refusal } from './moves'
import type { SopTemplate } from './template'
import type { WorkCalendar } from '../time/calendar'
import { clockAfterMove, roundsAfter, type StepClock } from './stepClock'

/**
 * The one step of a move: from a card and a requested move to the next card and the event that
 * records it. The server writes the event (server/cards/handlers.ts); the client shows the card at
 * once (client/src/board/moveLocally.ts) and the server's ack then replaces it. One function, so
 * what the user sees before the ack and what the server stores cannot disagree.
 */

/** What a move reads and changes of a card, as both sides hold it: place, version, rounds, step clock. */
export interface MovableCard extends CardPlace, StepClock {
  /** The place version: a move raises it by one. */
  version: number
  /** Correction rounds: returns along a decision's "Tidak" branch so far. */
  rounds: number
}

export interface MoveRequest {
  to: Position
  /** Required for a return and an override; ignored as empty otherwise. */
  note?: string
}

/** A move the rules allow but that came without the note it needs. */
export type NoteRefusal = 'note_required_return' | 'note_required_override'

/**
 * A 'move' event's payload as the ledger stores it (server/cards/projection.ts folds it). Clock and
 * rounds are null only in events imported from the shape before the ledger, whose clock comes last.
 */
export interface MovePayload {
  kind: MoveKind
  from: Position
  to: Position
  note: string
  clock: StepClock | null
  rounds: number | null
}

/** The event of a move made now: it always carries its clock and rounds. */
export interface MoveEvent {
  kind: 'move'
  payload: MovePayload & { clock: StepClock; rounds: number }
}

export type MoveResult =
  | { ok: false; refusal: Refusal | NoteRefusal; forbidden: boolean }
  | { ok: true; kind: MoveKind; card: MovableCard; event: MoveEvent }

export function isNoteRefusal(refusal: Refusal | NoteRefusal): refusal is NoteRefusal {
  return refusal === 'note_required_return' || refusal === 'note_required_override'
}

/**
 * Moves `card` to `move.to` at `at` for `actor`: the shared rules decide (checkMove), a return or
 * an override needs its note, and the step clock follows the move (clockAfterMove: a hand-off
 * keeps it, a return opens a new round, the finished column has none).
 */
export function applyMove(card: MovableCard, move: MoveRequest, template: SopTemplate, calendar: WorkCalendar, at: Date, actor: Actor): MoveResult {
  const check = checkMove(template, actor, card, move.to)
  if (!check.ok) return check
  const note = move.note ?? ''
  if (check.noteRequired && !note) {
    return { ok: false, refusal: check.kind === 'return' ? 'note_required_return' : 'note_required_override', forbidden: false }
  }
  const { kind } = check
  const to = { step: move.to.step, lane: move.to.lane }
  const clock = clockAfterMove(calendar, template, card, kind, to, at)
  const rounds = roundsAfter(card.rounds, kind)
  return {
    ok: true,
    kind,
    card: { unitId: card.unitId, ...to, version: card.version + 1, rounds, ...clock },
    event: { kind: 'move', payload: { kind, from: { step: card.step, lane: card.lane }, to, note, clock, rounds } },
  }
}
