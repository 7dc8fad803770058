import { describe, expect, it } from 'vitest'
import type { CardDto, HistoryEntryDto } from '../../../shared/schemas/board'
import { MONEV_KINERJA } from '../../../shared/sop/balangan'
import { progressOf, slimCard, tickerOf, TICKER_SIZE, witaHhMm } from './wallStats'

function entry(n: number, kind: HistoryEntryDto['kind'] = 'advance'): HistoryEntryDto {
  return {
    opId: `op-${n}`,
    kind,
    at: new Date(Date.UTC(2026, 6, 1, 0, n)).toISOString(),
    by: { id: 'u', name: 'Budi' },
    from: kind === 'create' ? null : { step: n, lane: 'sekretaris' },
    to: { step: n + 1, lane: 'kepala_bidang' },
    note: '',
  }
}

function card(id: string, step: number, history: HistoryEntryDto[]): CardDto {
  // Fields the wall does not read (documents) are left out; the rest are checked.
  const fields: Omit<CardDto, 'documents'> = {
    id, cycleId: 'c', unit: { id, name: id, shortName: id.toUpperCase() }, step, lane: 'sekretaris', version: history.length,
    enteredStepAt: new Date().toISOString(), dueAt: null, atRiskAt: null, visits: [], rounds: 0, checklist: [], output: '',
    history, notes: [{ id: 'n', at: '', by: { id: 'u', name: 'B' }, text: 'x' }],
  }
  return fields as CardDto
}

describe('wall stats', () => {
  it('the ticker holds the latest moves of all cards, newest first, without the creations, capped', () => {
    const a = card('a', 5, [entry(0, 'create'), entry(1), entry(3), entry(5)])
    const b = card('b', 9, [entry(0, 'create'), ...[2, 4, 6, 7, 8, 9, 10, 11].map((n) => entry(n))])
    const ticker = tickerOf([a, b])
    expect(ticker).toHaveLength(TICKER_SIZE)
    expect(ticker.map((e) => e.key)).toEqual(['op-11', 'op-10', 'op-9', 'op-8', 'op-7', 'op-6', 'op-5', 'op-4'])
    expect(ticker[6]).toMatchObject({ unit: 'A', by: 'Budi', from: { step: 5 }, to: { step: 6 } })
  })

  it('a slim card keeps its place and its last moves only', () => {
    const long = card('a', 3, Array.from({ length: 40 }, (_, i) => entry(i)))
    const slim = slimCard(long)
    expect(slim.notes).toEqual([])
    expect(slim.history).toHaveLength(TICKER_SIZE)
    expect(slim.history.at(-1)).toEqual(long.history.at(-1))
    expect(slim).toMatchObject({ step: 3, lane: 'sekretaris', version: 40 })
  })

  it('progress counts steps done out of 13 × units and the finished units', () => {
    const cards = [card('a', 1, []), card('b', 5, []), card('c', 14, [])]
    expect(progressOf(MONEV_KINERJA, cards)).toEqual({ units: 3, finished: 1, stepsDone: 0 + 4 + 13, stepsTotal: 39 })
  })

  it('the clock is WITA whatever the zone', () => {
    expect(witaHhMm(new Date('2026-07-01T06:02:00Z'))).toBe('14.02')
  })
})
