import type { CardDto } from '@shared/schemas/board'

/** What happened to the board while this client was disconnected, found by comparing snapshots. */
export type AwayChange =
  | { kind: 'moved'; card: CardDto; by: string | null }
  | { kind: 'noted'; card: CardDto; count: number; by: string[] }
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
      const known = new Set(old.history.map((h) => h.opId))
      const missed = card.history.filter((h) => !known.has(h.opId))
      changes.push({ kind: 'moved', card, by: missed.at(-1)?.by.name ?? null })
    }
    const knownNotes = new Set(old.notes.map((n) => n.id))
    const newNotes = card.notes.filter((n) => !knownNotes.has(n.id))
    if (newNotes.length > 0) {
      changes.push({ kind: 'noted', card, count: newNotes.length, by: [...new Set(newNotes.map((n) => n.by.name))] })
    }
  }
  for (const old of Object.values(before)) {
    if (!seen.has(old.id)) changes.push({ kind: 'removed', card: old })
  }
  return changes
}
