import { z } from 'zod'
import { NoteText, ObjectId, OpId, Position } from './common'
import type { MoveKind } from '../rules/moves'
import type { SopTemplate, Unit } from '../sop/template'
import type { WorkCalendar } from '../time/calendar'
import type { CycleDto } from './cycles'
import type { DocumentDto } from './documents'

export const BoardJoin = z.strictObject({ cycleId: ObjectId })
export type BoardJoin = z.infer<typeof BoardJoin>

export const CardMove = z.strictObject({
  opId: OpId,
  cardId: ObjectId,
  /** The card version the client saw; a move against any other version is refused as stale. */
  version: z.int().min(0),
  to: Position,
  note: NoteText.optional(),
})
export type CardMove = z.infer<typeof CardMove>

export const CardNoteAdd = z.strictObject({ opId: OpId, cardId: ObjectId, text: NoteText })
export type CardNoteAdd = z.infer<typeof CardNoteAdd>

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
  kind: MoveKind | 'create'
  at: string
  by: PersonRef
  from: Position | null
  to: Position
  note: string
}

export interface NoteDto {
  id: string
  at: string
  by: PersonRef
  text: string
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
}

export interface CardDto {
  id: string
  cycleId: string
  unit: Unit
  step: number
  lane: string
  /** Incremented by every move; checklist, output and notes do not change a card's place. */
  version: number
  enteredStepAt: string
  /** Stored by the server when the card enters a step, from the cycle's Waktu and the work calendar; null once finished. */
  dueAt: string | null
  atRiskAt: string | null
  visits: VisitDto[]
  /** Correction rounds: how many times the card went back along a decision's "Tidak" branch. */
  rounds: number
  /** Ticks of the current step's Kelengkapan items, by index. */
  checklist: boolean[]
  output: string
  history: HistoryEntryDto[]
  notes: NoteDto[]
  /** Files uploaded as a step's Output, every step's (filter by `step` for the current one). */
  documents: DocumentDto[]
}

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
  cards: CardDto[]
  viewers: Viewer[]
  serverTime: string
}
