import { describe, expect, it } from 'vitest'
import type { BoardSnapshot, CardDto } from './board'
import { MONEV_KINERJA } from '../sop/balangan'
import { packCards, unpackCards } from './packedCards'

const template = MONEV_KINERJA
const cycleId = '65a1b2c3d4e5f60718293a00'
const items = (step: number) => template.steps[step - 1]!.kelengkapan.length
const sari = { id: '65a1b2c3d4e5f60718293a4b', name: 'Sari Sekretaris' }

function card(n: number, fields: Partial<CardDto> = {}): CardDto {
  const at = `2027-01-11T0${n % 10}:00:00.000Z`
  return {
    id: `65a1b2c3d4e5f60718293b${String(n).padStart(2, '0')}`,
    cycleId,
    unit: { id: `u${n}`, name: `Bidang ${n}`, shortName: `B${n}` },
    step: 1,
    lane: 'sekretaris',
    version: 1,
    seq: 1,
    enteredStepAt: at,
    dueAt: '2027-01-12T00:00:00.000Z',
    atRiskAt: '2027-01-11T20:00:00.000Z',
    rounds: 0,
    checklist: Array.from({ length: items(1) }, () => false),
    output: '',
    noteCount: 0,
    documentCount: 0,
    lastNote: null,
    lastEntry: { opId: `create-${cycleId}-u${n}`, seq: 1, kind: 'create', at, by: sari, from: null, to: { step: 1, lane: 'sekretaris' }, note: '' },
    ...fields,
  }
}

describe('packed snapshot cards', () => {
  const moved = card(2, {
    step: 11,
    lane: 'kepala_bidang',
    version: 7,
    rounds: 1,
    checklist: Array.from({ length: items(11) }, (_, i) => i === 1),
    output: 'Perbaikan dikirim',
    noteCount: 3,
    documentCount: 2,
    lastNote: { at: '2027-01-11T05:00:00.000Z', by: 'Budi', text: 'Tabel 2 belum lengkap.' },
    lastEntry: { opId: 'op-return-1', seq: 9, kind: 'return', at: '2027-01-11T02:00:00.000Z', by: { id: 'kb', name: 'Budi' }, from: { step: 12, lane: 'kasubag_program' }, to: { step: 11, lane: 'kepala_bidang' }, note: 'Mohon perbaiki.' },
  })
  // An undo puts back an earlier entry instant, so its entry's time is not the step's.
  const undone = card(3, { enteredStepAt: '2027-01-10T23:00:00.000Z', lastEntry: { ...card(3).lastEntry, kind: 'undo', seq: 4, at: '2027-01-11T03:00:00.000Z' } })
  const finished = card(4, {
    step: 13,
    lane: 'sekretaris',
    dueAt: null,
    atRiskAt: null,
    checklist: Array.from({ length: items(13) }, () => true),
    lastEntry: { ...card(4).lastEntry, kind: 'finish', seq: 20, from: { step: 13, lane: 'sekretaris' }, to: { step: 13, lane: 'sekretaris' } },
  })
  const migrated = card(5, { lastEntry: { ...card(5).lastEntry, seq: undefined } })
  delete migrated.lastEntry.seq
  // A unit the cycle lists under other names travels whole; the others by id.
  const renamed = card(6, { unit: { id: 'u6', name: 'Bidang Enam (baru)', shortName: 'B6' } })
  const cards = [card(1), moved, undone, finished, migrated, renamed]
  const units = [1, 2, 3, 4, 5, 6].map((n) => ({ id: `u${n}`, name: `Bidang ${n}`, shortName: `B${n}` }))
  const snapshot = (packed: BoardSnapshot['cards']) => ({ cards: packed, template, cycle: { id: cycleId, units } as BoardSnapshot['cycle'] })

  it('gives every card back as the server had it', () => {
    const packed = packCards(cards, Date.parse('2027-01-11T06:00:00.000Z'), units)
    expect(packed.rows.map((r) => r[1])).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', ['u6', 'Bidang Enam (baru)', 'B6']])
    expect(unpackCards(snapshot(JSON.parse(JSON.stringify(packed))))).toEqual(cards)
  })

  it('names each person once', () => {
    const packed = packCards(cards, 0, units)
    expect(packed.people).toEqual([sari, { id: 'kb', name: 'Budi' }])
  })

  it('is a fraction of the cards as objects', () => {
    const many = Array.from({ length: 100 }, (_, i) => card(i))
    const packed = JSON.stringify(packCards(many, Date.parse('2027-01-11T06:00:00.000Z'), many.map((c) => c.unit)))
    expect(packed.length).toBeLessThan(JSON.stringify(many).length / 3)
  })
})
