import { allCells, checkMove, defaultLaneOf, type Actor, type CardPlace, type MoveKind, type Position } from '@shared/domain/moves'
import type { SopTemplate } from '@shared/domain/template'

/** A cell a card may go to now, and what kind of move that is. */
export interface MoveTarget {
  to: Position
  kind: MoveKind
  noteRequired: boolean
}

const KIND_ORDER: Record<MoveKind, number> = { advance: 0, finish: 0, handoff: 1, return: 2, override: 3 }

/**
 * Every cell `actor` may move the card at `place` to, by the shared rules: the next step first
 * (its default lane before the others), then hand-offs within the step, then the decision's
 * return, administrator overrides last. Overrides are left out unless asked for.
 */
export function moveTargets(template: SopTemplate, actor: Actor, place: CardPlace, { overrides = true } = {}): MoveTarget[] {
  const targets: MoveTarget[] = []
  for (const to of allCells(template)) {
    const check = checkMove(template, actor, place, to)
    if (check.ok && (overrides || check.kind !== 'override')) targets.push({ to, kind: check.kind, noteRequired: check.noteRequired })
  }
  const isDefault = (t: MoveTarget) => (defaultLaneOf(template, t.to.step) === t.to.lane ? 0 : 1)
  // Array.prototype.sort is stable, so cells keep the template's order within a group.
  return targets.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || isDefault(a) - isDefault(b))
}
