import type { Position } from './common'
import type { CardDto, HistoryEntryDto } from './board'
import { stepOf, type SopTemplate } from '../domain/template'

/**
 * `card:moved`: a move (or an undo) as its event, with the card fields it changed. A board holds
 * the rest of the card (unit, counts, last note), so the fact carries none of it; fields that are
 * their default or follow from the event are left out, which keeps the frame under 400 bytes.
 */
export interface CardMovedFact {
  /** The card. */
  id: string
  version: number
  seq: number
  opId: string
  kind: HistoryEntryDto['kind']
  at: string
  /** The mover's name, as a board shows them; a board has no use for their id. */
  by: string
  from: Position | null
  to: Position
  /** Absent when the move has no note. */
  note?: string
  /** Absent when the card entered its step with this event (then it is `at`). */
  enteredStepAt?: string
  dueAt: string | null
  atRiskAt: string | null
  /** Absent when 0. */
  rounds?: number
  /** The new step's ticks; absent when none is ticked. */
  checklist?: boolean[]
  /** Absent when empty. */
  output?: string
  /** A dispensation's units the step keeps (a hand-off within it, an undo back into it); absent when none. */
  extended?: number
}

/** The fact of a card the server just moved (its lastEntry is the move). */
export function toMovedFact(card: CardDto): CardMovedFact {
  const e = card.lastEntry
  return {
    id: card.id,
    version: card.version,
    seq: e.seq ?? 0,
    opId: e.opId,
    kind: e.kind,
    at: e.at,
    by: e.by.name,
    from: e.from,
    to: { step: card.step, lane: card.lane },
    ...(e.note ? { note: e.note } : {}),
    ...(card.enteredStepAt !== e.at ? { enteredStepAt: card.enteredStepAt } : {}),
    dueAt: card.dueAt,
    atRiskAt: card.atRiskAt,
    ...(card.rounds ? { rounds: card.rounds } : {}),
    ...(card.checklist.some(Boolean) ? { checklist: card.checklist } : {}),
    ...(card.output ? { output: card.output } : {}),
    ...(card.extended ? { extended: card.extended } : {}),
  }
}

/**
 * The card a board holds, moved as the fact says: what `toMovedFact` left out, filled back in.
 * The entry names its mover only (`by.id` is empty), which is all a board reads of them.
 */
export function withMove(held: CardDto, fact: CardMovedFact, template: SopTemplate): CardDto {
  const items = stepOf(template, fact.to.step)?.kelengkapan.length ?? 0
  const { extended: _held, ...rest } = held
  return {
    ...rest,
    ...(fact.extended ? { extended: fact.extended } : {}),
    version: fact.version,
    seq: fact.seq,
    step: fact.to.step,
    lane: fact.to.lane,
    enteredStepAt: fact.enteredStepAt ?? fact.at,
    dueAt: fact.dueAt,
    atRiskAt: fact.atRiskAt,
    rounds: fact.rounds ?? 0,
    checklist: fact.checklist ?? Array.from({ length: items }, () => false),
    output: fact.output ?? '',
    lastEntry: { opId: fact.opId, seq: fact.seq, kind: fact.kind, at: fact.at, by: { id: '', name: fact.by }, from: fact.from, to: fact.to, note: fact.note ?? '' },
  }
}
