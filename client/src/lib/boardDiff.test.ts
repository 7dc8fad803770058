import { describe, expect, it } from 'vitest'
import type { CardDto, HistoryEntryDto } from '@shared/protocol/board'
import { testCard } from '../board/testCard'
import { changesWhileAway } from './boardDiff'

function entry(opId: string, by: string, step: number, lane: string): HistoryEntryDto {
  return { opId, kind: 'advance', at: '2027-01-04T01:00:00.000Z', by: { id: by, name: by }, from: null, to: { step, lane }, note: '' }
}

/** A slim card whose last change of place is `last`, with `noteCount` notes, the newest by `noteBy`. */
function card(id: string, version: number, last: HistoryEntryDto, noteCount = 0, noteBy = ''): CardDto {
  const lastNote = noteCount > 0 ? { at: '2027-01-04T02:00:00.000Z', by: noteBy, text: 'x' } : null
  return testCard({ id, unit: { id, name: id, shortName: id.toUpperCase() }, step: last.to.step, lane: last.to.lane, version, lastEntry: last, noteCount, lastNote })
}

describe('changesWhileAway', () => {
  const created = entry('create', 'Admin', 1, 'sekretaris')

  it('reports nothing when the snapshot equals what the client held', () => {
    const a = card('ppik', 1, created)
    expect(changesWhileAway({ ppik: a }, [a])).toEqual([])
  })

  it('names who made the last missed move, not an earlier one', () => {
    const before = card('ppik', 1, created)
    const after = card('ppik', 3, entry('m2', 'Budi', 2, 'kasubag_program'))
    expect(changesWhileAway({ ppik: before }, [after])).toEqual([{ kind: 'moved', card: after, by: 'Budi' }])
  })

  it('names nobody when the card changed place but its last entry is the one held', () => {
    const before = card('ppik', 1, created)
    const after = { ...card('ppik', 1, created), step: 2, lane: 'kepala_bidang' }
    expect(changesWhileAway({ ppik: before }, [after])).toEqual([{ kind: 'moved', card: after, by: null }])
  })

  it('counts missed notes per card and names who wrote the newest', () => {
    const before = card('mpk', 1, created, 1, 'Rina')
    const after = card('mpk', 1, created, 4, 'Budi')
    expect(changesWhileAway({ mpk: before }, [after])).toEqual([{ kind: 'noted', card: after, count: 3, by: 'Budi' }])
  })

  it('reports cards that appeared or disappeared', () => {
    const kept = card('ppik', 1, created)
    const gone = card('psdm', 1, created)
    const added = card('mpk', 1, created)
    expect(changesWhileAway({ ppik: kept, psdm: gone }, [kept, added])).toEqual([
      { kind: 'added', card: added },
      { kind: 'removed', card: gone },
    ])
  })
})
