import { describe, expect, it } from 'vitest'
import type { CycleProgress } from '../protocol/cycles'
import { MONEV_KINERJA } from '../sop/balangan'
import { cycleProgress, isFinished, progressPercent } from './progress'

// Monev Kinerja has 13 steps; 14 is the virtual "Selesai" column after them.
const STEPS = 13
const SELESAI = 14

describe('isFinished', () => {
  it.each([
    { step: 1, finished: false },
    { step: 7, finished: false },
    { step: STEPS, finished: false, why: 'the last step is still work to do' },
    { step: SELESAI, finished: true },
  ])('step $step → $finished', ({ step, finished }) => {
    expect(isFinished(MONEV_KINERJA, step)).toBe(finished)
  })
})

describe('cycleProgress', () => {
  it.each<{ name: string; steps: number[]; want: CycleProgress }>([
    { name: 'no cards', steps: [], want: { cards: 0, finished: 0, stepsDone: 0, stepsTotal: 0 } },
    { name: 'all at the start', steps: [1, 1, 1], want: { cards: 3, finished: 0, stepsDone: 0, stepsTotal: 39 } },
    { name: 'one per place', steps: [1, 5, SELESAI], want: { cards: 3, finished: 1, stepsDone: 0 + 4 + 13, stepsTotal: 39 } },
    { name: 'in the last step: 12 steps done, not finished', steps: [STEPS], want: { cards: 1, finished: 0, stepsDone: 12, stepsTotal: 13 } },
    { name: 'all in Selesai', steps: [SELESAI, SELESAI], want: { cards: 2, finished: 2, stepsDone: 26, stepsTotal: 26 } },
    // Out of range (never written by a move): finished and steps done stay consistent and in bounds.
    { name: 'past Selesai counts as finished, all steps done', steps: [SELESAI + 3], want: { cards: 1, finished: 1, stepsDone: 13, stepsTotal: 13 } },
    { name: 'below step 1 counts nothing done', steps: [0], want: { cards: 1, finished: 0, stepsDone: 0, stepsTotal: 13 } },
  ])('$name', ({ steps, want }) => {
    expect(cycleProgress(MONEV_KINERJA, steps)).toEqual(want)
  })
})

describe('progressPercent', () => {
  it.each<{ p: Pick<CycleProgress, 'stepsDone' | 'stepsTotal'>; want: number }>([
    { p: { stepsDone: 0, stepsTotal: 0 }, want: 0 },
    { p: { stepsDone: 0, stepsTotal: 39 }, want: 0 },
    { p: { stepsDone: 17, stepsTotal: 39 }, want: 44 },
    { p: { stepsDone: 1, stepsTotal: 200 }, want: 1 },
    { p: { stepsDone: 39, stepsTotal: 39 }, want: 100 },
  ])('$p.stepsDone of $p.stepsTotal → $want %', ({ p, want }) => {
    expect(progressPercent(p)).toBe(want)
  })
})
