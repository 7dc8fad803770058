import { describe, expect, it } from 'vitest'
import type { HistoryEntryDto, VisitDto } from '../protocol/board'
import { MONEV_KINERJA } from '../sop/balangan'
import { DEFAULT_CALENDAR, localInstant } from '../time/calendar'
import { cycleStats, flowOf, positionAt, resolveVisits, type StatsCard } from './cycleStats'
import { exportBaseName, historyRows, localDateTime, minutesOf, stepSummaryRows, visitRows } from './exportRows'

const cal = DEFAULT_CALENDAR
const template = MONEV_KINERJA
const MIN = 60_000

/** A WITA wall-clock instant as ISO, 'YYYY-MM-DD HH:MM'. */
const wita = (s: string) => localInstant(cal, s).toISOString()

type Move = [at: string, kind: HistoryEntryDto['kind'], step: number, lane: string, note?: string]

/** A card from its moves (history) and its visits as [step, round, entered, left, workingMin, standardMin]. */
function card(unit: string, moves: Move[], visits: [number, number, string, string | null, number | null, number][], rounds = 0): StatsCard {
  const history: HistoryEntryDto[] = []
  let from: HistoryEntryDto['to'] | null = null
  for (const [at, kind, step, lane, note] of moves) {
    const to = { step, lane }
    history.push({ opId: `${unit}-${history.length}`, kind, at: wita(at), by: { id: 'u1', name: `Orang ${history.length}` }, from, to, note: note ?? '' })
    from = to
  }
  const last = history.at(-1)!
  return {
    id: `card-${unit}`,
    unit: { id: unit, name: `Bidang ${unit.toUpperCase()}`, shortName: unit.toUpperCase() },
    step: last.to.step,
    lane: last.to.lane,
    enteredStepAt: [...history].reverse().find((h) => h.kind !== 'handoff')!.at,
    rounds,
    history,
    visits: visits.map(
      ([step, round, entered, left, workingMin, standardMin]): VisitDto => ({
        step,
        round,
        enteredAt: wita(entered),
        leftAt: left ? wita(left) : null,
        workingMs: workingMin === null ? null : workingMin * MIN,
        standardMs: standardMin * MIN,
      }),
    ),
  }
}

/*
 * Monday 11 January 2027, an ordinary office day (07.30–16.00, break 12.00–13.00), read at 15.10.
 * - PPIK: step 1 08.00–08.10 (10 m of 15, within); step 2 from 08.10, Kepala Bidang until 10.10
 *   (120 m), handed to Kasubag Program, advanced 14.10 (180 m more: 13.00–14.10 after the break;
 *   300 m of 900, within); step 3 from 14.10, 60 m so far of 3150 (7 hari: to Wed 20 Jan 14.10).
 * - SEK: in step 1 since 08.00: 370 m of 15, overdue.
 * - PSDM: step 1 08.00–08.20 (20 m of 15, NOT within); step 2 since 08.20: 350 m of 900.
 * - MPK: created 14.58, 12 m of 15 used: at risk.
 */
const NOW = localInstant(cal, '2027-01-11 15:10')
const CARDS: StatsCard[] = [
  card(
    'ppik',
    [
      ['2027-01-11 08:00', 'create', 1, 'sekretaris'],
      ['2027-01-11 08:10', 'advance', 2, 'kepala_bidang'],
      ['2027-01-11 10:10', 'handoff', 2, 'kasubag_program'],
      ['2027-01-11 14:10', 'advance', 3, 'kasubag_program'],
    ],
    [
      [1, 1, '2027-01-11 08:00', '2027-01-11 08:10', 10, 15],
      [2, 1, '2027-01-11 08:10', '2027-01-11 14:10', 300, 900],
      [3, 1, '2027-01-11 14:10', null, null, 3150],
    ],
  ),
  card('sek', [['2027-01-11 08:00', 'create', 1, 'sekretaris']], [[1, 1, '2027-01-11 08:00', null, null, 15]]),
  card(
    'psdm',
    [
      ['2027-01-11 08:00', 'create', 1, 'sekretaris'],
      ['2027-01-11 08:20', 'advance', 2, 'kepala_bidang'],
    ],
    [
      [1, 1, '2027-01-11 08:00', '2027-01-11 08:20', 20, 15],
      [2, 1, '2027-01-11 08:20', null, null, 900],
    ],
  ),
  card('mpk', [['2027-01-11 14:58', 'create', 1, 'sekretaris']], [[1, 1, '2027-01-11 14:58', null, null, 15]]),
]

describe('cycleStats: one Monday of four units', () => {
  const stats = cycleStats({ cards: CARDS, template, calendar: cal, now: NOW })

  it.each([
    // unit, step, lane, time in step (m), step standard (m), state, all visits actual (m), standard (m)
    ['ppik', 3, 'kasubag_program', 60, 3150, 'on_track', 10 + 300 + 60, 15 + 900 + 3150],
    ['sek', 1, 'sekretaris', 370, 15, 'overdue', 370, 15],
    ['psdm', 2, 'kepala_bidang', 350, 900, 'on_track', 20 + 350, 15 + 900],
    ['mpk', 1, 'sekretaris', 12, 15, 'at_risk', 12, 15],
  ])('progress of %s: step %i, %s, %i m of %i, %s', (unit, step, lane, inStep, stepStd, state, actual, standard) => {
    const row = stats.units.find((u) => u.unit.id === unit)
    expect(row).toMatchObject({ step, lane, finished: false, rounds: 0, state })
    expect(row?.timeInStepMs).toBe(inStep * MIN)
    expect(row?.stepStandardMs).toBe(stepStd * MIN)
    expect(row?.actualMs).toBe(actual * MIN)
    expect(row?.standardMs).toBe(standard * MIN)
  })

  it.each([
    // step, visits, closed, within, actual (m), standard (m), per unit actual [ppik, sek, psdm, mpk]
    [1, 4, 2, 1, 10 + 370 + 20 + 12, 60, [10, 370, 20, 12]],
    [2, 2, 1, 1, 300 + 350, 1800, [300, 0, 350, 0]],
    [3, 1, 0, 0, 60, 3150, [60, 0, 0, 0]],
    [4, 0, 0, 0, 0, 0, [0, 0, 0, 0]],
  ])('step %i: %i visits, %i closed, %i within, %i m of %i', (step, visits, closed, within, actual, standard, perUnit) => {
    const row = stats.steps.find((s) => s.step === step)
    expect(row).toMatchObject({ visits, closed, withinStandard: within, actualMs: actual * MIN, standardMs: standard * MIN })
    expect(row?.byUnit.map((u) => u.actualMs / MIN)).toEqual(perUnit)
  })

  it('splits working time by the lane that held the card, cut at the hand-off', () => {
    expect(stats.roles.map((r) => [r.lane, r.actualMs / MIN, r.visits])).toEqual([
      ['sekretaris', 10 + 370 + 20 + 12, 4],
      ['kepala_bidang', 120 + 350, 2],
      ['kasubag_program', 180 + 60, 2],
      ['kepala_seksi', 0, 0],
      ['kepala_badan', 0, 0],
    ])
  })

  it('sums the cycle and the within-standard share of closed visits', () => {
    expect(stats.summary).toEqual({
      cards: 4,
      finished: 0,
      stepsDone: 2 + 0 + 1 + 0,
      stepsTotal: 52,
      actualMs: (412 + 650 + 60) * MIN,
      standardMs: (60 + 1800 + 3150) * MIN,
      closedVisits: 3,
      withinStandard: 2,
      withinShare: 2 / 3,
      rounds: 0,
      extensions: 0,
    })
  })

  it('lists overdue cards first, then the at-risk ones', () => {
    expect(stats.alerts.map((a) => [a.unit.id, a.state, a.elapsedMs / MIN, a.standardMs / MIN, a.dueAt])).toEqual([
      ['sek', 'overdue', 370, 15, wita('2027-01-11 08:15')],
      ['mpk', 'at_risk', 12, 15, wita('2027-01-11 15:13')],
    ])
  })

  it('has one flow day, read at now', () => {
    expect(stats.flow.steps).toHaveLength(14)
    expect(stats.flow.days).toEqual([{ date: '2027-01-11', at: NOW.toISOString(), counts: [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }])
  })
})

describe('resolveVisits', () => {
  it.each([
    // label, moves, visit, expected segments (lane, minutes)
    ['no hand-off', [['2027-01-11 08:00', 'create', 1, 'sekretaris']] as Move[], [1, 1, '2027-01-11 08:00', '2027-01-11 09:00', 60, 15] as const, [['sekretaris', 60]]],
    [
      'two hand-offs across the lunch break',
      [
        ['2027-01-11 08:00', 'create', 1, 'sekretaris'],
        ['2027-01-11 09:00', 'advance', 2, 'kepala_bidang'],
        ['2027-01-11 11:30', 'handoff', 2, 'kasubag_program'],
        ['2027-01-11 13:30', 'handoff', 2, 'kepala_bidang'],
        ['2027-01-11 15:00', 'advance', 3, 'kasubag_program'],
      ] as Move[],
      [2, 1, '2027-01-11 09:00', '2027-01-11 15:00', 300, 900] as const,
      [['kepala_bidang', 150], ['kasubag_program', 60], ['kepala_bidang', 90]],
    ],
    [
      'a hand-off overnight (no office time passes at night)',
      [
        ['2027-01-11 08:00', 'create', 1, 'sekretaris'],
        ['2027-01-11 15:00', 'advance', 2, 'kepala_bidang'],
        ['2027-01-11 20:00', 'handoff', 2, 'kasubag_program'],
        ['2027-01-12 08:30', 'advance', 3, 'kasubag_program'],
      ] as Move[],
      [2, 1, '2027-01-11 15:00', '2027-01-12 08:30', 120, 900] as const,
      [['kepala_bidang', 60], ['kasubag_program', 60]],
    ],
  ])('%s', (_label, moves, visit, segments) => {
    const c = card('x', moves, [[...visit]])
    const v = resolveVisits(c, cal, NOW).find((r) => r.step === visit[0])
    expect(v?.segments.map((s) => [s.lane, s.workingMs / MIN])).toEqual(segments)
    expect(v?.openedBy?.to).toEqual({ step: visit[0], lane: segments[0]![0] })
  })

  it('keeps the pieces adding up to the stored working time when the calendar changed since', () => {
    const c = card(
      'x',
      [
        ['2027-01-11 08:00', 'create', 1, 'sekretaris'],
        ['2027-01-11 09:00', 'advance', 2, 'kepala_bidang'],
        ['2027-01-11 10:00', 'handoff', 2, 'kasubag_program'],
        ['2027-01-11 11:00', 'advance', 3, 'kasubag_program'],
      ],
      [[2, 1, '2027-01-11 09:00', '2027-01-11 11:00', 90, 900]],
    )
    expect(resolveVisits(c, cal, NOW)[0]?.segments.map((s) => s.workingMs / MIN)).toEqual([60, 30])
  })
})

describe('corrections, rounds and the flow over days', () => {
  // A card that reached step 11 on Tuesday, was sent back to 10 with a note and came back.
  const c = card(
    'ppik',
    [
      ['2027-01-11 08:00', 'create', 1, 'sekretaris'],
      ['2027-01-11 08:10', 'override', 11, 'kepala_badan', 'Lompat untuk uji'],
      ['2027-01-12 09:00', 'return', 10, 'kasubag_program', 'Angka IKU belum sesuai'],
      ['2027-01-13 10:00', 'advance', 11, 'kepala_badan'],
    ],
    [
      [1, 1, '2027-01-11 08:00', '2027-01-11 08:10', 10, 15],
      [11, 1, '2027-01-11 08:10', '2027-01-12 09:00', 500, 450],
      [10, 2, '2027-01-12 09:00', '2027-01-13 10:00', 480, 450],
      [11, 2, '2027-01-13 10:00', null, null, 450],
    ],
    1,
  )
  const other = card('sek', [['2027-01-11 08:00', 'create', 1, 'sekretaris']], [[1, 1, '2027-01-11 08:00', null, null, 15]])
  const now = localInstant(cal, '2027-01-13 11:00')

  it('lists the return with its note, who and when, and counts the round', () => {
    const stats = cycleStats({ cards: [c, other], template, calendar: cal, now })
    expect(stats.corrections).toEqual([
      {
        cardId: 'card-ppik',
        unit: c.unit,
        at: wita('2027-01-12 09:00'),
        by: { id: 'u1', name: 'Orang 2' },
        from: { step: 11, lane: 'kepala_badan' },
        to: { step: 10, lane: 'kasubag_program' },
        note: 'Angka IKU belum sesuai',
      },
    ])
    expect(stats.summary.rounds).toBe(1)
    expect(stats.steps.find((s) => s.step === 11)).toMatchObject({ visits: 2, closed: 1, withinStandard: 0, actualMs: (500 + 60) * MIN })
    expect(stats.steps.find((s) => s.step === 10)).toMatchObject({ visits: 1, closed: 1, withinStandard: 0 })
  })

  it.each([
    ['2027-01-11', wita('2027-01-12 00:00'), 1, 11],
    ['2027-01-12', wita('2027-01-13 00:00'), 1, 10],
    ['2027-01-13', now.toISOString(), 1, 11],
  ])('on %s the cards are in steps 1 and the other', (date, atPlusOne, stepA, stepB) => {
    const flow = flowOf([c, other], template, cal, now)
    const day = flow.days.find((d) => d.date === date)
    const expected = Array.from({ length: 14 }, () => 0)
    expected[stepA - 1]! += 1
    expected[stepB - 1]! += 1
    expect(day?.counts).toEqual(expected)
    // End of the day (the last moment before midnight WITA), or now on the last day.
    const at = Date.parse(day?.at ?? '')
    expect(date === '2027-01-13' ? at : at + 1).toBe(Date.parse(atPlusOne))
    expect(flow.days).toHaveLength(3)
  })

  it('stops the flow at the last finish once every card is done', () => {
    const done = card(
      'a',
      [
        ['2027-01-11 08:00', 'create', 1, 'sekretaris'],
        ['2027-01-11 09:00', 'override', 14, 'kepala_badan', 'Selesai di luar'],
      ],
      [[1, 1, '2027-01-11 08:00', '2027-01-11 09:00', 60, 15]],
    )
    const flow = flowOf([done], template, cal, localInstant(cal, '2027-02-01 10:00'))
    expect(flow.days.map((d) => [d.date, d.at, d.counts[13]])).toEqual([['2027-01-11', wita('2027-01-11 09:00'), 1]])
  })

  it('knows where a card was at any instant', () => {
    expect(positionAt(c.history, Date.parse(wita('2027-01-11 07:00')))).toBeNull()
    expect(positionAt(c.history, Date.parse(wita('2027-01-12 09:00')))).toEqual({ step: 10, lane: 'kasubag_program' })
  })
})

describe('export rows', () => {
  it('gives every visit with its role(s), times, minutes, flag, round, mover and note, words left to the writer', () => {
    const rows = visitRows(CARDS.slice(0, 1), template, cal, NOW)
    expect(rows.map((r) => ({ ...r, enteredAt: localDateTime(cal, r.enteredAt), leftAt: r.leftAt && localDateTime(cal, r.leftAt) }))).toEqual([
      { unit: 'Bidang PPIK', unitShort: 'PPIK', step: 1, stepTitle: template.steps[0]?.title, role: 'Sekretaris', enteredAt: '2027-01-11 08:00', leftAt: '2027-01-11 08:10', workingMinutes: 10, standardMinutes: 15, withinStandard: true, round: 1, movedBy: 'Orang 0', note: '' },
      { unit: 'Bidang PPIK', unitShort: 'PPIK', step: 2, stepTitle: template.steps[1]?.title, role: 'Kepala Bidang → Kasubag Program', enteredAt: '2027-01-11 08:10', leftAt: '2027-01-11 14:10', workingMinutes: 300, standardMinutes: 900, withinStandard: true, round: 1, movedBy: 'Orang 1', note: '' },
      { unit: 'Bidang PPIK', unitShort: 'PPIK', step: 3, stepTitle: template.steps[2]?.title, role: 'Kasubag Program', enteredAt: '2027-01-11 14:10', leftAt: null, workingMinutes: 60, standardMinutes: 3150, withinStandard: null, round: 1, movedBy: 'Orang 3', note: '' },
    ])
    const summary = stepSummaryRows(visitRows(CARDS, template, cal, NOW), template)
    expect(summary[0]).toEqual({ step: 1, stepTitle: template.steps[0]?.title, visits: 4, closed: 2, workingMinutes: 412, standardMinutes: 60, withinStandard: 1, withinPercent: 50 })
    expect(historyRows(CARDS.slice(0, 1), template).map((r) => [r.kind, r.fromStep, r.fromRole, r.toStep, r.toRole])).toEqual([
      ['create', null, '', 1, 'Sekretaris'],
      ['advance', 1, 'Sekretaris', 2, 'Kepala Bidang'],
      ['handoff', 2, 'Kepala Bidang', 2, 'Kasubag Program'],
      ['advance', 2, 'Kasubag Program', 3, 'Kasubag Program'],
    ])
  })

  it.each([
    [0, 0],
    [60_000, 1],
    [90_000, 1.5],
    [61_234, 1.02],
  ])('%i ms is %d minutes', (ms, minutes) => {
    expect(minutesOf(ms)).toBe(minutes)
  })

  it.each([
    ['monev-kinerja', 'Triwulan I 2027', 'monev-triwulan-i-2027'],
    ['monev-kinerja', 'Triwulan III 2026', 'monev-triwulan-iii-2026'],
    ['', 'Triwulan IV 2030', 'triwulan-iv-2030'],
  ])('names the file of %s %s "%s"', (templateId, title, name) => {
    expect(exportBaseName(templateId, title)).toBe(name)
  })
})
