import type { CardDto } from '@shared/protocol/board'

/** A card for unit tests: unit PPIK at step 1 (Sekretaris), version 1, nothing recorded yet. */
export function testCard(fields: Partial<CardDto> = {}): CardDto {
  return {
    id: 'ppik',
    cycleId: 'c1',
    unit: { id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' },
    step: 1,
    lane: 'sekretaris',
    version: 1,
    seq: 1,
    enteredStepAt: '2027-01-04T01:00:00.000Z',
    dueAt: null,
    atRiskAt: null,
    rounds: 0,
    checklist: [],
    output: '',
    noteCount: 0,
    documentCount: 0,
    lastNote: null,
    lastEntry: { opId: 'create-ppik', seq: 1, kind: 'create', at: '2027-01-04T01:00:00.000Z', by: { id: 'admin', name: 'Admin' }, from: null, to: { step: 1, lane: 'sekretaris' }, note: '' },
    ...fields,
  }
}
