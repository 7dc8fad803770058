import { describe, expect, it } from 'vitest'
import { groupByCell, regroup } from './cells'

interface TestCard {
  id: string
  step: number
  lane: string
  unit: { id: string; shortName: string }
  version: number
}

const LANES = ['sekretaris', 'kepala_bidang', 'kasubag_program']
const order = new Map(Array.from({ length: 300 }, (_, i) => [`u${i}`, i]))

function board(n: number): Record<string, TestCard> {
  const cards: Record<string, TestCard> = {}
  for (let i = 0; i < n; i++) cards[`c${i}`] = { id: `c${i}`, step: 1 + (i % 3), lane: LANES[i % 2] as string, unit: { id: `u${(i * 7) % 300}`, shortName: `U${i}` }, version: 1 }
  return cards
}

/** A seeded sequence, so a failure is the same on every run. */
function random(seed: number): () => number {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
}

describe('regroup', () => {
  it('gives the grouping made from scratch, through moves, edits in place, additions and removals', () => {
    const next = random(7)
    let cards = board(250)
    let cells = groupByCell(cards, order)
    for (let round = 0; round < 400; round++) {
      const after = { ...cards }
      const ids = Object.keys(after)
      const id = ids[Math.floor(next() * ids.length)] as string
      const card = after[id] as TestCard
      const kind = next()
      if (kind < 0.6) after[id] = { ...card, step: 1 + Math.floor(next() * 4), lane: LANES[Math.floor(next() * 3)] as string, version: card.version + 1 }
      else if (kind < 0.8) after[id] = { ...card, version: card.version + 1 }
      else if (kind < 0.9) delete after[id]
      else after[`n${round}`] = { id: `n${round}`, step: 1, lane: 'sekretaris', unit: { id: `u${round % 300}`, shortName: `N${round}` }, version: 1 }
      const carried = regroup(cells, cards, after, order)
      expect(carried).not.toBeNull()
      expect(carried).toEqual(groupByCell(after, order))
      cards = after
      cells = carried as Map<string, TestCard[]>
    }
  })

  it('keeps the lists of the cells a change did not touch, and the whole grouping when nothing changed', () => {
    const cards = board(30)
    const cells = groupByCell(cards, order)
    expect(regroup(cells, cards, { ...cards }, order)).toBe(cells)
    const moved = { ...cards, c0: { ...(cards.c0 as TestCard), step: 4, lane: 'kasubag_program' } }
    const next = regroup(cells, cards, moved, order) as Map<string, TestCard[]>
    expect(next.get('1:sekretaris')).not.toBe(cells.get('1:sekretaris'))
    expect(next.get('4:kasubag_program')?.map((c) => c.id)).toEqual(['c0'])
    expect(next.get('2:kepala_bidang')).toBe(cells.get('2:kepala_bidang'))
    expect(next.get('3:sekretaris')).toBe(cells.get('3:sekretaris'))
  })

  it('gives up when a snapshot replaced most cards, for a grouping from scratch', () => {
    const cards = board(200)
    const reloaded = Object.fromEntries(Object.entries(cards).map(([id, c]) => [id, { ...c }]))
    expect(regroup(groupByCell(cards, order), cards, reloaded, order)).toBeNull()
  })
})
