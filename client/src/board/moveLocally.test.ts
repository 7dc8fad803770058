import { describe, expect, it } from 'vitest'
import { applyMove } from '@shared/domain/applyMove'
import { clockToDto, openVisit } from '@shared/domain/stepClock'
import type { Actor } from '@shared/domain/moves'
import { MONEV_KINERJA } from '@shared/sop/balangan'
import { DEFAULT_CALENDAR, localInstant } from '@shared/time/calendar'
import { movableOf, moveLocally, type MoveContext } from './moveLocally'
import * as reconcile from './reconcile'
import { testCard } from './testCard'

const cal = DEFAULT_CALENDAR
const wita = (s: string): Date => localInstant(cal, s)
const sekretaris: Actor = { id: 'u1', role: 'sekretaris', unitId: null, isAdmin: false }
const context: MoveContext = { template: MONEV_KINERJA, calendar: cal, actor: sekretaris, by: { id: 'u1', name: 'Rahmawati' }, at: wita('2027-01-11 08:10') }

/** PPIK's card at step 1 as the board snapshot has it: entered at 08:00 (a slim card: no visits), a tick done. */
function heard(version = 1) {
  const { visit: _visit, ...clock } = openVisit(cal, MONEV_KINERJA, 1, 1, wita('2027-01-11 08:00'))
  const { enteredStepAt, dueAt, atRiskAt } = clockToDto({ ...clock, visits: [] })
  return testCard({ version, checklist: [true], enteredStepAt, dueAt, atRiskAt })
}

const toStep2 = { opId: 'op1', to: { step: 2, lane: 'kepala_bidang' } }

describe('moveLocally', () => {
  it("shows the card applyMove returns: place, version, rounds and step clock as the server's ack will", () => {
    const card = heard()
    const shown = moveLocally(toStep2, context)(card)
    const result = applyMove(movableOf(card), toStep2, MONEV_KINERJA, cal, context.at, sekretaris)
    if (!result.ok) throw new Error(result.refusal)
    // The visits are the report's: the card panel loads them, the board card has none.
    const { visits: _shownVisits, ...place } = movableOf(shown)
    const { visits: _visits, ...expected } = result.card
    expect(place).toEqual(expected)
    expect(shown).toMatchObject({ step: 2, lane: 'kepala_bidang', version: 2, rounds: 0, dueAt: wita('2027-01-13 08:10').toISOString() })
    expect(shown).not.toHaveProperty('visits')
  })

  it('shows the move as the last entry the server will record, without its seq yet', () => {
    const shown = moveLocally({ ...toStep2, note: 'siap' }, context)(heard())
    expect(shown.lastEntry).toEqual({ opId: 'op1', kind: 'advance', at: context.at.toISOString(), by: context.by, from: { step: 1, lane: 'sekretaris' }, to: toStep2.to, note: 'siap' })
  })

  it("clears the Mutu Baku of the step left (the ack brings the new step's), keeps it on a hand-off", () => {
    expect(moveLocally(toStep2, context)(heard())).toMatchObject({ checklist: [], output: '' })
    const kb = testCard({ step: 2, lane: 'kepala_bidang', checklist: [true], output: 'Disposisi' })
    const handoff = moveLocally({ opId: 'op2', to: { step: 2, lane: 'kasubag_program' } }, { ...context, actor: { id: 'u2', role: 'kepala_bidang', unitId: 'ppik', isAdmin: false } })(kb)
    expect(handoff).toMatchObject({ lane: 'kasubag_program', checklist: [true], output: 'Disposisi', enteredStepAt: kb.enteredStepAt })
  })

  it('shows the card as heard when the rules no longer allow the move on it', () => {
    const elsewhere = testCard({ step: 2, lane: 'kepala_bidang', version: 2 })
    expect(moveLocally(toStep2, context)(elsewhere)).toBe(elsewhere)
  })

  it('is applied again to a card heard while the move is in flight, and the ack replaces it', () => {
    const start = { cards: { ppik: heard() }, pending: {} }
    const moving = reconcile.beginMove(start, 'ppik', 'op1', moveLocally(toStep2, context))
    const lastNote = { at: context.at.toISOString(), by: context.by.name, text: 'catatan' }
    const noted = reconcile.applyFact(moving, { ...heard(), noteCount: 1, lastNote })
    expect(noted.cards.ppik).toMatchObject({ step: 2, version: 2, noteCount: 1, lastNote, lastEntry: { opId: 'op1' } })
    // The server's card: the entry has its seq, the new step its Kelengkapan.
    const ack = { ...noted.cards.ppik!, checklist: [false], lastEntry: { ...noted.cards.ppik!.lastEntry, seq: 2 } }
    expect(reconcile.applyAck(noted, 'op1', ack)).toEqual({ cards: { ppik: ack }, pending: {} })
  })
})
