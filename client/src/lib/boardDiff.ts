import type { CardDto } from '@shared/protocol/board'

/**
 * What happened to the board while this client was disconnected, found by comparing snapshots of
 * slim cards: a move by the version and the last entry, notes by their count and the newest one.
 */
export type AwayChange =
  | { kind: 'moved'; card: CardDto; by: string | null }
  /** `by`: who wrote the newest of them (a slim card names no other author). */
  | { kind: 'noted'; card: CardDto; count: number; by: string | null }
  | { kind: 'added'; card: CardDto }
  | { kind: 'removed'; card: CardDto }

export function changesWhileAway(before: Readonly<Record<string, CardDto>>, after: readonly CardDto[]): AwayChange[] {
  const changes: AwayChange[] = []
  const seen = new Set<string>()
  for (const card of after) {
    seen.add(card.id)
    const old = before[card.id]
    if (!old) {
      changes.push({ kind: 'added', card })
      continue
    }
    if (card.version !== old.version || card.step !== old.step || card.lane !== old.lane) {
      const missed = card.lastEntry.opId !== old.lastEntry.opId
      changes.push({ kind: 'moved', card, by: missed ? card.lastEntry.by.name : null })
    }
    const newNotes = card.noteCount - old.noteCount
    if (newNotes > 0) changes.push({ kind: 'noted', card, count: newNotes, by: card.lastNote?.by ?? null })
  }
  for (const old of Object.values(before)) {
    if (!seen.has(old.id)) changes.push({ kind: 'removed', card: old })
  }
  return changes
}
