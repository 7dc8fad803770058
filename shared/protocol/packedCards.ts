import type { BoardSnapshot, CardDto, HistoryEntryDto, PersonRef } from './board'
import { stepOf, type Unit } from '../domain/template'

/**
 * A card's last change of place in a board snapshot. `at` is null when it is the card's entry
 * into its step (most entries); `by` indexes `PackedCards.people`; `from` is 0 for a creation.
 * Its `to` is the card's place, so it is not sent.
 */
export type PackedEntry = [seq: number, kind: HistoryEntryDto['kind'], at: number | null, by: number, from: [step: number, lane: string] | 0, note: string, opId: string]

/** The newest note: when, by whom (a name), its start. */
export type PackedNote = [at: number, by: string, text: string]

/**
 * One card of a snapshot, as a row. `unit` is the unit's id when the cycle lists it under the
 * same names (`cycle.units`), else the whole unit; times are milliseconds from
 * `PackedCards.base`; `checks` is the current step's ticks as '1'/'0', trailing unticked ones
 * left out (the template knows how many items the step has).
 */
export type PackedCard = [
  id: string,
  unit: string | [id: string, name: string, shortName: string],
  step: number,
  lane: string,
  version: number,
  seq: number,
  enteredStepAt: number,
  dueAt: number | null,
  atRiskAt: number | null,
  rounds: number,
  checks: string,
  output: string,
  noteCount: number,
  documentCount: number,
  lastNote: PackedNote | 0,
  lastEntry: PackedEntry,
]

/**
 * A board's cards as `board:join` sends them: rows instead of objects, so a snapshot does not
 * repeat every field name, the cycle id and the people's ids on every card. A 4000-card board is
 * about 0.7 MB this way against 2.8 MB as CardDto objects. `unpackCards` gives the CardDto[] back.
 */
export interface PackedCards {
  /** The instant (epoch ms) the rows' times count from. */
  base: number
  /** Everyone the rows' last entries name, once each. */
  people: PersonRef[]
  rows: PackedCard[]
}

/** `units`: the cycle's, which the snapshot carries anyway. */
export function packCards(cards: readonly CardDto[], base: number, units: readonly Unit[]): PackedCards {
  const listed = new Map(units.map((u) => [u.id, u]))
  const unitOf = ({ id, name, shortName }: Unit): PackedCard[1] => {
    const same = listed.get(id)
    return same && same.name === name && same.shortName === shortName ? id : [id, name, shortName]
  }
  const people: PersonRef[] = []
  const index = new Map<string, number>()
  const personOf = (p: PersonRef): number => {
    const key = `${p.id}\u0000${p.name}`
    let i = index.get(key)
    if (i === undefined) {
      i = people.push({ id: p.id, name: p.name }) - 1
      index.set(key, i)
    }
    return i
  }
  const ms = (iso: string) => Date.parse(iso) - base
  const rows = cards.map((c): PackedCard => {
    const e = c.lastEntry
    const entry: PackedEntry = [e.seq ?? 0, e.kind, e.at === c.enteredStepAt ? null : ms(e.at), personOf(e.by), e.from ? [e.from.step, e.from.lane] : 0, e.note, e.opId]
    return [
      c.id,
      unitOf(c.unit),
      c.step,
      c.lane,
      c.version,
      c.seq,
      ms(c.enteredStepAt),
      c.dueAt === null ? null : ms(c.dueAt),
      c.atRiskAt === null ? null : ms(c.atRiskAt),
      c.rounds,
      c.checklist.map((t) => (t ? '1' : '0')).join('').replace(/0+$/, ''),
      c.output,
      c.noteCount,
      c.documentCount,
      c.lastNote ? [ms(c.lastNote.at), c.lastNote.by, c.lastNote.text] : 0,
      entry,
    ]
  })
  return { base, people, rows }
}

/** The snapshot's cards as CardDto objects. */
export function unpackCards(snapshot: Pick<BoardSnapshot, 'cards' | 'cycle' | 'template'>): CardDto[] {
  const { cards: packed, cycle, template } = snapshot
  const listed = new Map(cycle.units.map((u) => [u.id, u]))
  const iso = (offset: number) => new Date(packed.base + offset).toISOString()
  return packed.rows.map(([id, unit, step, lane, version, seq, entered, due, atRisk, rounds, checks, output, noteCount, documentCount, note, entry]) => {
    const [entrySeq, kind, at, by, from, entryNote, opId] = entry
    const items = stepOf(template, step)?.kelengkapan.length ?? 0
    const enteredStepAt = iso(entered)
    return {
      id,
      cycleId: cycle.id,
      unit: typeof unit === 'string' ? { ...(listed.get(unit) ?? { id: unit, name: unit, shortName: unit }) } : { id: unit[0], name: unit[1], shortName: unit[2] },
      step,
      lane,
      version,
      seq,
      enteredStepAt,
      dueAt: due === null ? null : iso(due),
      atRiskAt: atRisk === null ? null : iso(atRisk),
      rounds,
      checklist: Array.from({ length: Math.max(items, checks.length) }, (_, i) => checks[i] === '1'),
      output,
      noteCount,
      documentCount,
      lastNote: note ? { at: iso(note[0]), by: note[1], text: note[2] } : null,
      lastEntry: {
        opId,
        // Entries migrated from before the ledger may have no place in a chain.
        ...(entrySeq ? { seq: entrySeq } : {}),
        kind,
        at: at === null ? enteredStepAt : iso(at),
        by: packed.people[by] ?? { id: '', name: '' },
        from: from ? { step: from[0], lane: from[1] } : null,
        to: { step, lane },
        note: entryNote,
      },
    }
  })
}
