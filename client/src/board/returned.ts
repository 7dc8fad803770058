import type { CardDto, HistoryEntryDto } from '@shared/protocol/board'

/**
 * The return that put the card where it is (a decision's "Tidak", with its required note), or
 * null. Its `lastEntry` is the latest change of place, so the return stays shown until the card
 * moves on; the note is what the holder has to correct.
 */
export function returnOf(card: Pick<CardDto, 'lastEntry'>): HistoryEntryDto | null {
  return card.lastEntry.kind === 'return' ? card.lastEntry : null
}
