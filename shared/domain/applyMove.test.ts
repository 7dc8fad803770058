import { describe, expect, it } from 'vitest'
import type { Actor, Position } from './moves'
import { MONEV_KINERJA } from '../sop/balangan'
import { DEFAULT_CALENDAR, localInstant } from '../time/calendar'
import { thresholdsOf, workingMsBetween } from '../time/workingTime'
import { applyMove, type MovableCard, type MoveResult } from './applyMove'
import { openVisit, type Visit } from './stepClock'

const cal = DEFAULT_CALENDAR
const template = MONEV_KINERJA
const MIN = 60_000

/** A WITA wall-clock instant, 'YYYY-MM-DD HH:MM'. Mon 11 Jan 2027 is an ordinary working day. */
const wita = (s: string): Date => localInstant(cal, s)

const ENTERED = wita('2027-01-11 08:00')
const AT = wita('2027-01-11 08:10')

const person = (role: string, unitId: string | null = null): Actor => ({ id: `u-${role}`, role, unitId, isAdmin: false })
const ADMIN: Actor = { id: 'u-admin', role: 'sekretaris', unitId: null, isAdmin: true }

/** Unit PPIK's card in `place`, entered at 08:00 with the step's visit open (after `past` earlier visits). */
function cardAt(place: Position, fields: Partial<MovableCard> = {}, past: Visit[] = []): MovableCard {
  const { visit, ...clock } = openVisit(cal, template, place.step, (fields.rounds ?? 0) + 1, ENTERED)
  return { unitId: 'ppik', ...place, version: 4, rounds: 0, ...clock, visits: visit ? [...past, visit] : past, ...fields }
}

/** The visit the card was in at 08:00, closed by a move at 08:10. */
function closed(card: MovableCard): Visit {
  const open = card.visits.at(-1)!
  return { ...open, leftAt: AT, workingMs: 10 * MIN }
}

/** The visit a move at 08:10 opens in `step`. */
function opened(step: number, round: number): Visit {
  const { dueAt } = thresholdsOf(cal, AT, template.steps[step - 1]!.waktu)
  return { step, round, enteredAt: AT, leftAt: null, workingMs: null, standardMs: workingMsBetween(cal, AT, dueAt) }
}

interface Allowed {
  name: string
  card: MovableCard
  actor: Actor
  to: Position
  note?: string
  kind: string
  rounds: number
  /** The visit the move opens (its round, the step's due instant in WITA); 'kept' on a hand-off, none in Selesai. */
  opens: { round: number; due: string } | 'kept' | null
}

const step1 = cardAt({ step: 1, lane: 'sekretaris' })
const step2 = cardAt({ step: 2, lane: 'kepala_bidang' })
const step11 = cardAt({ step: 11, lane: 'sekretaris' }, { rounds: 1 })
const step13 = cardAt({ step: 13, lane: 'sekretaris' })
const sekretaris = person('sekretaris')

const ALLOWED: Allowed[] = [
  { name: 'advance: closes the visit, opens the next step with its Waktu (2 hari)', card: step1, actor: sekretaris, to: { step: 2, lane: 'kepala_bidang' }, kind: 'advance', rounds: 0, opens: { round: 1, due: '2027-01-13 08:10' } },
  { name: 'advance to another lane of the next step, with a note it did not need', card: step1, actor: sekretaris, to: { step: 2, lane: 'kasubag_program' }, note: 'untuk diolah', kind: 'advance', rounds: 0, opens: { round: 1, due: '2027-01-13 08:10' } },
  { name: 'hand-off: the step clock keeps running, the visit stays open', card: step2, actor: person('kepala_bidang', 'ppik'), to: { step: 2, lane: 'kasubag_program' }, kind: 'handoff', rounds: 0, opens: 'kept' },
  { name: 'return along "Tidak": a new round, its visit numbered after it', card: step11, actor: sekretaris, to: { step: 10, lane: 'kasubag_program' }, note: 'Angka triwulan II belum sesuai', kind: 'return', rounds: 2, opens: { round: 3, due: '2027-01-14 08:10' } },
  { name: 'finish: no clock in the Selesai column, the last visit closed', card: step13, actor: sekretaris, to: { step: 14, lane: 'sekretaris' }, kind: 'finish', rounds: 0, opens: null },
  { name: "override: an administrator's move anywhere, with its reason", card: step1, actor: ADMIN, to: { step: 7, lane: 'kasubag_program' }, note: 'Dipindahkan sesuai rapat', kind: 'override', rounds: 0, opens: { round: 1, due: '2027-01-12 08:10' } },
]

/** The step clock a move at 08:10 leaves the card with. */
function clockAfter(card: MovableCard, step: number, opens: Allowed['opens']) {
  if (opens === 'kept') return { enteredStepAt: card.enteredStepAt, dueAt: card.dueAt, atRiskAt: card.atRiskAt, visits: card.visits }
  if (!opens) return { enteredStepAt: AT, dueAt: null, atRiskAt: null, visits: [closed(card)] }
  const { atRiskAt } = thresholdsOf(cal, AT, template.steps[step - 1]!.waktu)
  return { enteredStepAt: AT, dueAt: wita(opens.due), atRiskAt, visits: [closed(card), opened(step, opens.round)] }
}

describe('applyMove: allowed moves', () => {
  it.each(ALLOWED)('$name', ({ card, actor, to, note, kind, rounds, opens }) => {
    const result = applyMove(card, { to, ...(note ? { note } : {}) }, template, cal, AT, actor)
    if (!result.ok) throw new Error(`refused: ${result.refusal}`)

    const clock = clockAfter(card, to.step, opens)
    expect(result.kind).toBe(kind)
    expect(result.card).toEqual({ unitId: 'ppik', step: to.step, lane: to.lane, version: card.version + 1, rounds, ...clock })
    // The event is the ledger's 'move' payload (server/cards/projection.ts), carrying that same clock.
    expect(result.event).toEqual({
      kind: 'move',
      payload: { kind, from: { step: card.step, lane: card.lane }, to, note: note ?? '', clock, rounds },
    })
  })

  it('leaves the card it was given as it was', () => {
    const card = cardAt({ step: 1, lane: 'sekretaris' })
    const before = structuredClone(card)
    applyMove(card, { to: { step: 2, lane: 'kepala_bidang' } }, template, cal, AT, sekretaris)
    expect(card).toEqual(before)
  })

  it('stores only the cell of the target, whatever else the request carried', () => {
    const to = { step: 2, lane: 'kepala_bidang', extra: true } as Position
    const result = applyMove(step1, { to }, template, cal, AT, sekretaris)
    expect(result.ok && result.event.payload.to).toEqual({ step: 2, lane: 'kepala_bidang' })
  })
})

interface Refused {
  name: string
  card: MovableCard
  actor: Actor
  to: Position
  note?: string
  expected: MoveResult
}

const refused = (refusal: string, forbidden = false) => ({ ok: false, refusal, forbidden }) as MoveResult

const REFUSED: Refused[] = [
  { name: 'a return without its note', card: step11, actor: sekretaris, to: { step: 10, lane: 'kasubag_program' }, expected: refused('note_required_return') },
  { name: 'a return with an empty note', card: step11, actor: sekretaris, to: { step: 10, lane: 'kasubag_program' }, note: '', expected: refused('note_required_return') },
  { name: 'an override without its reason', card: step1, actor: ADMIN, to: { step: 7, lane: 'kasubag_program' }, expected: refused('note_required_override') },
  { name: 'not the holder of the lane', card: step1, actor: person('kasubag_program'), to: { step: 2, lane: 'kepala_bidang' }, expected: refused('not_your_lane', true) },
  { name: "a unit head of another unit", card: step2, actor: person('kepala_bidang', 'psdm'), to: { step: 2, lane: 'kasubag_program' }, expected: refused('not_your_unit', true) },
  { name: 'a skip ahead', card: step1, actor: sekretaris, to: { step: 3, lane: 'kasubag_program' }, note: 'x', expected: refused('skip_not_allowed') },
  { name: 'the cell it is in', card: step2, actor: person('kepala_bidang', 'ppik'), to: { step: 2, lane: 'kepala_bidang' }, expected: refused('same_cell') },
  { name: 'a lane the step does not involve', card: step1, actor: sekretaris, to: { step: 2, lane: 'kepala_badan' }, expected: refused('lane_not_involved') },
  { name: 'a cell that does not exist', card: step1, actor: sekretaris, to: { step: 2, lane: 'kepala_dinas' }, expected: refused('no_such_cell') },
  {
    name: 'a finished card',
    card: cardAt({ step: 14, lane: 'sekretaris' }),
    actor: sekretaris,
    to: { step: 13, lane: 'sekretaris' },
    note: 'x',
    expected: refused('finished'),
  },
]

describe('applyMove: refusals', () => {
  it.each(REFUSED)('$name', ({ card, actor, to, note, expected }) => {
    expect(applyMove(card, { to, ...(note !== undefined ? { note } : {}) }, template, cal, AT, actor)).toEqual(expected)
  })
})
