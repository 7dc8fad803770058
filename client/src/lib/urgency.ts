import type { CardDto } from '@shared/protocol/board'
import type { SopTemplate } from '@shared/domain/template'
import type { WorkCalendar } from '@shared/time/calendar'
import { clockStateOf } from '../board/filter'

export const URGENCIES = ['overdue', 'at_risk', 'later'] as const
export type Urgency = (typeof URGENCIES)[number]

const dueOf = (card: CardDto): number => (card.dueAt ? new Date(card.dueAt).getTime() : Number.POSITIVE_INFINITY)

/**
 * Cards by how urgent they are at `now` (server time, ms): late first, then at risk, then the
 * rest; in each, the one due first on top. Empty groups are left out.
 */
export function byUrgency(
  cards: readonly CardDto[],
  templateOf: (card: CardDto) => SopTemplate | undefined,
  calendar: WorkCalendar | null,
  now: number,
): { urgency: Urgency; cards: CardDto[] }[] {
  const groups: Record<Urgency, CardDto[]> = { overdue: [], at_risk: [], later: [] }
  for (const card of [...cards].sort((a, b) => dueOf(a) - dueOf(b))) {
    const template = templateOf(card)
    const state = template ? clockStateOf(card, { template, calendar, now }) : null
    groups[state === 'overdue' || state === 'at_risk' ? state : 'later'].push(card)
  }
  return URGENCIES.map((urgency) => ({ urgency, cards: groups[urgency] })).filter((g) => g.cards.length > 0)
}
