import type { MoveKind, Position } from './moves'
import type { VisitDto } from '../protocol/board'
import { finishedStep, stepOf, type SopTemplate } from './template'
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

/** Thresholds of the open visit again, after the calendar changed; the entry instant stays. */
export function recomputeThresholds(cal: WorkCalendar, template: SopTemplate, step: number, enteredStepAt: Date) {
  const waktu = stepOf(template, step)?.waktu
  if (!waktu) return null
  const { dueAt, atRiskAt } = thresholdsOf(cal, enteredStepAt, waktu)
  return { dueAt, atRiskAt, standardMs: workingMsBetween(cal, enteredStepAt, dueAt) }
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null
const date = (s: string | null): Date | null => (s === null ? null : new Date(s))

/** The step clock as a CardDto carries it. */
export function clockToDto(clock: StepClock): StepClockDto {
  return {
    enteredStepAt: clock.enteredStepAt.toISOString(),
    dueAt: iso(clock.dueAt),
    atRiskAt: iso(clock.atRiskAt),
    visits: clock.visits.map((v) => ({ step: v.step, round: v.round, enteredAt: v.enteredAt.toISOString(), leftAt: iso(v.leftAt), workingMs: v.workingMs, standardMs: v.standardMs })),
  }
}

/** A CardDto's step clock for the arithmetic (the client's optimistic move). */
export function clockFromDto(clock: StepClockDto): StepClock {
  return {
    enteredStepAt: new Date(clock.enteredStepAt),
    dueAt: date(clock.dueAt),
    atRiskAt: date(clock.atRiskAt),
    visits: clock.visits.map((v) => ({ step: v.step, round: v.round, enteredAt: new Date(v.enteredAt), leftAt: date(v.leftAt), workingMs: v.workingMs, standardMs: v.standardMs })),
  }
}
