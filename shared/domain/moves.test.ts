import { describe, expect, it } from 'vitest'
import { MONEV_KINERJA } from '../sop/balangan'
import { allCells, checkMove, defaultLaneOf, lanesOfStep, mayAct, type Actor, type MoveCheck, type MoveKind, type Refusal } from './moves'

/*
 * The SOP restated by hand from DESIGN.md §2 and §3, independently of shared/sop/balangan.ts, so
 * that a slip in either the template or the rules makes these tests fail. Each step lists its
 * default lane first, then the other lanes involved.
 */
const LANES = ['sekretaris', 'kepala_bidang', 'kasubag_program', 'kepala_seksi', 'kepala_badan'] as const
type Lane = (typeof LANES)[number]
const UNIT_SCOPED: ReadonlySet<string> = new Set<Lane>(['kepala_bidang', 'kepala_seksi'])

const STEP_LANES: Readonly<Record<number, readonly Lane[]>> = {
  1: ['sekretaris'],
  2: ['kepala_bidang', 'kasubag_program'],
  3: ['kasubag_program'],
  4: ['kasubag_program'],
  5: ['kepala_seksi', 'kepala_bidang', 'kasubag_program'],
  6: ['kasubag_program'],
  7: ['kasubag_program'],
  8: ['kasubag_program'],
  9: ['kepala_bidang', 'kasubag_program'],
  10: ['kasubag_program', 'kepala_bidang'],
  11: ['sekretaris', 'kasubag_program'],
  12: ['kasubag_program', 'kepala_badan'],
  13: ['sekretaris'],
}
const LAST_STEP = 13
/** The virtual "Selesai" column: held by the lanes of the last step. */
const FINISHED = 14
/** The one decision: step 11 "Tidak" returns to step 10. */
const RETURNS_TO: Readonly<Record<number, number>> = { 11: 10 }

const CARD_UNIT = 'ppik'
const OTHER_UNIT = 'psdm'

function lanesAt(step: number): readonly Lane[] {
  return step === FINISHED ? (STEP_LANES[LAST_STEP] ?? []) : (STEP_LANES[step] ?? [])
}

function isLane(lane: string): lane is Lane {
  return (LANES as readonly string[]).includes(lane)
}

interface ActorCase {
  label: string
  actor: Actor
}

const ACTORS: ActorCase[] = [
  ...LANES.map((role) => ({
    label: UNIT_SCOPED.has(role) ? `${role} of the card's unit` : role,
    actor: { id: `u-${role}`, role, unitId: UNIT_SCOPED.has(role) ? CARD_UNIT : null, isAdmin: false },
  })),
  { label: 'kepala_bidang of another unit', actor: { id: 'u-kb2', role: 'kepala_bidang', unitId: OTHER_UNIT, isAdmin: false } },
  { label: 'kepala_seksi of another unit', actor: { id: 'u-ks2', role: 'kepala_seksi', unitId: OTHER_UNIT, isAdmin: false } },
  { label: 'administrator (role sekretaris)', actor: { id: 'u-adm', role: 'sekretaris', unitId: null, isAdmin: true } },
  { label: 'administrator (kepala_bidang of another unit)', actor: { id: 'u-adm2', role: 'kepala_bidang', unitId: OTHER_UNIT, isAdmin: true } },
]

interface Cell {
  step: number
  lane: string
}

/** Every cell a card can be in: 13 steps and "Selesai". */
const CARD_CELLS: Cell[] = Array.from({ length: FINISHED }, (_, i) => i + 1).flatMap((step) =>
  lanesAt(step).map((lane) => ({ step, lane })),
)

/** Every target tried from every cell: steps beyond both ends, every lane and one unknown lane. */
const TARGETS: Cell[] = Array.from({ length: FINISHED + 2 }, (_, step) => step).flatMap((step) =>
  [...LANES, 'kepala_dinas'].map((lane) => ({ step, lane })),
)

function ok(kind: MoveKind): MoveCheck {
  return { ok: true, kind, noteRequired: kind === 'return' || kind === 'override' }
}
function refused(refusal: Refusal, forbidden = false): MoveCheck {
  return { ok: false, refusal, forbidden }
}

/** DESIGN.md §3 "Who may move": the holder of the card's lane (unit heads for their own unit), or an admin. */
function holderRefusal(actor: Actor, card: Cell): Refusal | null {
  if (actor.isAdmin) return null
  if (actor.role !== card.lane) return 'not_your_lane'
  if (UNIT_SCOPED.has(card.lane) && actor.unitId !== CARD_UNIT) return 'not_your_unit'
  return null
}

/** DESIGN.md §3 "Moves", stated as an expectation. */
function expected(actor: Actor, card: Cell, to: Cell): MoveCheck {
  const notHolder = holderRefusal(actor, card)
  if (notHolder) return refused(notHolder, true)
  if (!isLane(to.lane) || !lanesAt(to.step).includes(to.lane)) {
    const realStep = to.step >= 1 && to.step <= LAST_STEP
    // "Selesai" has only the cells of the last step's lanes: any other lane there is no cell at all.
    return refused(isLane(to.lane) && realStep ? 'lane_not_involved' : 'no_such_cell')
  }
  if (to.step === card.step && to.lane === card.lane) return refused('same_cell')
  if (card.step === FINISHED) return actor.isAdmin ? ok('override') : refused('finished')
  if (to.step === card.step) return ok('handoff')
  if (to.step === card.step + 1) return ok(to.step === FINISHED ? 'finish' : 'advance')
  if (RETURNS_TO[card.step] === to.step) return ok('return')
  return actor.isAdmin ? ok('override') : refused('skip_not_allowed')
}

function describeResult(r: MoveCheck): string {
  return r.ok ? `ok ${r.kind}${r.noteRequired ? ' (note)' : ''}` : `${r.refusal}${r.forbidden ? ' (forbidden)' : ''}`
}

const T = MONEV_KINERJA

describe('the Balangan template matches DESIGN.md §2', () => {
  it('has the five lanes in the seed order, Kepala Bidang and Kepala Seksi unit-scoped', () => {
    expect(T.lanes.map((l) => l.id)).toEqual([...LANES])
    expect(T.lanes.filter((l) => l.unitScoped).map((l) => l.id).sort()).toEqual([...UNIT_SCOPED].sort())
  })

  it.each(Object.entries(STEP_LANES).map(([no, lanes]) => ({ no: Number(no), lanes })))(
    'step $no: default lane and involved lanes',
    ({ no, lanes }) => {
      const step = T.steps.find((s) => s.no === no)
      expect(step?.defaultLane).toBe(lanes[0])
      expect([...(step?.lanes ?? [])].sort()).toEqual([...lanes].sort())
    },
  )

  it('has 13 steps numbered 1..13 and only step 11 is a decision, returning to 10', () => {
    expect(T.steps.map((s) => s.no)).toEqual(Array.from({ length: LAST_STEP }, (_, i) => i + 1))
    expect(T.steps.filter((s) => s.decision).map((s) => [s.no, s.decision?.noReturnsTo])).toEqual([[11, 10]])
  })
})

describe('lanesOfStep, defaultLaneOf, allCells', () => {
  it('give each step its lanes, "Selesai" the last step\'s, and nothing outside the SOP', () => {
    for (let step = 0; step <= FINISHED + 1; step++) {
      expect([...lanesOfStep(T, step)].sort(), `step ${step}`).toEqual([...lanesAt(step)].sort())
      expect(defaultLaneOf(T, step), `step ${step}`).toBe(lanesAt(step)[0])
    }
  })

  it('lists exactly the cells a card can be in', () => {
    const key = (c: Cell) => `${c.step}/${c.lane}`
    expect(allCells(T).map(key).sort()).toEqual(CARD_CELLS.map(key).sort())
  })
})

describe('mayAct', () => {
  const cases = CARD_CELLS.flatMap((cell) => ACTORS.map((a) => ({ cell, ...a })))
  it.each(cases)('card at step $cell.step/$cell.lane — $label', ({ cell, actor }) => {
    expect(mayAct(T, actor, { ...cell, unitId: CARD_UNIT })).toBe(holderRefusal(actor, cell))
  })
})

describe('checkMove: every target from every cell for every kind of actor', () => {
  const cases = CARD_CELLS.flatMap((cell) => ACTORS.map((a) => ({ cell, ...a })))

  it.each(cases)('card at step $cell.step/$cell.lane — $label', ({ cell, actor }) => {
    const mismatches: string[] = []
    for (const to of TARGETS) {
      const want = expected(actor, cell, to)
      const got = checkMove(T, actor, { ...cell, unitId: CARD_UNIT }, to)
      if (describeResult(got) !== describeResult(want)) {
        mismatches.push(`→ ${to.step}/${to.lane}: expected ${describeResult(want)}, got ${describeResult(got)}`)
      }
    }
    expect(mismatches).toEqual([])
  })

  it('the table exercises every kind of move and every refusal', () => {
    const seen = new Set<string>()
    for (const cell of CARD_CELLS) {
      for (const { actor } of ACTORS) {
        for (const to of TARGETS) {
          const r = expected(actor, cell, to)
          seen.add(r.ok ? r.kind : r.refusal)
        }
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'advance',
        'handoff',
        'return',
        'finish',
        'override',
        'not_your_lane',
        'not_your_unit',
        'same_cell',
        'no_such_cell',
        'lane_not_involved',
        'skip_not_allowed',
        'finished',
      ].sort(),
    )
  })
})

describe('checkMove: the SOP in examples', () => {
  const sekretaris: Actor = { id: 's', role: 'sekretaris', unitId: null, isAdmin: false }
  const kasubag: Actor = { id: 'k', role: 'kasubag_program', unitId: null, isAdmin: false }
  const kabid: Actor = { id: 'b', role: 'kepala_bidang', unitId: CARD_UNIT, isAdmin: false }
  const kabidElsewhere: Actor = { id: 'b2', role: 'kepala_bidang', unitId: OTHER_UNIT, isAdmin: false }
  const admin: Actor = { id: 'a', role: 'kepala_badan', unitId: null, isAdmin: true }
  const at = (step: number, lane: string) => ({ step, lane, unitId: CARD_UNIT })

  it.each([
    ['Sekretaris advances step 1 to Kepala Bidang (default) of step 2', sekretaris, at(1, 'sekretaris'), { step: 2, lane: 'kepala_bidang' }, ok('advance')],
    ['Sekretaris advances step 1 to Kasubag Program (also involved) of step 2', sekretaris, at(1, 'sekretaris'), { step: 2, lane: 'kasubag_program' }, ok('advance')],
    ['Kepala Bidang hands step 2 off to Kasubag Program', kabid, at(2, 'kepala_bidang'), { step: 2, lane: 'kasubag_program' }, ok('handoff')],
    ['Sekretaris returns step 11 to step 10 (note required)', sekretaris, at(11, 'sekretaris'), { step: 10, lane: 'kasubag_program' }, ok('return')],
    ['Kasubag Program in step 11 may also return it to Kepala Bidang of step 10', kasubag, at(11, 'kasubag_program'), { step: 10, lane: 'kepala_bidang' }, ok('return')],
    ['Kasubag Program cannot send step 10 back to step 9', kasubag, at(10, 'kasubag_program'), { step: 9, lane: 'kasubag_program' }, refused('skip_not_allowed')],
    ['Kasubag Program cannot send step 12 back to step 10', kasubag, at(12, 'kasubag_program'), { step: 10, lane: 'kasubag_program' }, refused('skip_not_allowed')],
    ['Sekretaris cannot skip step 11 to step 13', sekretaris, at(11, 'sekretaris'), { step: 13, lane: 'sekretaris' }, refused('skip_not_allowed')],
    ['Sekretaris finishes step 13', sekretaris, at(13, 'sekretaris'), { step: 14, lane: 'sekretaris' }, ok('finish')],
    ['"Selesai" has no Kasubag Program cell', sekretaris, at(13, 'sekretaris'), { step: 14, lane: 'kasubag_program' }, refused('no_such_cell')],
    ['a finished card stays finished for its holder', sekretaris, at(14, 'sekretaris'), { step: 13, lane: 'sekretaris' }, refused('finished')],
    ['an administrator reopens a finished card (reason required)', admin, at(14, 'sekretaris'), { step: 11, lane: 'sekretaris' }, ok('override')],
    ['an administrator jumps a card ahead (reason required)', admin, at(1, 'sekretaris'), { step: 5, lane: 'kepala_seksi' }, ok('override')],
    ['an administrator advancing normally is a plain advance', admin, at(1, 'sekretaris'), { step: 2, lane: 'kepala_bidang' }, ok('advance')],
    ['Kepala Bidang of another unit may not touch this unit\'s card', kabidElsewhere, at(2, 'kepala_bidang'), { step: 2, lane: 'kasubag_program' }, refused('not_your_unit', true)],
    ['Kasubag Program may not move a card the Kepala Bidang holds', kasubag, at(2, 'kepala_bidang'), { step: 3, lane: 'kasubag_program' }, refused('not_your_lane', true)],
    ['Kepala Badan is not involved in step 3', admin, at(2, 'kepala_bidang'), { step: 3, lane: 'kepala_badan' }, refused('lane_not_involved')],
    ['step 0 does not exist', admin, at(1, 'sekretaris'), { step: 0, lane: 'sekretaris' }, refused('no_such_cell')],
    ['an unknown lane does not exist', admin, at(1, 'sekretaris'), { step: 2, lane: 'kepala_dinas' }, refused('no_such_cell')],
    ['dropping a card where it is', sekretaris, at(1, 'sekretaris'), { step: 1, lane: 'sekretaris' }, refused('same_cell')],
  ] as const)('%s', (_label, actor, card, to, want) => {
    expect(checkMove(T, actor, card, to)).toEqual(want)
  })
})
