import { z } from '../zod'
import { MAX_HAVE } from './constants'
import { NoteText, ObjectId, OpId, Position } from './common'
import type { MoveKind } from '../domain/moves'
import type { SopTemplate, Unit } from '../domain/template'
import type { WorkCalendar } from '../time/calendar'
import type { CycleDto } from './cycles'
import type { DocumentDto } from './documents'
import type { PackedCards } from './packedCards'

export const BoardJoin = z.strictObject({
  cycleId: ObjectId,
  /**
   * A rejoin after a reconnect: the cards the client holds, as [card id, seq]. The snapshot then
   * carries only the cards whose seq is another (`partial: true`): the rest are as the client has them.
   */
  have: z.array(z.tuple([ObjectId, z.int().min(0)])).max(MAX_HAVE).optional(),
})
export type BoardJoin = z.infer<typeof BoardJoin>
/** board:leave names the board only. */
export const BoardLeave = z.strictObject({ cycleId: ObjectId })
export type BoardLeave = z.infer<typeof BoardLeave>

export const CardMove = z.strictObject({
  opId: OpId,
  cardId: ObjectId,
  /** The card version the client saw; a move against any other version is refused as stale. */
  version: z.int().min(0),
  to: Position,
  note: NoteText.optional(),
})
export type CardMove = z.infer<typeof CardMove>

/**
 * Undoes the sender's own move: `seq` is the move's place in the card's chain (its history
 * entry's `seq`). Allowed only while it is the card's last event and within the undo window.
 */
export const CardUndo = z.strictObject({ opId: OpId, cardId: ObjectId, seq: z.int().min(1) })
export type CardUndo = z.infer<typeof CardUndo>

export const CardNoteAdd = z.strictObject({ opId: OpId, cardId: ObjectId, text: NoteText })
export type CardNoteAdd = z.infer<typeof CardNoteAdd>

/** A note's id: the operation id that added it (notes taken over from before the ledger keep theirs). */
const NoteId = z.string().min(1).max(100)
/** The author rewrites their own note; the card panel shows it as edited. */
export const CardNoteEdit = z.strictObject({ opId: OpId, cardId: ObjectId, noteId: NoteId, text: NoteText })
export type CardNoteEdit = z.infer<typeof CardNoteEdit>
/** The author deletes their own note (the card's ledger keeps that it was written and deleted). */
export const CardNoteDelete = z.strictObject({ opId: OpId, cardId: ObjectId, noteId: NoteId })
export type CardNoteDelete = z.infer<typeof CardNoteDelete>

/**
 * A dispensation: the card's current-step deadline extended by `amount` units of the step's Waktu
 * (3 for "3 hari" gives 3 more working days), always with a reason. Made on the `version` the
 * asker saw, so an extension meant for a step the card has since left is refused as STALE.
 */
export const CardExtend = z.strictObject({
  opId: OpId,
  cardId: ObjectId,
  version: z.int().min(1),
  amount: z.int().min(1).max(99),
  reason: z.string().trim().min(3).max(500),
})
export type CardExtend = z.infer<typeof CardExtend>

export const CardChecklistSet = z.strictObject({
  opId: OpId,
  cardId: ObjectId,
  index: z.int().min(0).max(49),
  checked: z.boolean(),
})
export type CardChecklistSet = z.infer<typeof CardChecklistSet>

export const CardOutputSet = z.strictObject({
  opId: OpId,
  cardId: ObjectId,
  output: z.string().trim().max(500),
})
export type CardOutputSet = z.infer<typeof CardOutputSet>

export interface PersonRef {
  id: string
  name: string
}

export interface HistoryEntryDto {
  opId: string
  /**
   * The event's place in the card's chain (what card:undo names). Absent only on the entry a
   * client shows before its move is acknowledged.
   */
  seq?: number
  /**
   * 'undo': a compensating move back to where the card was before the move it undoes. 'extend': a
   * dispensation where the card was (`from` null), `amount` units of the step's Waktu, the reason as `note`.
   */
  kind: MoveKind | 'create' | 'undo' | 'extend'
  at: string
  by: PersonRef
  from: Position | null
  to: Position
  note: string
  amount?: number
}

export interface NoteDto {
  id: string
  at: string
  by: PersonRef
  text: string
  /** When its author last changed it; absent while never edited. */
  editedAt?: string
}

/** One stay of a card in a step, kept for the report of actual against standard time. */
export interface VisitDto {
  step: number
  /** 1 for the first pass; a return along a decision's "Tidak" branch starts the next round. */
  round: number
  enteredAt: string
  leftAt: string | null
  /** Office time spent in the step, set when the card leaves it. */
  workingMs: number | null
  /** The step's standard (Waktu) as office time from this visit's entry to its due instant. */
  standardMs: number
  /** Units of the step's Waktu granted by dispensations in this visit (in standardMs already); absent when none. */
  extended?: number
}

/**
 * A card as boards hold it: its place, its step clock, the current step's Mutu Baku, and counts.
 * Its history, notes, visits and documents are not in it: the card panel loads them when it opens
 * (`card:detail`), so a board's snapshot and its facts stay small whatever a card's past.
 */
export interface CardDto {
  id: string
  cycleId: string
  unit: Unit
  step: number
  lane: string
  /** Incremented by every move; checklist, output and notes do not change a card's place. */
  version: number
  /** The card's last event in its chain: raised by every change (a rejoin's `have` names it). */
  seq: number
  enteredStepAt: string
  /** Stored by the server when the card enters a step, from the cycle's Waktu and the work calendar; null once finished. */
  dueAt: string | null
  atRiskAt: string | null
  /** Correction rounds: how many times the card went back along a decision's "Tidak" branch. */
  rounds: number
  /** Units of the current step's Waktu granted by dispensations (its clocks count them); absent when none. */
  extended?: number
  /** Ticks of the current step's Kelengkapan items, by index. */
  checklist: boolean[]
  output: string
  noteCount: number
  documentCount: number
  /** The newest note, its text cut to LAST_NOTE_CHARS; null while there is none. */
  lastNote: { at: string; by: string; text: string } | null
  /** The latest change of place (the creation, a move or an undo), with its seq: who moved it where. */
  lastEntry: HistoryEntryDto
}

export const CardDetailGet = z.strictObject({ cardId: ObjectId })
export type CardDetailGet = z.infer<typeof CardDetailGet>

/** What the card panel loads on opening (`card:detail`), and again after each fact for the card. */
export interface CardDetail {
  cardId: string
  version: number
  history: HistoryEntryDto[]
  notes: NoteDto[]
  visits: VisitDto[]
  /** Files uploaded as a step's Output, every step's (filter by `step` for the current one). */
  documents: DocumentDto[]
}

/** A card with everything: what the server's reports and exports read (never sent to a board). */
export type FullCard = CardDto & Omit<CardDetail, 'cardId' | 'version'>

export interface Viewer {
  userId: string
  name: string
  role: string
}

export interface BoardSnapshot {
  cycle: CycleDto
  template: SopTemplate
  /** The work calendar the step clocks run on (office hours, holidays), for computing them live. */
  calendar: WorkCalendar
  /** As rows (shared/protocol/packedCards.ts): `unpackCards(snapshot)` gives CardDto[]. */
  cards: PackedCards
  /** Set on a rejoin with `have`: `cards` holds only the cards that changed since; the others are as the client has them. */
  partial?: true
  viewers: Viewer[]
  serverTime: string
  /** How long after a move its mover may still undo it (card:undo). */
  undoWindowMs: number
  /** The largest document a card takes, in bytes (DOCUMENT_MAX_MB): the client checks a file before sending it. */
  documentMaxBytes: number
}
