import { describe, expect, it } from 'vitest'
import type { Waktu } from '../domain/template'
import { DEFAULT_CALENDAR, DEFAULT_WEEK, localInstant, officeDayOn, type WorkCalendar } from './calendar'
import {
  addWorkingMs,
  AT_RISK_RATIO,
  atRiskAt,
  dueAt,
  pauseReasonAt,
  thresholdsOf,
  timerAt,
  workingDaysBetween,
  workingMsBetween,
  type PauseReason,
  type TimerState,
} from './workingTime'

const cal = DEFAULT_CALENDAR
const MIN = 60_000
const HOUR = 60 * MIN

/** A WITA wall-clock instant, 'YYYY-MM-DD HH:MM'. */
function wita(s: string): Date {
  return localInstant(cal, s)
}

/** An instant printed back as WITA wall clock, so failures read like the table. */
function show(d: Date): string {
  return new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ')
}

const w = (amount: number, unit: Waktu['unit']): Waktu => ({ amount, unit })

/*
 * Dates used below (WITA): Mon 23 Nov 2026 – Fri 27 Nov 2026 is an ordinary week; Sat 28, Sun 29;
 * Thu 24 Dec 2026 is cuti bersama and Fri 25 Dec Natal. Ramadan 1447 H runs 19 Feb – 20 Mar 2026.
 */

describe('the calendar helpers the tests rely on', () => {
  it('reads WITA wall clock as UTC+8', () => {
    expect(wita('2026-03-17 10:00').toISOString()).toBe('2026-03-17T02:00:00.000Z')
    expect(show(wita('2026-03-17 10:00'))).toBe('2026-03-17 10:00')
  })

  it('knows 17 March 2026 is a Tuesday and 18–24 March 2026 hold no office day', () => {
    expect(officeDayOn(cal, '2026-03-17').hours).not.toBeNull()
    for (const d of ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']) {
      expect(officeDayOn(cal, d).hours, d).toBeNull()
    }
    expect(officeDayOn(cal, '2026-03-25').hours).toEqual(DEFAULT_WEEK[3])
  })
})

describe('pauseReasonAt', () => {
  const cases: [at: string, reason: PauseReason | null][] = [
    ['2026-11-24 07:29', { kind: 'outside_hours' }],
    ['2026-11-24 07:30', null],
    ['2026-11-24 11:59', null],
    ['2026-11-24 12:00', { kind: 'break' }],
    ['2026-11-24 12:59', { kind: 'break' }],
    ['2026-11-24 13:00', null],
    ['2026-11-24 15:59', null],
    ['2026-11-24 16:00', { kind: 'outside_hours' }],
    ['2026-11-24 23:00', { kind: 'outside_hours' }],
    // Friday: longer break for Friday prayer, later closing.
    ['2026-11-27 11:30', { kind: 'break' }],
    ['2026-11-27 12:45', { kind: 'break' }],
    ['2026-11-27 13:00', null],
    ['2026-11-27 16:15', null],
    ['2026-11-27 16:30', { kind: 'outside_hours' }],
    ['2026-11-28 10:00', { kind: 'weekend' }],
    ['2026-11-29 10:00', { kind: 'weekend' }],
    // Holidays, with the decree's name.
    ['2026-12-24 10:00', { kind: 'holiday', name: 'Cuti Bersama Kelahiran Yesus Kristus' }],
    ['2026-12-25 10:00', { kind: 'holiday', name: 'Kelahiran Yesus Kristus' }],
    ['2026-03-21 10:00', { kind: 'holiday', name: 'Hari Raya Idul Fitri 1447 Hijriah' }],
    // A holiday on a Sunday is reported as the holiday.
    ['2026-03-22 10:00', { kind: 'holiday', name: 'Hari Raya Idul Fitri 1447 Hijriah' }],
    // Ramadan 1447 H: 08.00–15.00, break 12.00–12.30; Friday 08.00–15.30, break 11.30–12.30.
    ['2026-03-03 07:45', { kind: 'outside_hours' }],
    ['2026-03-03 08:00', null],
    ['2026-03-03 12:15', { kind: 'break' }],
    ['2026-03-03 12:30', null],
    ['2026-03-03 15:00', { kind: 'outside_hours' }],
    ['2026-03-06 12:45', null],
    ['2026-03-06 15:15', null],
    ['2026-03-06 15:30', { kind: 'outside_hours' }],
  ]
  it.each(cases)('%s WITA → %j', (at, reason) => {
    expect(pauseReasonAt(cal, wita(at))).toEqual(reason)
  })
})

describe('dueAt in menit and jam counts office time only', () => {
  const cases: [label: string, entry: string, waktu: Waktu, due: string][] = [
    ['15 menit inside hours', '2026-11-24 09:00', w(15, 'menit'), '2026-11-24 09:15'],
    ['15 menit near closing', '2026-11-23 15:50', w(15, 'menit'), '2026-11-24 07:35'],
    ['15 menit ending exactly at closing', '2026-11-23 15:45', w(15, 'menit'), '2026-11-23 16:00'],
    ['15 menit ending exactly at the break', '2026-11-23 11:45', w(15, 'menit'), '2026-11-23 12:00'],
    ['15 menit entered in the break', '2026-11-23 12:20', w(15, 'menit'), '2026-11-23 13:15'],
    ['1 jam entered before opening', '2026-11-24 06:00', w(1, 'jam'), '2026-11-24 08:30'],
    ['1 jam entered after closing', '2026-11-24 17:00', w(1, 'jam'), '2026-11-25 08:30'],
    ['3 jam across the lunch break', '2026-11-24 10:30', w(3, 'jam'), '2026-11-24 14:30'],
    ["3 jam across Friday's longer break", '2026-11-27 10:30', w(3, 'jam'), '2026-11-27 15:00'],
    ['3 jam across the weekend', '2026-11-27 15:30', w(3, 'jam'), '2026-11-30 09:30'],
    ['1 jam entered on Saturday', '2026-11-28 10:00', w(1, 'jam'), '2026-11-30 08:30'],
    ['3 jam across cuti bersama and Natal', '2026-12-23 15:00', w(3, 'jam'), '2026-12-28 09:30'],
    ['3 jam in Ramadan (shorter day)', '2026-03-03 13:00', w(3, 'jam'), '2026-03-04 09:00'],
    ['2 jam across the Ramadan break', '2026-03-03 11:00', w(2, 'jam'), '2026-03-03 13:30'],
    ['3 jam from Ramadan into Nyepi and Idul Fitri', '2026-03-17 14:00', w(3, 'jam'), '2026-03-25 09:30'],
    ['7.5 jam = one ordinary day', '2026-11-24 07:30', w(7.5, 'jam'), '2026-11-24 16:00'],
  ]
  it.each(cases)('%s: %s + %j → %s', (_label, entry, waktu, due) => {
    expect(show(dueAt(cal, wita(entry), waktu))).toBe(due)
  })
})

describe('dueAt in hari and minggu counts working days', () => {
  const cases: [label: string, entry: string, waktu: Waktu, due: string][] = [
    ['1 hari', '2026-11-24 10:00', w(1, 'hari'), '2026-11-25 10:00'],
    ['2 hari entered Thursday', '2026-11-26 10:00', w(2, 'hari'), '2026-11-30 10:00'],
    ['1 hari entered Saturday counts from Monday 07.30', '2026-11-28 11:00', w(1, 'hari'), '2026-12-01 07:30'],
    ['1 hari entered Sunday night', '2026-11-29 22:00', w(1, 'hari'), '2026-12-01 07:30'],
    ['1 hari entered before opening', '2026-11-24 06:00', w(1, 'hari'), '2026-11-25 07:30'],
    ['1 hari entered after closing', '2026-11-24 17:00', w(1, 'hari'), '2026-11-26 07:30'],
    ['1 hari entered exactly at closing', '2026-11-24 16:00', w(1, 'hari'), '2026-11-26 07:30'],
    ['1 hari entered in the break keeps its clock time', '2026-11-24 12:30', w(1, 'hari'), '2026-11-25 12:30'],
    ["1 hari from Friday's late hour clamps to Monday's closing", '2026-11-27 16:15', w(1, 'hari'), '2026-11-30 16:00'],
    ['1 hari into Ramadan clamps to its earlier closing', '2026-02-18 15:30', w(1, 'hari'), '2026-02-19 15:00'],
    ['1 hari into Ramadan clamps to its later opening', '2026-02-18 07:45', w(1, 'hari'), '2026-02-19 08:00'],
    ['1 hari entered after a Ramadan closing', '2026-03-03 15:10', w(1, 'hari'), '2026-03-05 08:00'],
    ['7 hari skips weekends', '2026-11-23 09:00', w(7, 'hari'), '2026-12-02 09:00'],
    ['2 hari across cuti bersama and Natal', '2026-12-23 10:00', w(2, 'hari'), '2026-12-29 10:00'],
    ['1 minggu = 5 working days', '2026-11-23 10:00', w(1, 'minggu'), '2026-11-30 10:00'],
    ['1 minggu across Natal', '2026-12-21 10:00', w(1, 'minggu'), '2026-12-30 10:00'],
    // The example: 18–24 Mar 2026 hold no working day.
    ['3 hari across the Idul Fitri 2026 block', '2026-03-17 10:00', w(3, 'hari'), '2026-03-27 10:00'],
    ['1 hari entered on Nyepi', '2026-03-19 10:00', w(1, 'hari'), '2026-03-26 07:30'],
    ['1 hari across the Idul Fitri 2027 block', '2027-03-05 10:00', w(1, 'hari'), '2027-03-16 10:00'],
  ]
  it.each(cases)('%s: %s + %j → %s', (_label, entry, waktu, due) => {
    expect(show(dueAt(cal, wita(entry), waktu))).toBe(due)
  })

  it('makes 1 minggu the same as 5 hari everywhere', () => {
    for (const entry of ['2026-03-13 09:00', '2026-05-13 14:00', '2026-12-22 08:00', '2027-03-04 10:00']) {
      expect(dueAt(cal, wita(entry), w(1, 'minggu'))).toEqual(dueAt(cal, wita(entry), w(5, 'hari')))
    }
  })

  it('refuses amounts the arithmetic cannot mean', () => {
    expect(() => dueAt(cal, wita('2026-11-24 10:00'), w(0, 'jam'))).toThrow(RangeError)
    expect(() => dueAt(cal, wita('2026-11-24 10:00'), w(-1, 'menit'))).toThrow(RangeError)
    expect(() => dueAt(cal, wita('2026-11-24 10:00'), w(1.5, 'hari'))).toThrow(RangeError)
    expect(() => dueAt(cal, wita('2026-11-24 10:00'), w(Number.NaN, 'minggu'))).toThrow(RangeError)
  })
})

describe('workingMsBetween', () => {
  const cases: [from: string, to: string, ms: number][] = [
    ['2026-11-24 10:00', '2026-11-24 10:00', 0],
    ['2026-11-24 11:00', '2026-11-24 10:00', 0],
    ['2026-11-24 10:00', '2026-11-24 11:30', 90 * MIN],
    ['2026-11-24 11:00', '2026-11-24 14:00', 2 * HOUR],
    ['2026-11-24 12:15', '2026-11-24 12:45', 0],
    ['2026-11-24 00:00', '2026-11-25 00:00', 7.5 * HOUR],
    ['2026-11-27 00:00', '2026-11-28 00:00', 7.5 * HOUR],
    // An ordinary week is 37.5 hours (Perpres 21/2023).
    ['2026-11-23 00:00', '2026-11-30 00:00', 37.5 * HOUR],
    // A Ramadan week is 32.5 hours.
    ['2026-03-02 00:00', '2026-03-09 00:00', 32.5 * HOUR],
    ['2026-03-18 00:00', '2026-03-25 00:00', 0],
    ['2026-11-28 00:00', '2026-11-30 00:00', 0],
  ]
  it.each(cases)('%s → %s = %i ms', (from, to, ms) => {
    expect(workingMsBetween(cal, wita(from), wita(to))).toBe(ms)
  })

  it('returns the entry itself for 0 ms, even outside office hours', () => {
    const sunday = wita('2026-11-29 10:00')
    expect(addWorkingMs(cal, sunday, 0)).toEqual(sunday)
    expect(() => addWorkingMs(cal, sunday, -1)).toThrow(RangeError)
  })
})

/** mulberry32: a small seeded generator, so the property loop is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('addWorkingMs and workingMsBetween are inverse', () => {
  const random = seeded(20260317)
  const start = wita('2025-01-01 00:00').getTime()
  const end = wita('2027-12-31 00:00').getTime()
  const instant = () => new Date(start + Math.floor(random() * (end - start)))

  it('adds then measures the same office time (500 random instants and durations)', () => {
    for (let i = 0; i < 500; i++) {
      const from = instant()
      const ms = Math.floor(random() * 60 * HOUR)
      const to = addWorkingMs(cal, from, ms)
      expect(workingMsBetween(cal, from, to), `${from.toISOString()} + ${ms}`).toBe(ms)
      expect(to.getTime()).toBeGreaterThanOrEqual(from.getTime())
    }
  })

  it('measures then adds back to the earliest instant with that office time (500 random pairs)', () => {
    for (let i = 0; i < 500; i++) {
      const a = instant()
      const b = new Date(a.getTime() + Math.floor(random() * 20 * 24 * HOUR))
      const ms = workingMsBetween(cal, a, b)
      const back = addWorkingMs(cal, a, ms)
      expect(back.getTime(), `${a.toISOString()} → ${b.toISOString()}`).toBeLessThanOrEqual(b.getTime())
      expect(workingMsBetween(cal, a, back)).toBe(ms)
      // Inside office hours nothing earlier has the same office time behind it.
      if (ms > 0 && pauseReasonAt(cal, b) === null) expect(back).toEqual(b)
    }
  })
})

describe('thresholds', () => {
  it('puts at-risk at 75 % of the office time of the step', () => {
    const entry = wita('2026-11-24 08:00')
    expect(show(dueAt(cal, entry, w(3, 'jam')))).toBe('2026-11-24 11:00')
    expect(show(atRiskAt(cal, entry, w(3, 'jam')))).toBe('2026-11-24 10:15')
    // 2 hari from Tue 10.00: due Thu 10.00, 15 h of office time; 75 % = 11 h 15 min → Wed 14.45.
    expect(thresholdsOf(cal, wita('2026-11-24 10:00'), w(2, 'hari'))).toEqual({
      dueAt: wita('2026-11-26 10:00'),
      atRiskAt: wita('2026-11-25 14:45'),
    })
  })

  it('measures the Idul Fitri 2026 step in the office time it actually contains', () => {
    const entry = wita('2026-03-17 10:00')
    const reading = timerAt(cal, entry, w(3, 'hari'), entry)
    // Tue 17 Mar (Ramadan) 10.00–15.00 = 4.5 h, Wed 25 and Thu 26 = 15 h, Fri 27 07.30–10.00 = 2.5 h.
    expect(reading.standardMs).toBe(22 * HOUR)
    expect(show(reading.atRiskAt)).toBe('2026-03-26 12:00')
  })
})

describe('timerAt', () => {
  const cases: [label: string, entry: string, waktu: Waktu, now: string, state: TimerState, pause: PauseReason | null, elapsedMin: number][] = [
    ['on track after an hour', '2026-11-24 08:00', w(3, 'jam'), '2026-11-24 09:00', 'on_track', null, 60],
    ['one minute before at risk', '2026-11-24 08:00', w(3, 'jam'), '2026-11-24 10:14', 'on_track', null, 134],
    ['at risk at 75 %', '2026-11-24 08:00', w(3, 'jam'), '2026-11-24 10:15', 'at_risk', null, 135],
    ['still at risk exactly at the due instant (100 %)', '2026-11-24 08:00', w(3, 'jam'), '2026-11-24 11:00', 'at_risk', null, 180],
    ['overdue after the due instant', '2026-11-24 08:00', w(3, 'jam'), '2026-11-24 11:01', 'overdue', null, 181],
    ['overdue wins over the break', '2026-11-24 08:00', w(3, 'jam'), '2026-11-24 12:30', 'overdue', { kind: 'break' }, 240],
    ['overdue wins over the night', '2026-11-24 08:00', w(3, 'jam'), '2026-11-24 20:00', 'overdue', { kind: 'outside_hours' }, 420],
    ['paused in the lunch break', '2026-11-24 10:00', w(2, 'hari'), '2026-11-24 12:30', 'paused', { kind: 'break' }, 120],
    ['paused after closing', '2026-11-24 10:00', w(2, 'hari'), '2026-11-24 17:00', 'paused', { kind: 'outside_hours' }, 300],
    ['paused on the weekend', '2026-11-26 10:00', w(2, 'hari'), '2026-11-28 10:00', 'paused', { kind: 'weekend' }, 750],
    ['paused at night when already at risk', '2026-11-24 15:10', w(1, 'jam'), '2026-11-24 18:00', 'paused', { kind: 'outside_hours' }, 50],
    ['at risk again when the office opens', '2026-11-24 15:10', w(1, 'jam'), '2026-11-25 07:35', 'at_risk', null, 55],
    [
      'paused on Idul Fitri, with its name',
      '2026-03-17 10:00',
      w(3, 'hari'),
      '2026-03-21 09:00',
      'paused',
      { kind: 'holiday', name: 'Hari Raya Idul Fitri 1447 Hijriah' },
      270,
    ],
    [
      'paused on cuti bersama, with its name',
      '2026-03-17 10:00',
      w(3, 'hari'),
      '2026-03-23 09:00',
      'paused',
      { kind: 'holiday', name: 'Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah' },
      270,
    ],
    ['on track before the entry is reached', '2026-11-24 10:00', w(1, 'jam'), '2026-11-24 09:00', 'on_track', null, 0],
  ]
  it.each(cases)('%s', (_label, entry, waktu, now, state, pause, elapsedMin) => {
    const reading = timerAt(cal, wita(entry), waktu, wita(now))
    expect(reading.state).toBe(state)
    expect(reading.pause).toEqual(pause)
    expect(reading.elapsedMs).toBe(elapsedMin * MIN)
    expect(reading.remainingMs).toBe(reading.standardMs - reading.elapsedMs)
    expect(reading.usedRatio).toBeCloseTo(reading.elapsedMs / reading.standardMs, 12)
  })

  it('reports a negative remaining time when overdue', () => {
    const reading = timerAt(cal, wita('2026-11-24 08:00'), w(3, 'jam'), wita('2026-11-24 14:00'))
    expect(reading.remainingMs).toBe(-2 * HOUR)
    expect(reading.usedRatio).toBeCloseTo(5 / 3, 12)
  })

  it('turns at risk and overdue exactly at the stored thresholds', () => {
    const entry = wita('2026-12-23 15:20')
    const { atRiskAt: risk, dueAt: due } = thresholdsOf(cal, entry, w(3, 'jam'))
    const at = (ms: number) => timerAt(cal, entry, w(3, 'jam'), new Date(ms)).state
    expect(at(risk.getTime() - 1)).toBe('on_track')
    expect(at(risk.getTime())).toBe('at_risk')
    expect(at(due.getTime())).toBe('at_risk')
    expect(at(due.getTime() + 1)).toBe('overdue')
    expect(timerAt(cal, entry, w(3, 'jam'), risk).usedRatio).toBeGreaterThanOrEqual(AT_RISK_RATIO)
  })
})

describe('a calendar edited by an administrator', () => {
  it('uses the offset it is given, not WITA', () => {
    const wib: WorkCalendar = { ...cal, timeZone: 'Asia/Jakarta', zoneLabel: 'WIB', utcOffsetMinutes: 420 }
    // 07.30 WIB is 08.30 WITA: the WIB office opens an hour later in absolute time.
    expect(pauseReasonAt(wib, wita('2026-11-24 08:00'))).toEqual({ kind: 'outside_hours' })
    expect(pauseReasonAt(wib, wita('2026-11-24 08:30'))).toBeNull()
    expect(dueAt(wib, localInstant(wib, '2026-11-23 15:50'), w(15, 'menit'))).toEqual(localInstant(wib, '2026-11-24 07:35'))
  })

  it('applies an override only to the weekdays it names', () => {
    const halfDayFriday: WorkCalendar = {
      ...cal,
      overrides: [
        {
          id: 'jumat-pendek',
          name: 'Jumat pendek',
          from: '2026-11-27',
          to: '2026-11-27',
          week: { 5: { open: '07:30', close: '11:30', breaks: [] } },
          source: 'contoh',
        },
      ],
    }
    expect(officeDayOn(halfDayFriday, '2026-11-27').override?.id).toBe('jumat-pendek')
    expect(officeDayOn(halfDayFriday, '2026-11-26').override).toBeNull()
    expect(show(dueAt(halfDayFriday, wita('2026-11-27 10:30'), w(3, 'jam')))).toBe('2026-11-30 09:30')
  })

  it('closes a weekday through an override as outside hours, not as a weekend', () => {
    const closed: WorkCalendar = {
      ...cal,
      overrides: [{ id: 'tutup', name: 'Kantor tutup', from: '2026-11-25', to: '2026-11-25', week: { 3: null }, source: 'contoh' }],
    }
    expect(pauseReasonAt(closed, wita('2026-11-25 10:00'))).toEqual({ kind: 'outside_hours' })
    expect(show(dueAt(closed, wita('2026-11-24 10:00'), w(1, 'hari')))).toBe('2026-11-26 10:00')
  })

  it('fails loudly instead of searching forever when there is no office day', () => {
    const never: WorkCalendar = { ...cal, week: { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null }, overrides: [] }
    expect(() => dueAt(never, wita('2026-11-24 10:00'), w(1, 'hari'))).toThrow(/no office day/)
    expect(() => addWorkingMs(never, wita('2026-11-24 10:00'), HOUR)).toThrow(/no office day/)
    expect(workingMsBetween(never, wita('2026-01-01 00:00'), wita('2027-01-01 00:00'))).toBe(0)
  })
})

describe('a hari step read in working days', () => {
  it('counts whole days as its due instant does (same clock time, next working day) and the office time beyond', () => {
    // Mon 10:00 → Thu 13:00: Tue 10:00, Wed 10:00, Thu 10:00 are whole days; then 10:00–13:00 less the break.
    const split = workingDaysBetween(cal, wita('2026-11-23 10:00'), wita('2026-11-26 13:00'))
    expect(split.days).toBe(3)
    expect(split.restMs).toBe(workingMsBetween(cal, wita('2026-11-26 10:00'), wita('2026-11-26 13:00')))
    // The weekend is no day: Fri 10:00 → Mon 09:00 is not yet one.
    expect(workingDaysBetween(cal, wita('2026-11-27 10:00'), wita('2026-11-30 09:00')).days).toBe(0)
    expect(workingDaysBetween(cal, wita('2026-11-27 10:00'), wita('2026-11-30 10:00'))).toEqual({ days: 1, restMs: 0 })
    expect(workingDaysBetween(cal, wita('2026-11-30 10:00'), wita('2026-11-27 10:00'))).toEqual({ days: 0, restMs: 0 })
  })

  it('gives a 5-hari timer its time used, left and late in days; a jam timer none', () => {
    const entry = wita('2026-11-23 10:00')
    const now = wita('2026-11-24 11:00')
    const reading = timerAt(cal, entry, w(5, 'hari'), now)
    expect(reading.days?.standard).toEqual({ days: 5, restMs: 0 })
    expect(reading.days?.elapsed).toEqual({ days: 1, restMs: HOUR })
    // Due Mon 30 Nov 10:00: from Tue 11:00, Wed, Thu and Fri at 11:00 are whole days; Mon 11:00 is past it.
    expect(reading.days?.remaining.days).toBe(3)
    expect(show(reading.dueAt)).toBe('2026-11-30 10:00')
    expect(reading.days?.late).toEqual({ days: 0, restMs: 0 })
    const late = timerAt(cal, entry, w(5, 'hari'), wita('2026-12-02 11:00'))
    expect(late.state).toBe('overdue')
    expect(late.days?.late).toEqual({ days: 2, restMs: HOUR })
    expect(timerAt(cal, entry, w(7, 'jam'), now).days).toBeNull()
  })
})
