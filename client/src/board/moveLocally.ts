import { applyMove, type MovableCard } from '@shared/domain/applyMove'
import { clockFromDto, clockToDto } from '@shared/domain/stepClock'
import type { Actor, Position } from '@shared/domain/moves'
import type { CardDto, HistoryEntryDto, PersonRef } from '@shared/protocol/board'
import type { SopTemplate } from '@shared/domain/template'
import type { WorkCalendar } from '@shared/time/calendar'

/**
 * A CardDto as shared/domain/applyMove.ts reads it (instants back from ISO strings to dates). A
 * slim card has no visits: they are the report's, and the place and clock a move shows do not
 * depend on them (the ack and the card panel's detail bring the server's).
 */
export function movableOf(card: CardDto): MovableCard {
  const clock = clockFromDto({ enteredStepAt: card.enteredStepAt, dueAt: card.dueAt, atRiskAt: card.atRiskAt, visits: [] })
  return { unitId: card.unit.id, step: card.step, lane: card.lane, version: card.version, rounds: card.rounds, ...clock }
}

export interface LocalMove {
  opId: string
  to: Position
  note?: string
}

/** What the board lends the step: the rules, the work calendar, who moves and when (server time). */
export interface MoveContext {
  template: SopTemplate
  calendar: WorkCalendar
  actor: Actor
  by: PersonRef
  at: Date
}

/**
 * The move as the board shows it before the ack: the same step the server takes (applyMove), so
 * the card shows the place, version, rounds and step clock the ack will bring, and the move as its
 * last entry (without the seq the server gives it). It is applied again whenever the card is heard
 * meanwhile (board/reconcile.ts); if the rules no longer allow the move on the card as heard, it
 * shows that card, and the server's answer (STALE) says why.
 */
export function moveLocally(move: LocalMove, ctx: MoveContext): (card: CardDto) => CardDto {
  return (card) => {
    const result = applyMove(movableOf(card), move, ctx.template, ctx.calendar, ctx.at, ctx.actor)
    if (!result.ok) return card
    const { card: next, event } = result
    const { kind, from, to, note } = event.payload
    const entry: HistoryEntryDto = { opId: move.opId, kind, at: ctx.at.toISOString(), by: ctx.by, from, to, note }
    const stepChanged = next.step !== card.step
    const { enteredStepAt, dueAt, atRiskAt } = clockToDto(next)
    return {
      ...card,
      step: next.step,
      lane: next.lane,
      version: next.version,
      rounds: next.rounds,
      enteredStepAt,
      dueAt,
      atRiskAt,
      // The Mutu Baku of the step it enters is the server's to tell: the ack brings it.
      checklist: stepChanged ? [] : card.checklist,
      output: stepChanged ? '' : card.output,
      lastEntry: entry,
    }
  }
}
