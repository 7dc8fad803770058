import type { CycleProgress } from '../protocol/cycles'
import { finishedStep, type SopTemplate } from './template'

/**
 * A card is finished once it sits in the virtual column after the last step (finishedStep), not
 * while it is still in the last step: that step's work is done only when the card leaves it.
 * `>=` rather than `===` so a step out of range never counts as both all steps done and unfinished.
 */
export function isFinished(template: SopTemplate, step: number): boolean {
  return step >= finishedStep(template)
}

/**
 * The one measure of a cycle's progress, for the cycles list, the board header, the wall and the
 * dashboard alike: the finished cards, and the steps left behind over all cards (a card in step k
 * has done k − 1 of them), each card's share kept within 0 … the template's steps.
 */
export function cycleProgress(template: SopTemplate, steps: readonly number[]): CycleProgress {
  const counts = new Map<number, number>()
  for (const step of steps) counts.set(step, (counts.get(step) ?? 0) + 1)
  return progressOfCounts(template, counts)
}

/** The same from the number of cards in each step (a board that keeps its cards by cell). */
export function progressOfCounts(template: SopTemplate, counts: ReadonlyMap<number, number>): CycleProgress {
  const perCard = template.steps.length
  const progress: CycleProgress = { cards: 0, finished: 0, stepsDone: 0, stepsTotal: 0 }
  for (const [step, n] of counts) {
    progress.cards += n
    if (isFinished(template, step)) progress.finished += n
    progress.stepsDone += n * Math.min(Math.max(step - 1, 0), perCard)
  }
  progress.stepsTotal = progress.cards * perCard
  return progress
}

/** Steps done as a whole percentage of all steps, for a progress bar; 0 for a cycle without cards. */
export function progressPercent(p: Pick<CycleProgress, 'stepsDone' | 'stepsTotal'>): number {
  return p.stepsTotal > 0 ? Math.round((p.stepsDone / p.stepsTotal) * 100) : 0
}
