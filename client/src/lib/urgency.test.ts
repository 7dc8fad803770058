import { describe, expect, it } from 'vitest'
import { MONEV_KINERJA } from '@shared/sop/balangan'
import { DEFAULT_CALENDAR } from '@shared/time/calendar'
import type { CardDto } from '@shared/protocol/board'
import { testCard } from '../board/testCard'
import { byUrgency } from './urgency'

const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)

/** A card in step 1 (15 menit, due 15 office minutes after `entered`). */
function card(id: string, entered: string): CardDto {
  const e = at(entered)
  return testCard({ id, unit: { id, name: id, shortName: id.toUpperCase() }, enteredStepAt: e.toISOString(), dueAt: new Date(e.getTime() + 15 * 60_000).toISOString() })
}

describe('Tugas saya by urgency', () => {
  it('puts the late cards first, then those at risk, then the rest, each the one due first on top', () => {
    const now = at('2027-01-11 09:00').getTime()
    const cards = [card('fresh', '2027-01-11 08:55'), card('late2', '2027-01-11 08:30'), card('risk', '2027-01-11 08:47'), card('late1', '2027-01-11 08:10')]
    const groups = byUrgency(cards, () => MONEV_KINERJA, DEFAULT_CALENDAR, now)
    expect(groups.map((g) => [g.urgency, g.cards.map((c) => c.id)])).toEqual([
      ['overdue', ['late1', 'late2']],
      ['at_risk', ['risk']],
      ['later', ['fresh']],
    ])
  })

  it('leaves out empty groups, and a card without a clock (or a template) is not urgent', () => {
    const now = at('2027-01-11 09:00').getTime()
    expect(byUrgency([card('a', '2027-01-11 08:59')], () => undefined, DEFAULT_CALENDAR, now)).toEqual([{ urgency: 'later', cards: [expect.objectContaining({ id: 'a' })] }])
    expect(byUrgency([], () => MONEV_KINERJA, DEFAULT_CALENDAR, now)).toEqual([])
  })
})
