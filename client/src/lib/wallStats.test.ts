import { describe, expect, it } from 'vitest'
import type { WallCard, WallMove } from '@shared/protocol/displays'
import { latestMoves, tickerOf, TICKER_SIZE, witaHhMm } from './wallStats'

function move(cardId: string, n: number, kind: WallMove['kind'] = 'advance'): WallMove {
  return {
    cardId,
    version: n + 1,
    kind,
    at: new Date(Date.UTC(2026, 6, 1, 0, n)).toISOString(),
    from: { step: n, lane: 'sekretaris' },
    to: { step: n + 1, lane: 'kepala_bidang' },
  }
}

function card(id: string, step: number): WallCard {
  return { id, cycleId: 'c', unit: { id, shortName: id.toUpperCase() }, step, lane: 'sekretaris', version: 1, enteredStepAt: new Date().toISOString() }
}

describe('wall stats', () => {
  it('keeps the latest moves of all cards, newest first, each once, capped', () => {
    const a = [1, 3, 5].map((n) => move('a', n))
    const b = [2, 4, 6, 7, 8, 9, 10, 11].map((n) => move('b', n))
    const held = latestMoves([], [...a, ...b.slice(0, 4)])
    // A fact that overtook the snapshot holding it too is listed once.
    const moves = latestMoves(held, [...b.slice(3), ...a])
    expect(moves).toHaveLength(TICKER_SIZE)
    const ticker = tickerOf(moves, { a: card('a', 6), b: card('b', 12) })
    expect(ticker.map((e) => e.key)).toEqual(['b:12', 'b:11', 'b:10', 'b:9', 'b:8', 'b:7', 'a:6', 'b:5'])
    expect(ticker[6]).toEqual({ key: 'a:6', at: a[2]?.at, unit: 'A', kind: 'advance', from: { step: 5, lane: 'sekretaris' }, to: { step: 6, lane: 'kepala_bidang' } })
  })

  it('the clock is WITA whatever the zone', () => {
    expect(witaHhMm(new Date('2026-07-01T06:02:00Z'))).toBe('14.02')
  })
})
