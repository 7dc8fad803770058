import type { Types } from 'mongoose'
import type { MovePayload } from '../../shared/domain/applyMove'
import type { StepClock, Visit } from '../../shared/domain/stepClock'
import type { MoveKind, Position } from '../../shared/domain/moves'
import type { PersonRef } from '../../shared/protocol/board'
import type { Unit } from '../../shared/domain/template'

/**
 * The card document as the projection of its events: a pure fold, so the server's write, the
 * repair after a crash and the migration all compute the same document from the same chain.
 */

export interface StoredDocument {
  id: string
  step: number
  name: string
  type: string
  size: number
  at: Date
  by: PersonRef
}

export interface HistoryEntry {
  opId: string
  /** The event's seq (entries projected before it was kept have none). */
  seq?: number
  kind: MoveKind | 'create' | 'undo'
  at: Date
  by: PersonRef
  from: Position | null
  to: Position
  note: string
}

export interface StepMutu {
  checks?: Record<string, boolean>
  output?: string
}

export interface CardState {
  cycleId: Types.ObjectId
  unit: Unit
  step: number
  lane: string
  /** The place version: moves raise it; a move must name the version it was made against. */
  version: number
  /** The chain's head: the last event's seq and hash. */
  seq: number
  head: string
  enteredStepAt: Date
  dueAt: Date | null
  atRiskAt: Date | null
  rounds: number
  visits: Visit[]
  /** Mutu Baku per step, keyed "s<step>" (see server/cards/model.ts). */
  mutu: Record<string, StepMutu>
  history: HistoryEntry[]
  notes: { id: string; at: Date; by: PersonRef; text: string }[]
  documents: StoredDocument[]
}

/** What an undo puts back: the card's place and step clock as before the move it undoes. */
export type PlaceState = Pick<CardState, 'step' | 'lane' | 'enteredStepAt' | 'dueAt' | 'atRiskAt' | 'rounds' | 'visits'>

export type EventPayload =
  | { kind: 'create'; payload: { unit: Unit; to: Position; clock: StepClock | null } }
  /** Built by shared/domain/applyMove.ts; clock and rounds are null in an imported (migrated) event. */
  | { kind: 'move'; payload: MovePayload }
  | { kind: 'note'; payload: { text: string } }
  | { kind: 'checklist'; payload: { step: number; index: number; checked: boolean } }
  | { kind: 'output'; payload: { step: number; output: string } }
  | { kind: 'document_added'; payload: { document: StoredDocument } }
  | { kind: 'document_removed'; payload: { documentId: string } }
  | { kind: 'clock'; payload: Pick<StepClock, 'dueAt' | 'atRiskAt' | 'visits'> }
  | {
      kind: 'migrated'
      payload: {
        state: Pick<CardState, 'step' | 'lane' | 'version' | 'enteredStepAt' | 'dueAt' | 'atRiskAt' | 'rounds' | 'visits' | 'mutu'>
        /** Applied operation ids the old card listed that none of its entries carried. */
        opIds: string[]
      }
    }
  | { kind: 'undo'; payload: { undoes: number; from: Position; to: Position; state: PlaceState } }

/** An event as the fold needs it (a stored CardEventRecord is one). */
export type FoldEvent = EventPayload & {
  cardId: Types.ObjectId
  cycleId: Types.ObjectId
  seq: number
  version: number
  at: Date
  by: PersonRef
  opId: string
  hash: string
}

function withMutu(state: CardState, step: number, change: (m: StepMutu) => StepMutu): Record<string, StepMutu> {
  const key = `s${step}`
  return { ...state.mutu, [key]: change(state.mutu[key] ?? {}) }
}

/** The state after one more event. `state` is null only before the creation. */
export function applyEvent(state: CardState | null, event: FoldEvent): CardState {
  const by = { id: event.by.id, name: event.by.name }
  if (event.kind === 'create') {
    const { unit, to, clock } = event.payload
    return {
      cycleId: event.cycleId,
      unit: { id: unit.id, name: unit.name, shortName: unit.shortName },
      step: to.step,
      lane: to.lane,
      version: event.version,
      seq: event.seq,
      head: event.hash,
      enteredStepAt: clock?.enteredStepAt ?? event.at,
      dueAt: clock?.dueAt ?? null,
      atRiskAt: clock?.atRiskAt ?? null,
      rounds: 0,
      visits: clock?.visits ?? [],
      mutu: {},
      history: [{ opId: event.opId, seq: event.seq, kind: 'create', at: event.at, by, from: null, to, note: '' }],
      notes: [],
      documents: [],
    }
  }
  if (!state) throw new Error(`card ${String(event.cardId)}: a ${event.kind} event before its creation`)
  const next: CardState = { ...state, version: event.version, seq: event.seq, head: event.hash }
  switch (event.kind) {
    case 'move': {
      const { kind, from, to, note, clock, rounds } = event.payload
      return {
        ...next,
        step: to.step,
        lane: to.lane,
        ...(clock ?? {}),
        rounds: rounds ?? state.rounds,
        history: [...state.history, { opId: event.opId, seq: event.seq, kind, at: event.at, by, from, to, note }],
      }
    }
    case 'undo': {
      const { from, to, state: before } = event.payload
      return {
        ...next,
        ...before,
        history: [...state.history, { opId: event.opId, seq: event.seq, kind: 'undo', at: event.at, by, from, to, note: '' }],
      }
    }
    case 'note':
      return { ...next, notes: [...state.notes, { id: event.opId, at: event.at, by, text: event.payload.text }] }
    case 'checklist': {
      const { step, index, checked } = event.payload
      return { ...next, mutu: withMutu(state, step, (m) => ({ ...m, checks: { ...m.checks, [`i${index}`]: checked } })) }
    }
    case 'output': {
      const { step, output } = event.payload
      return { ...next, mutu: withMutu(state, step, (m) => ({ ...m, output })) }
    }
    case 'document_added':
      return { ...next, documents: [...state.documents, event.payload.document] }
    case 'document_removed':
      return { ...next, documents: state.documents.filter((d) => d.id !== event.payload.documentId) }
    case 'clock':
      return { ...next, ...event.payload }
    case 'migrated':
      return { ...next, ...event.payload.state, seq: event.seq, head: event.hash }
  }
}

/** The card as it was before its event `seq`: the fold of the events before it (null if none). */
export function stateBefore(events: readonly FoldEvent[], seq: number): CardState | null {
  return events.filter((e) => e.seq < seq).reduce<CardState | null>((s, e) => applyEvent(s, e), null)
}
