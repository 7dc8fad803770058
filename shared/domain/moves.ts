import type { Position } from '../protocol/common'
import { finishedStep, laneOf, stepOf, type SopTemplate } from './template'

/** Pure SOP move rules: the client runs them to light up drop targets, the server to decide. */

export type MoveKind = 'advance' | 'handoff' | 'return' | 'finish' | 'override'

export type { Position } from '../protocol/common'

export interface Actor {
  id: string
  role: string
  unitId: string | null
  isAdmin: boolean
}

export interface CardPlace extends Position {
  unitId: string
}

/** Why checkMove refuses a move; they are also reasons of an ack's error (shared/protocol/errorCodes.ts). */
export const REFUSALS = ['not_your_lane', 'not_your_unit', 'same_cell', 'no_such_cell', 'lane_not_involved', 'skip_not_allowed', 'finished'] as const
export type Refusal = (typeof REFUSALS)[number]

export type MoveCheck =
  | { ok: true; kind: MoveKind; noteRequired: boolean }
  | { ok: false; refusal: Refusal; forbidden: boolean }

/** The holder of a card is whoever has the role of its current lane (and, for unit heads, its unit). */
export function mayAct(template: SopTemplate, actor: Actor, card: CardPlace): Refusal | null {
  if (actor.isAdmin) return null
  if (actor.role !== card.lane) return 'not_your_lane'
  const lane = laneOf(template, card.lane)
  if (lane?.unitScoped && actor.unitId !== card.unitId) return 'not_your_unit'
  return null
}

/**
 * Who may grant a dispensation (extend a card's current-step deadline): the Sekretaris, who
 * oversees the SOP's timeliness, or an administrator; whoever holds the card may not.
 */
export function mayExtend(actor: Actor): boolean {
  return actor.isAdmin || actor.role === EXTENDING_ROLE
}
export const EXTENDING_ROLE = 'sekretaris'

/** Lanes of a step, counting the virtual "Selesai" column as held by the last step's lanes. */
export function lanesOfStep(template: SopTemplate, step: number): string[] {
  if (step === finishedStep(template)) return template.steps.at(-1)?.lanes ?? []
  return stepOf(template, step)?.lanes ?? []
}

export function defaultLaneOf(template: SopTemplate, step: number): string | undefined {
  if (step === finishedStep(template)) return template.steps.at(-1)?.defaultLane
  return stepOf(template, step)?.defaultLane
}

function refuse(refusal: Refusal, forbidden = false): MoveCheck {
  return { ok: false, refusal, forbidden }
}

function allow(kind: MoveKind): MoveCheck {
  return { ok: true, kind, noteRequired: kind === 'return' || kind === 'override' }
}

/**
 * Classifies a move of `card` to `to` by `actor`. Regular moves: advance one step (to any lane the
 * next step involves), hand off within the step, return along a decision's "Tidak" branch (note
 * required). Anything else to an existing cell is an administrator's override (reason required).
 */
export function checkMove(template: SopTemplate, actor: Actor, card: CardPlace, to: Position): MoveCheck {
  const notHolder = mayAct(template, actor, card)
  if (notHolder) return refuse(notHolder, true)
  if (!lanesOfStep(template, to.step).includes(to.lane)) {
    return refuse(laneOf(template, to.lane) && stepOf(template, to.step) ? 'lane_not_involved' : 'no_such_cell')
  }
  if (to.step === card.step && to.lane === card.lane) return refuse('same_cell')

  const last = finishedStep(template)
  if (card.step !== last) {
    if (to.step === card.step) return allow('handoff')
    if (to.step === card.step + 1) return allow(to.step === last ? 'finish' : 'advance')
    if (stepOf(template, card.step)?.decision?.noReturnsTo === to.step) return allow('return')
  }
  if (actor.isAdmin) return allow('override')
  return refuse(card.step === last ? 'finished' : 'skip_not_allowed')
}

export function allCells(template: SopTemplate): Position[] {
  const cells: Position[] = []
  for (let step = 1; step <= finishedStep(template); step++) {
    for (const lane of lanesOfStep(template, step)) cells.push({ step, lane })
  }
  return cells
}
