/**
 * The board's cards by cell, each cell in the cycle's unit order: the pure half of the board
 * store's `cardsByCell`. A move changes one or two cards of thousands, so the grouping is carried
 * forward (regroup) rather than made again, and only the cells a changed card left or entered
 * get new lists: the other cells' lists stay the same arrays, and their components do nothing.
 */

interface Placed {
  id: string
  step: number
  lane: string
  unit: { id: string; shortName: string }
}

export type Cells<C> = ReadonlyMap<string, readonly C[]>

/** Unit id → its place in the cycle's list of units. */
export type UnitOrder = ReadonlyMap<string, number>

/** Beyond this many changed cards (a snapshot, a reconnect), grouping again is as cheap. */
const REGROUP_MAX = 64

export function cellKey(step: number, lane: string): string {
  return `${step}:${lane}`
}

function compare(order: UnitOrder): (a: Placed, b: Placed) => number {
  return (a, b) => (order.get(a.unit.id) ?? 999) - (order.get(b.unit.id) ?? 999) || a.unit.shortName.localeCompare(b.unit.shortName)
}

export function groupByCell<C extends Placed>(cards: Readonly<Record<string, C>>, order: UnitOrder): Map<string, C[]> {
  const byCell = new Map<string, C[]>()
  for (const card of Object.values(cards).sort(compare(order))) {
    const key = cellKey(card.step, card.lane)
    const list = byCell.get(key)
    if (list) list.push(card)
    else byCell.set(key, [card])
  }
  return byCell
}

/**
 * The grouping of `after`, from `cells`, the grouping of `before` (the cards objects are replaced,
 * never mutated, so an unchanged card is the same object). Null when too much changed to carry.
 */
export function regroup<C extends Placed>(cells: Cells<C>, before: Readonly<Record<string, C>>, after: Readonly<Record<string, C>>, order: UnitOrder): Map<string, C[]> | null {
  const left: C[] = []
  const entered: C[] = []
  let kept = 0
  for (const id in after) {
    const now = after[id] as C
    const was = before[id]
    if (was === now) {
      kept++
      continue
    }
    if (was) left.push(was)
    entered.push(now)
    if (entered.length > REGROUP_MAX) return null
  }
  // Cards gone from the board: whatever `before` holds beyond the ones still here.
  if (kept + left.length < Object.keys(before).length) {
    for (const id in before) if (!(id in after)) left.push(before[id] as C)
  }
  if (left.length > REGROUP_MAX) return null
  if (left.length === 0 && entered.length === 0) return cells as Map<string, C[]>

  const next = new Map(cells) as Map<string, C[]>
  const copied = new Set<string>()
  const listOf = (key: string): C[] => {
    if (!copied.has(key)) {
      copied.add(key)
      next.set(key, [...(next.get(key) ?? [])])
    }
    return next.get(key) as C[]
  }
  for (const card of left) {
    const key = cellKey(card.step, card.lane)
    const list = listOf(key)
    const at = list.indexOf(card)
    if (at >= 0) list.splice(at, 1)
  }
  const byOrder = compare(order)
  for (const card of entered) {
    const key = cellKey(card.step, card.lane)
    const list = listOf(key)
    // The first place whose card sorts after this one.
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (byOrder(list[mid] as C, card) <= 0) lo = mid + 1
      else hi = mid
    }
    list.splice(lo, 0, card)
  }
  for (const key of copied) if (next.get(key)?.length === 0) next.delete(key)
  return next
}
