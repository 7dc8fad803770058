import type { CardDto, FullCard, HistoryEntryDto } from '../../shared/protocol/board'
import type { CycleDto } from '../../shared/protocol/cycles'
import { WALL_TICKER_SIZE, type WallCard, type WallCycle, type WallMove } from '../../shared/protocol/displays'

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
  }
}

/** A move of the card's history as the ticker shows it; null for the card's creation. `version` is the card's after the move. */
export function toWallMove(cardId: string, version: number, entry: HistoryEntryDto): WallMove | null {
  if (entry.kind === 'create' || !entry.from) return null
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
  return { id: cycle.id, title: cycle.title, year: cycle.year, quarter: cycle.quarter, unitIds: cycle.units.map((u) => u.id) }
}

/** The cycle's latest moves over all its cards, newest first (from their histories: server-side only). */
export function latestWallMoves(cards: Pick<FullCard, 'id' | 'version' | 'history'>[], size = WALL_TICKER_SIZE): WallMove[] {
  const moves: WallMove[] = []
  for (const card of cards) {
    // Every history entry after the creation is one move, and every move raised the version by one.
    const last = card.history.length - 1
    card.history.forEach((entry, i) => {
      const move = toWallMove(card.id, card.version - (last - i), entry)
      if (move) moves.push(move)
    })
  }
  // ISO 8601 instants in UTC sort as strings.
  return moves.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, size)
}
