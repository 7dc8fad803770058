import type { CardDto, HistoryEntryDto } from '../../shared/protocol/board'
import type { CycleDto } from '../../shared/protocol/cycles'
import type { WallCard, WallCycle, WallMove } from '../../shared/protocol/displays'
import type { FoldEvent } from '../cards/projection'

// The one place that decides what a wall display sees of the board (shared/protocol/displays.ts
// says why so little). Each field is copied by name: a field added to CardDto later stays off the
// wall until someone adds it here on purpose.

export function toWallCard(card: CardDto): WallCard {
  return {
    id: card.id,
    cycleId: card.cycleId,
    unit: { id: card.unit.id, shortName: card.unit.shortName },
    step: card.step,
    lane: card.lane,
    version: card.version,
    enteredStepAt: card.enteredStepAt,
    ...(card.extended ? { extended: card.extended } : {}),
  }
}

/** A move of the card's history as the ticker shows it; null for the card's creation (or a dispensation). `version` is the card's after the move. */
export function toWallMove(cardId: string, version: number, entry: HistoryEntryDto): WallMove | null {
  if (entry.kind === 'create' || entry.kind === 'extend' || !entry.from) return null
  return {
    cardId,
    version,
    kind: entry.kind,
    at: entry.at,
    from: { step: entry.from.step, lane: entry.from.lane },
    to: { step: entry.to.step, lane: entry.to.lane },
  }
}

export function toWallCycle(cycle: CycleDto): WallCycle {
  return { id: cycle.id, title: cycle.title, year: cycle.year, quarter: cycle.quarter, unitIds: cycle.units.map((u) => u.id), status: cycle.status }
}

/** A move or undo of the ledger as the ticker shows it; null for any other event. */
export function wallMoveOf(event: FoldEvent): WallMove | null {
  const place = (p: { step: number; lane: string }) => ({ step: p.step, lane: p.lane })
  const base = { cardId: String(event.cardId), version: event.version, at: event.at.toISOString() }
  if (event.kind === 'move') return { ...base, kind: event.payload.kind, from: place(event.payload.from), to: place(event.payload.to) }
  if (event.kind === 'undo') return { ...base, kind: 'undo', from: place(event.payload.from), to: place(event.payload.to) }
  return null
}
