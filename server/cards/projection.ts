import type { Types } from 'mongoose'
import type { MovePayload } from '../../shared/domain/applyMove'
import type { StepClock, Visit } from '../../shared/domain/stepClock'
import type { MoveKind, Position } from '../../shared/domain/moves'
import type { PersonRef } from '../../shared/protocol/board'
import { LAST_NOTE_CHARS } from '../../shared/protocol/constants'
import type { Unit } from '../../shared/domain/template'

/**
 * The card document as the projection of its events: a pure fold, so the server's write, the
 * repair after a crash and the migration all compute the same document from the same chain.
 * The document is slim: its place, step clock, Mutu Baku and documents, and of its history and
 * notes only their last entry and count. FerretDB v1 reads and rewrites a whole document for an
 * update, so a card that carried its history made each of its moves dearer than the one before.
 * The lists themselves are folded from the chain when someone opens the card (`listsOf`).
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
  /** 'extend': a dispensation in the card's place (`from` null, `to` where it was), its reason as the note. */
  kind: MoveKind | 'create' | 'undo' | 'extend'
  at: Date
  by: PersonRef
  from: Position | null
  to: Position
  note: string
  /** A dispensation's units of the step's Waktu. */
  amount?: number
}

export interface NoteEntry {
  id: string
  at: Date
  by: PersonRef
  text: string
  /** When its author last changed it; absent while never edited. */
  editedAt?: Date
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
  /** The latest change of place (creation, move or undo). */
  lastEntry: HistoryEntry
  noteCount: number
  /** The newest note, its text cut to LAST_NOTE_CHARS. */
  lastNote: NoteEntry | null
  /** The files attached now (few; a download checks that its card lists the file). */
  documents: StoredDocument[]
}

/** A card's history and notes: folded from its chain for the card panel, reports and exports. */
export interface CardLists {
  history: HistoryEntry[]
  notes: NoteEntry[]
}

/** What an undo puts back: the card's place and step clock as before the move it undoes. */
export type PlaceState = Pick<CardState, 'step' | 'lane' | 'enteredStepAt' | 'dueAt' | 'atRiskAt' | 'rounds' | 'visits'>

export type EventPayload =
  | { kind: 'create'; payload: { unit: Unit; to: Position; clock: StepClock | null } }
  /** Built by shared/domain/applyMove.ts; clock and rounds are null in an imported (migrated) event. */
  | { kind: 'move'; payload: MovePayload }
  | { kind: 'note'; payload: { text: string } }
  /** The author rewrote their note `noteId` (a note's id is the opId that added it). */
  | { kind: 'note_edited'; payload: { noteId: string; text: string } }
  /** The author deleted their note; `lastNote` is the newest note left, for the card to show if this one was it. */
  | { kind: 'note_deleted'; payload: { noteId: string; lastNote: NoteEntry | null } }
  | { kind: 'checklist'; payload: { step: number; index: number; checked: boolean } }
  | { kind: 'output'; payload: { step: number; output: string } }
  | { kind: 'document_added'; payload: { document: StoredDocument } }
  | { kind: 'document_removed'; payload: { documentId: string } }
  | { kind: 'clock'; payload: Pick<StepClock, 'dueAt' | 'atRiskAt' | 'visits'> }
  /** A dispensation of `amount` units of the step's Waktu, with its reason and the clock it gives. */
  | { kind: 'extend'; payload: { amount: number; reason: string; clock: Pick<StepClock, 'dueAt' | 'atRiskAt' | 'visits'> } }
  | {
      kind: 'migrated'
      payload: {
        state: Pick<CardState, 'step' | 'lane' | 'version' | 'enteredStepAt' | 'dueAt' | 'atRiskAt' | 'rounds' | 'visits' | 'mutu'>
        /** Applied operation ids the old card listed that none of its entries carried. */
        opIds: string[]
      }
    }
  | { kind: 'undo'; payload: { undoes: number; from: Position; to: Position; state: PlaceState } }
  /** The open step's clock passed a threshold (announced once: the event is the claim). */
  | { kind: 'timer'; payload: { state: 'at_risk' | 'overdue'; at: Date } }

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

type PlaceEvent = Extract<FoldEvent, { kind: 'create' | 'move' | 'undo' }>

/** The lists of a card whose chain could not be read (reports show it without them). */
export const NO_LISTS: CardLists = Object.freeze({ history: [], notes: [] })

/** The history entry of a change of place. */
function entryOf(event: PlaceEvent): HistoryEntry {
  const base = { opId: event.opId, seq: event.seq, at: event.at, by: { id: event.by.id, name: event.by.name } }
  switch (event.kind) {
    case 'create':
      return { ...base, kind: 'create', from: null, to: event.payload.to, note: '' }
    case 'move': {
      const { kind, from, to, note } = event.payload
      return { ...base, kind, from, to, note }
    }
    case 'undo':
      return { ...base, kind: 'undo', from: event.payload.from, to: event.payload.to, note: '' }
  }
}

function noteOf(event: Extract<FoldEvent, { kind: 'note' }>): NoteEntry {
  return { id: event.opId, at: event.at, by: { id: event.by.id, name: event.by.name }, text: event.payload.text }
}

/** The card's whole history and all its notes, oldest first. */
export function listsOf(events: readonly FoldEvent[]): CardLists {
  const history: HistoryEntry[] = []
  const notes: NoteEntry[] = []
  let place: Position | null = null
  for (const event of events) {
    if (event.kind === 'create' || event.kind === 'move' || event.kind === 'undo') {
      const entry = entryOf(event)
      history.push(entry)
      place = entry.to
    } else if (event.kind === 'note') notes.push(noteOf(event))
    else if (event.kind === 'note_edited') {
      const i = notes.findIndex((n) => n.id === event.payload.noteId)
      const note = notes[i]
      if (note) notes[i] = { ...note, text: event.payload.text, editedAt: event.at }
    } else if (event.kind === 'note_deleted') {
      const i = notes.findIndex((n) => n.id === event.payload.noteId)
      if (i >= 0) notes.splice(i, 1)
    } else if (event.kind === 'extend' && place) {
      const { amount, reason } = event.payload
      history.push({ opId: event.opId, seq: event.seq, kind: 'extend', at: event.at, by: { id: event.by.id, name: event.by.name }, from: null, to: place, note: reason, amount })
    }
  }
  return { history, notes }
}

/** The state after one more event. `state` is null only before the creation. */
export function applyEvent(state: CardState | null, event: FoldEvent): CardState {
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
      lastEntry: entryOf(event),
      noteCount: 0,
      lastNote: null,
      documents: [],
    }
  }
  if (!state) throw new Error(`card ${String(event.cardId)}: a ${event.kind} event before its creation`)
  const next: CardState = { ...state, version: event.version, seq: event.seq, head: event.hash }
  switch (event.kind) {
    case 'move': {
      const { to, clock, rounds } = event.payload
      return { ...next, step: to.step, lane: to.lane, ...(clock ?? {}), rounds: rounds ?? state.rounds, lastEntry: entryOf(event) }
    }
    case 'undo':
      return { ...next, ...event.payload.state, lastEntry: entryOf(event) }
    case 'note': {
      const note = noteOf(event)
      return { ...next, noteCount: state.noteCount + 1, lastNote: { ...note, text: note.text.slice(0, LAST_NOTE_CHARS) } }
    }
    case 'note_edited': {
      const { noteId, text } = event.payload
      const last = state.lastNote
      return last?.id === noteId ? { ...next, lastNote: { ...last, text: text.slice(0, LAST_NOTE_CHARS), editedAt: event.at } } : next
    }
    case 'note_deleted': {
      const { noteId, lastNote } = event.payload
      const newest = state.lastNote?.id === noteId ? lastNote && { ...lastNote, text: lastNote.text.slice(0, LAST_NOTE_CHARS) } : state.lastNote
      return { ...next, noteCount: Math.max(0, state.noteCount - 1), lastNote: newest }
    }
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
    case 'extend':
      return { ...next, ...event.payload.clock }
    case 'migrated':
      return { ...next, ...event.payload.state, seq: event.seq, head: event.hash }
    case 'timer':
      return next
  }
}

/** The card as it was before its event `seq`: the fold of the events before it (null if none). */
export function stateBefore(events: readonly FoldEvent[], seq: number): CardState | null {
  return events.filter((e) => e.seq < seq).reduce<CardState | null>((s, e) => applyEvent(s, e), null)
}
