import { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { applyMove } from '../../shared/domain/applyMove'
import { clockToDto, openVisit } from '../../shared/domain/stepClock'
import type { Actor, Position } from '../../shared/domain/moves'
import { MONEV_KINERJA } from '../../shared/sop/balangan'
import { DEFAULT_CALENDAR, localInstant } from '../../shared/time/calendar'
import { seal } from '../ledger/repository'
import type { CardRecord } from './model'
import { applyEvent, NO_LISTS, type CardState } from './projection'
import { movableOf, toFullCard } from './repository'

/*
 * The client shows a move by applyMove's card; the server stores applyMove's event and answers
 * with the projection of it. These must be the same card, or the board would jump at the ack.
 */

const cal = DEFAULT_CALENDAR
const template = MONEV_KINERJA
const wita = (s: string): Date => localInstant(cal, s)
const ADMIN: Actor = { id: 'u-admin', role: 'sekretaris', unitId: null, isAdmin: true }
const by = { id: ADMIN.id, name: 'Administrator' }

/** One card's life, every kind of move once or more, across a night, a weekend and a break. */
const PATH: { to: Position; at: string; note?: string }[] = [
  { to: { step: 2, lane: 'kepala_bidang' }, at: '2027-01-11 08:10' },
  { to: { step: 2, lane: 'kasubag_program' }, at: '2027-01-11 12:30' },
  { to: { step: 11, lane: 'sekretaris' }, at: '2027-01-12 09:00', note: 'Lompat sesuai rapat' },
  { to: { step: 10, lane: 'kasubag_program' }, at: '2027-01-15 15:00', note: 'Belum sesuai' },
  { to: { step: 10, lane: 'kepala_bidang' }, at: '2027-01-18 07:00' },
  { to: { step: 11, lane: 'sekretaris' }, at: '2027-01-18 10:00' },
  { to: { step: 10, lane: 'kasubag_program' }, at: '2027-01-18 11:00', note: 'Masih belum sesuai' },
  { to: { step: 11, lane: 'kasubag_program' }, at: '2027-01-19 08:00' },
  { to: { step: 12, lane: 'kepala_badan' }, at: '2027-01-19 09:00' },
  { to: { step: 13, lane: 'sekretaris' }, at: '2027-01-20 09:00' },
  { to: { step: 14, lane: 'sekretaris' }, at: '2027-01-20 09:05' },
]

function created(): CardState {
  const at = wita('2027-01-11 08:00')
  const { visit, ...clock } = openVisit(cal, template, 1, 1, at)
  const unit = { id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' }
  const to = { step: 1, lane: 'sekretaris' }
  const head = { cardId: new Types.ObjectId(), cycleId: new Types.ObjectId(), seq: 0, head: '' }
  const draft = { kind: 'create' as const, payload: { unit, to, clock: { ...clock, visits: visit ? [visit] : [] } }, opId: 'create', at, by, version: 1 }
  return applyEvent(null, seal(draft, head))
}

const recordOf = (state: CardState, id: Types.ObjectId) => ({ ...state, _id: id }) as unknown as CardRecord

describe("the server's projection of applyMove's event", () => {
  it('is the card applyMove returned, move after move, as a Date card and as the DTO the ack carries', () => {
    const id = new Types.ObjectId()
    let state = created()
    const kinds: string[] = []
    for (const [i, { to, at, note }] of PATH.entries()) {
      const result = applyMove(movableOf(recordOf(state, id)), { to, ...(note ? { note } : {}) }, template, cal, wita(at), ADMIN)
      if (!result.ok) throw new Error(`move ${i} refused: ${result.refusal}`)
      kinds.push(result.kind)
      // As server/cards/repository.ts applyMove drafts it (version guard passed: one above the card's).
      const draft = { ...result.event, opId: `op-${i}`, at: wita(at), by, version: state.version + 1 }
      state = applyEvent(state, seal(draft, { cardId: id, cycleId: state.cycleId, seq: state.seq, head: state.head }))

      expect(movableOf(recordOf(state, id))).toEqual(result.card)
      const { step, lane, version, rounds, enteredStepAt, dueAt, atRiskAt, visits } = toFullCard(recordOf(state, id), template, NO_LISTS)
      expect({ step, lane, version, rounds, enteredStepAt, dueAt, atRiskAt, visits }).toEqual({
        step: result.card.step,
        lane: result.card.lane,
        version: result.card.version,
        rounds: result.card.rounds,
        ...clockToDto(result.card),
      })
    }
    expect(kinds).toEqual(['advance', 'handoff', 'override', 'return', 'handoff', 'advance', 'return', 'advance', 'advance', 'advance', 'finish'])
    expect(state).toMatchObject({ step: 14, version: 12, rounds: 2, dueAt: null, atRiskAt: null })
    expect(state.visits.map((v) => [v.step, v.round])).toEqual([[1, 1], [2, 1], [11, 1], [10, 2], [11, 2], [10, 3], [11, 3], [12, 3], [13, 3]])
    expect(state.visits.every((v) => v.leftAt !== null)).toBe(true)
  })
})
