import { describe, expect, it } from 'vitest'
import type { CardDto, HistoryEntryDto } from '@shared/schemas/board'
import { testCard } from '../board/testCard'
import { changesWhileAway } from './boardDiff'

function entry(opId: string, by: string, step: number, lane: string): HistoryEntryDto {
  return { opId, kind: 'advance', at: '2027-01-04T01:00:00.000Z', by: { id: by, name: by }, from: null, to: { step, lane }, note: '' }
}

function card(id: string, version: number, history: HistoryEntryDto[], notes: CardDto['notes'] = []): CardDto {
  const last = history.at(-1)
  return testCard({ id, unit: { id, name: id, shortName: id.toUpperCase() }, step: last?.to.step ?? 1, lane: last?.to.lane ?? 'sekretaris', version, history, notes })
}

describe('changesWhileAway', () => {
  const created = entry('create', 'Admin', 1, 'sekretaris')

  it('reports nothing when the snapshot equals what the client held', () => {
    const a = card('ppik', 1, [created])
    expect(changesWhileAway({ ppik: a }, [a])).toEqual([])
  })

  it('names who made the last missed move, not an earlier one', () => {
    const before = card('ppik', 1, [created])
    const after = card('ppik', 3, [created, entry('m1', 'Rina', 2, 'kepala_bidang'), entry('m2', 'Budi', 2, 'kasubag_program')])
    expect(changesWhileAway({ ppik: before }, [after])).toEqual([{ kind: 'moved', card: after, by: 'Budi' }])
  })

  it('counts missed notes per card with their distinct authors', () => {
    const before = card('mpk', 1, [created])
    const note = (id: string, by: string) => ({ id, at: '2027-01-04T02:00:00.000Z', by: { id: by, name: by }, text: 'x' })
    const after = card('mpk', 1, [created], [note('n1', 'Rina'), note('n2', 'Rina'), note('n3', 'Budi')])
    expect(changesWhileAway({ mpk: before }, [after])).toEqual([{ kind: 'noted', card: after, count: 3, by: ['Rina', 'Budi'] }])
  })

  it('reports cards that appeared or disappeared', () => {
    const kept = card('ppik', 1, [created])
    const gone = card('psdm', 1, [created])
    const added = card('mpk', 1, [created])
    expect(changesWhileAway({ ppik: kept, psdm: gone }, [kept, added])).toEqual([
      { kind: 'added', card: added },
      { kind: 'removed', card: gone },
    ])
  })
})
