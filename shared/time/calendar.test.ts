import { describe, expect, it } from 'vitest'
import {
  DEFAULT_CALENDAR,
  DEFAULT_WEEK,
  dayNumberOf,
  isoWeekdayOfDate,
  localDateOf,
  localInstant,
  officeDayOn,
  RAMADAN_OVERRIDES,
  type HolidayKind,
} from './calendar'
import { HOLIDAYS } from './holidays'
import { WorkCalendarSchema } from './schema'

function count(year: string, kind: HolidayKind): number {
  return HOLIDAYS.filter((h) => h.date.startsWith(year) && h.kind === kind).length
}

describe('the shipped holidays (SKB 3 Menteri)', () => {
  it('has no duplicate dates', () => {
    expect(new Set(HOLIDAYS.map((h) => h.date)).size).toBe(HOLIDAYS.length)
  })

  it('has only real dates, in order, each with a name and a decree', () => {
    for (const h of HOLIDAYS) {
      expect(Number.isNaN(dayNumberOf(h.date)), h.date).toBe(false)
      expect(h.name.trim(), h.date).not.toBe('')
      expect(h.source, h.date).toMatch(/^SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No\. \d+ Tahun \d{4}/)
    }
    expect(HOLIDAYS.map((h) => h.date)).toEqual([...HOLIDAYS.map((h) => h.date)].sort())
  })

  it.each([
    ['2025', 17, 11],
    ['2026', 17, 8],
    ['2027', 18, 8],
  ])('%s has %i days of libur nasional and %i of cuti bersama', (year, nasional, cuti) => {
    expect(count(year, 'libur_nasional')).toBe(nasional)
    expect(count(year, 'cuti_bersama')).toBe(cuti)
    expect(count(year, 'lokal')).toBe(0)
  })

  it('cites the right decree for each year, and the 2025 amendment for 18 August 2025', () => {
    const sourceOf = (date: string) => HOLIDAYS.find((h) => h.date === date)?.source
    expect(sourceOf('2025-12-26')).toContain('No. 1017 Tahun 2024')
    expect(sourceOf('2025-08-18')).toContain('No. 933 Tahun 2025')
    expect(sourceOf('2026-03-20')).toContain('No. 1497 Tahun 2025')
    expect(sourceOf('2027-03-09')).toContain('No. 1205 Tahun 2026')
  })

  // Weekdays as the decrees print them; a typo in a date would almost always land on another weekday.
  it.each([
    ['2025-01-27', 1],
    ['2025-03-31', 1],
    ['2025-04-07', 1],
    ['2025-08-18', 1],
    ['2025-12-26', 5],
    ['2026-01-01', 4],
    ['2026-02-16', 1],
    ['2026-03-17', 2],
    ['2026-03-18', 3],
    ['2026-03-21', 6],
    ['2026-05-27', 3],
    ['2026-12-24', 4],
    ['2027-03-08', 1],
    ['2027-03-10', 3],
    ['2027-03-25', 4],
    ['2027-12-26', 7],
  ] as const)('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekdayOfDate(date)).toBe(weekday)
  })
})

describe('officeDayOn', () => {
  it('gives the weekday hours on an ordinary day', () => {
    expect(officeDayOn(DEFAULT_CALENDAR, '2026-11-24')).toEqual({ hours: DEFAULT_WEEK[2], holiday: null, override: null })
    expect(officeDayOn(DEFAULT_CALENDAR, '2026-11-28')).toEqual({ hours: null, holiday: null, override: null })
  })

  it('closes the office on a holiday and names it', () => {
    const info = officeDayOn(DEFAULT_CALENDAR, '2026-03-21')
    expect(info.hours).toBeNull()
    expect(info.holiday?.name).toBe('Hari Raya Idul Fitri 1447 Hijriah')
    expect(info.holiday?.kind).toBe('libur_nasional')
  })

  it('applies the Ramadan hours on weekdays within Ramadan only', () => {
    const ramadan = officeDayOn(DEFAULT_CALENDAR, '2026-02-19')
    expect(ramadan.override?.id).toBe('ramadan-1447')
    expect(ramadan.hours).toEqual({ open: '08:00', close: '15:00', breaks: [{ start: '12:00', end: '12:30' }] })
    expect(officeDayOn(DEFAULT_CALENDAR, '2026-02-18').override).toBeNull()
    expect(officeDayOn(DEFAULT_CALENDAR, '2026-02-21')).toEqual({ hours: null, holiday: null, override: null })
    expect(officeDayOn(DEFAULT_CALENDAR, '2025-03-07').hours).toEqual({
      open: '08:00',
      close: '15:30',
      breaks: [{ start: '11:30', end: '12:30' }],
    })
    // An override naming a weekday as undefined leaves it to the normal week; null closes it.
    const cal = { ...DEFAULT_CALENDAR, overrides: [{ ...RAMADAN_OVERRIDES[1]!, week: { 4: undefined, 5: null } }] }
    expect(officeDayOn(cal, '2026-02-19')).toEqual({ hours: DEFAULT_WEEK[4], holiday: null, override: null })
    expect(officeDayOn(cal, '2026-02-20').hours).toBeNull()
    expect(officeDayOn(cal, '2026-02-20').override?.id).toBe('ramadan-1447')
    expect(RAMADAN_OVERRIDES.map((o) => [o.from, o.to])).toEqual([
      ['2025-03-01', '2025-03-30'],
      ['2026-02-19', '2026-03-20'],
    ])
  })
})

describe('local dates', () => {
  it('converts between WITA wall clock and instants', () => {
    expect(localInstant(DEFAULT_CALENDAR, '2026-11-25 07:59').toISOString()).toBe('2026-11-24T23:59:00.000Z')
    expect(localDateOf(DEFAULT_CALENDAR, new Date('2026-11-24T23:59:00Z'))).toBe('2026-11-25')
    expect(localDateOf(DEFAULT_CALENDAR, new Date('2026-11-24T15:59:00Z'))).toBe('2026-11-24')
    expect(() => localInstant(DEFAULT_CALENDAR, '2026-02-30 10:00')).toThrow(RangeError)
  })
})

describe('the default calendar', () => {
  it('passes the administrator schema unchanged', () => {
    const parsed = WorkCalendarSchema.safeParse(DEFAULT_CALENDAR)
    expect(parsed.success ? [] : parsed.error.issues).toEqual([])
  })
})
