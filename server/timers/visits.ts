import type { MoveKind, Position } from '../../shared/rules/moves'
import { finishedStep, stepOf, type SopTemplate } from '../../shared/sop/template'
import type { WorkCalendar } from '../../shared/time/calendar'
import { thresholdsOf, workingMsBetween } from '../../shared/time/workingTime'

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
  card: { enteredStepAt: Date; dueAt: Date | null; atRiskAt: Date | null; rounds: number; visits: Visit[] },
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
  const rounds = card.rounds + (kind === 'return' ? 1 : 0)
  const { visit, ...clock } = openVisit(cal, template, to.step, rounds + 1, at)
  return { ...clock, visits: visit ? [...visits, visit] : visits }
}

/** Thresholds of the open visit again, after the calendar changed; the entry instant stays. */
export function recomputeThresholds(cal: WorkCalendar, template: SopTemplate, step: number, enteredStepAt: Date) {
  const waktu = stepOf(template, step)?.waktu
  if (!waktu) return null
  const { dueAt, atRiskAt } = thresholdsOf(cal, enteredStepAt, waktu)
  return { dueAt, atRiskAt, standardMs: workingMsBetween(cal, enteredStepAt, dueAt) }
}
