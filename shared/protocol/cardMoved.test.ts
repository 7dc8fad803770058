import { describe, expect, it } from 'vitest'
import type { CardDto } from './board'
import { MONEV_KINERJA } from '../sop/balangan'
import { toMovedFact, withMove } from './cardMoved'

const template = MONEV_KINERJA
const items = (step: number) => template.steps[step - 1]!.kelengkapan.length

/** Unit PPIK's card at step 2, as a board holds it before the move. */
const held: CardDto = {
  id: '65a1b2c3d4e5f60718293a4c',
  cycleId: '65a1b2c3d4e5f60718293a00',
  unit: { id: 'ppik', name: 'Bidang Pengembangan dan Pembinaan', shortName: 'PPIK' },
  step: 2,
  lane: 'kepala_bidang',
  version: 3,
  seq: 4,
  enteredStepAt: '2027-01-11T00:00:00.000Z',
  dueAt: '2027-01-12T00:00:00.000Z',
  atRiskAt: '2027-01-11T20:00:00.000Z',
  rounds: 0,
  checklist: Array.from({ length: items(2) }, (_, i) => i === 0),
  output: 'Laporan diterima',
  noteCount: 2,
  documentCount: 1,
  lastNote: { at: '2027-01-11T00:05:00.000Z', by: 'Rahmat', text: 'Sudah.' },
  lastEntry: { opId: 'op-create-1', seq: 2, kind: 'advance', at: '2027-01-11T00:00:00.000Z', by: { id: 'u1', name: 'Rahmat' }, from: { step: 1, lane: 'kepala_bidang' }, to: { step: 2, lane: 'kepala_bidang' }, note: '' },
}

const by = { id: '65a1b2c3d4e5f60718293a4b', name: 'Siti Rahmawati' }

/** The card the server sends after moving `held`: place, clock and the new step's Mutu Baku changed. */
function movedTo(step: number, fields: Partial<CardDto> = {}, note = ''): CardDto {
  const at = '2027-01-11T01:10:00.000Z'
  return {
    ...held,
    step,
    lane: 'kasubag_program',
    version: 4,
    seq: 5,
    enteredStepAt: at,
    dueAt: '2027-01-12T01:10:00.000Z',
    atRiskAt: '2027-01-11T21:10:00.000Z',
    checklist: Array.from({ length: items(step) }, () => false),
    output: '',
    lastEntry: { opId: 'op-move-2', seq: 5, kind: 'handoff', at, by, from: { step: 2, lane: 'kepala_bidang' }, to: { step, lane: 'kasubag_program' }, note },
    ...fields,
  }
}

describe('card:moved fact', () => {
  it('leaves out what the board holds and what follows from the event', () => {
    const fact = toMovedFact(movedTo(3))
    expect(Object.keys(fact).sort()).toEqual(['at', 'atRiskAt', 'by', 'dueAt', 'from', 'id', 'kind', 'opId', 'seq', 'to', 'version'])
    expect(fact).toMatchObject({ id: held.id, version: 4, seq: 5, to: { step: 3, lane: 'kasubag_program' } })
    // About 380 bytes as a Socket.IO frame with a 14-letter name; the cut-off fields cost more than that.
    expect(`42${JSON.stringify(['card:moved', fact])}`.length).toBeLessThan(400)
  })

  const cases: [string, CardDto][] = [
    ['a plain move into a step with nothing ticked', movedTo(3)],
    ['a move with its note', movedTo(3, {}, 'Mohon diperbaiki tabel 2.')],
    ['a return that counts a round, into a step ticked before', movedTo(2, { rounds: 1, checklist: Array.from({ length: items(2) }, (_, i) => i === 1), output: 'v2' })],
    ['an undo, which restores an earlier entry instant', movedTo(2, { enteredStepAt: '2027-01-11T00:00:00.000Z', lastEntry: { ...movedTo(2).lastEntry, kind: 'undo' } })],
    ['a finish, whose clock stops', movedTo(9, { dueAt: null, atRiskAt: null })],
  ]
  it.each(cases)('gives the board the server card back, its mover by name: %s', (_name, card) => {
    const fact = toMovedFact(card)
    expect(withMove(held, fact, template)).toEqual({ ...card, lastEntry: { ...card.lastEntry, by: { id: '', name: by.name } } })
  })

  it('keeps what the move did not touch: unit, counts and the last note', () => {
    const moved = withMove(held, toMovedFact(movedTo(3)), template)
    expect(moved).toMatchObject({ unit: held.unit, noteCount: 2, documentCount: 1, lastNote: held.lastNote, cycleId: held.cycleId })
  })
})
