import type { MoveKind, Position } from './moves'
import type { VisitDto } from '../protocol/board'
import { finishedStep, stepOf, type SopTemplate, type Waktu } from './template'
import type { WorkCalendar } from '../time/calendar'
import { thresholdsOf, workingMsBetween } from '../time/workingTime'

/**
 * The step clock of a card: when it entered its step, when that step is at risk and due, and its
 * visits (one per stay in a step) for the report of actual against standard time. Pure working-time
 * arithmetic over shared/time: the server stores what it gives, the client shows the same at once.
 */

export interface Visit {
  step: number
  round: number
  enteredAt: Date
  leftAt: Date | null
  workingMs: number | null
  standardMs: number
  /** Units of the step's Waktu granted by dispensations in this visit; absent when none. */
  extended?: number
}

/** What the timer bookkeeping of a card looks like after a move; written with the move, atomically. */
export interface StepClock {
  enteredStepAt: Date
  dueAt: Date | null
  atRiskAt: Date | null
  visits: Visit[]
}

/** A step clock as cards travel (CardDto): instants as ISO 8601 strings. */
export interface StepClockDto {
  enteredStepAt: string
  dueAt: string | null
  atRiskAt: string | null
  visits: VisitDto[]
}

/** Correction rounds after a move: a return along a decision's "Tidak" branch starts the next one. */
export function roundsAfter(rounds: number, kind: MoveKind): number {
  return rounds + (kind === 'return' ? 1 : 0)
}

/** Opens a visit of `step` at `at` with its thresholds; the finished column has no clock. */
export function openVisit(cal: WorkCalendar, template: SopTemplate, step: number, round: number, at: Date): Omit<StepClock, 'visits'> & { visit: Visit | null } {
  const waktu = step === finishedStep(template) ? undefined : stepOf(template, step)?.waktu
  if (!waktu) return { enteredStepAt: at, dueAt: null, atRiskAt: null, visit: null }
  const { dueAt, atRiskAt } = thresholdsOf(cal, at, waktu)
  return {
    enteredStepAt: at,
    dueAt,
    atRiskAt,
    visit: { step, round, enteredAt: at, leftAt: null, workingMs: null, standardMs: workingMsBetween(cal, at, dueAt) },
  }
}

/**
 * A hand-off stays in the same visit (the step's clock keeps running for whoever holds it); every
 * other move closes the open visit and opens one in the target step. A return starts a new round.
 */
export function clockAfterMove(
  cal: WorkCalendar,
  template: SopTemplate,
  card: StepClock & { rounds: number },
  kind: MoveKind,
  to: Position,
  at: Date,
): StepClock {
  if (kind === 'handoff') {
    return { enteredStepAt: card.enteredStepAt, dueAt: card.dueAt, atRiskAt: card.atRiskAt, visits: card.visits }
  }
  const visits = card.visits.map((v) =>
    v.leftAt ? v : { ...v, leftAt: at, workingMs: workingMsBetween(cal, v.enteredAt, at) },
  )
  const { visit, ...clock } = openVisit(cal, template, to.step, roundsAfter(card.rounds, kind) + 1, at)
  return { ...clock, visits: visit ? [...visits, visit] : visits }
}

/**
 * The standard a visit is measured against: the step's Waktu plus what dispensations granted, in
 * the step's own unit ("3 hari" extended by 2 is "5 hari", counted on the office calendar).
 */
export function effectiveWaktu(waktu: Waktu, extended: number | undefined): Waktu {
  return extended ? { ...waktu, amount: waktu.amount + extended } : waktu
}

/** What dispensations granted the open visit, in units of its step's Waktu (0 when none). */
export function extendedOf(visits: readonly { leftAt: unknown; extended?: number }[]): number {
  return visits.find((v) => !v.leftAt)?.extended ?? 0
}

/** Thresholds of the open visit again, after the calendar changed or a dispensation; the entry instant stays. */
export function recomputeThresholds(cal: WorkCalendar, template: SopTemplate, step: number, enteredStepAt: Date, extended = 0) {
  const waktu = stepOf(template, step)?.waktu
  if (!waktu) return null
  const { dueAt, atRiskAt } = thresholdsOf(cal, enteredStepAt, effectiveWaktu(waktu, extended))
  return { dueAt, atRiskAt, standardMs: workingMsBetween(cal, enteredStepAt, dueAt) }
}

/**
 * A dispensation: the open visit's deadline moves by `amount` units of its step's Waktu; the
 * at-risk instant and the visit's standard follow. Null when the card has no running clock.
 */
export function clockAfterExtension(cal: WorkCalendar, template: SopTemplate, card: StepClock & { step: number }, amount: number): Pick<StepClock, 'dueAt' | 'atRiskAt' | 'visits'> | null {
  const open = card.visits.find((v) => !v.leftAt)
  if (!card.dueAt || !open) return null
  const extended = (open.extended ?? 0) + amount
  const next = recomputeThresholds(cal, template, card.step, card.enteredStepAt, extended)
  if (!next) return null
  const visits = card.visits.map((v) => (v === open ? { ...v, extended, standardMs: next.standardMs } : v))
  return { dueAt: next.dueAt, atRiskAt: next.atRiskAt, visits }
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null
const date = (s: string | null): Date | null => (s === null ? null : new Date(s))

/** The step clock as a CardDto carries it. */
export function clockToDto(clock: StepClock): StepClockDto {
  return {
    enteredStepAt: clock.enteredStepAt.toISOString(),
    dueAt: iso(clock.dueAt),
    atRiskAt: iso(clock.atRiskAt),
    visits: clock.visits.map((v) => ({
      step: v.step,
      round: v.round,
      enteredAt: v.enteredAt.toISOString(),
      leftAt: iso(v.leftAt),
      workingMs: v.workingMs,
      standardMs: v.standardMs,
      ...(v.extended ? { extended: v.extended } : {}),
    })),
  }
}

/** A CardDto's step clock for the arithmetic (the client's optimistic move). */
export function clockFromDto(clock: StepClockDto): StepClock {
  return {
    enteredStepAt: new Date(clock.enteredStepAt),
    dueAt: date(clock.dueAt),
    atRiskAt: date(clock.atRiskAt),
    visits: clock.visits.map((v) => ({
      step: v.step,
      round: v.round,
      enteredAt: new Date(v.enteredAt),
      leftAt: date(v.leftAt),
      workingMs: v.workingMs,
      standardMs: v.standardMs,
      ...(v.extended ? { extended: v.extended } : {}),
    })),
  }
}
