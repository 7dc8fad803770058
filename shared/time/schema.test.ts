import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, type Holiday, type WorkCalendar } from './calendar'
import { MAX_HOLIDAYS, WorkCalendarSchema } from './schema'

/** The messages of a parse, as 'path: message', or [] when it passes. */
function problems(value: unknown): string[] {
  const result = WorkCalendarSchema.safeParse(value)
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

const base: WorkCalendar = { ...DEFAULT_CALENDAR, overrides: [], holidays: [] }
const monday = (hours: unknown) => ({ ...base, week: { ...base.week, 1: hours } })
const holiday = (h: Partial<Holiday>): Holiday => ({ date: '2026-11-26', name: 'Libur contoh', kind: 'lokal', source: 'Keputusan Bupati', ...h })

describe('WorkCalendarSchema', () => {
  it('accepts a valid calendar and keeps it as it is', () => {
    expect(problems(base)).toEqual([])
    expect(WorkCalendarSchema.parse(DEFAULT_CALENDAR)).toEqual(DEFAULT_CALENDAR)
  })

  it.each([
    ['a clock time without a leading zero', monday({ open: '7:30', close: '16:00', breaks: [] }), '1.open: jam harus berformat JJ:MM, 00:00–23:59'],
    ['hour 24', monday({ open: '07:30', close: '24:00', breaks: [] }), '1.close: jam harus berformat JJ:MM, 00:00–23:59'],
    ['closing before opening', monday({ open: '16:00', close: '07:30', breaks: [] }), '1.close: jam tutup harus sesudah jam buka'],
    ['closing at opening', monday({ open: '07:30', close: '07:30', breaks: [] }), '1.close: jam tutup harus sesudah jam buka'],
    [
      'a break ending before it starts',
      monday({ open: '07:30', close: '16:00', breaks: [{ start: '13:00', end: '12:00' }] }),
      '1.breaks.0.end: akhir istirahat harus sesudah mulainya',
    ],
    [
      'a break outside office hours',
      monday({ open: '07:30', close: '16:00', breaks: [{ start: '15:30', end: '16:30' }] }),
      '1.breaks.0: waktu istirahat harus di dalam jam kantor',
    ],
    [
      'overlapping breaks',
      monday({ open: '07:30', close: '16:00', breaks: [{ start: '12:00', end: '13:00' }, { start: '12:30', end: '13:30' }] }),
      '1.breaks.1.start: waktu istirahat harus berurutan dan tidak tumpang tindih',
    ],
    [
      'breaks out of order',
      monday({ open: '07:30', close: '16:00', breaks: [{ start: '14:00', end: '14:15' }, { start: '10:00', end: '10:15' }] }),
      '1.breaks.1.start: waktu istirahat harus berurutan dan tidak tumpang tindih',
    ],
    [
      'a break covering the whole day',
      monday({ open: '07:30', close: '16:00', breaks: [{ start: '07:30', end: '16:00' }] }),
      '1.breaks: waktu istirahat tidak boleh menutup seluruh jam kantor',
    ],
  ])('refuses %s', (_label, value, message) => {
    expect(problems(value).map((p) => p.replace(/^week\./, ''))).toContain(message)
  })

  it('refuses a week without any office day and a missing weekday', () => {
    expect(problems({ ...base, week: { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null } })).toEqual([
      'week: minimal satu hari kerja dalam seminggu',
    ])
    const { 7: _sunday, ...sixDays } = base.week
    expect(problems({ ...base, week: sixDays }).length).toBeGreaterThan(0)
  })

  it('refuses bad overrides', () => {
    const override = { id: 'ramadan', name: 'Ramadan', from: '2026-02-19', to: '2026-03-20', week: {}, source: 'Perpres 21/2023' }
    expect(problems({ ...base, overrides: [override] })).toEqual([])
    expect(problems({ ...base, overrides: [{ ...override, to: '2026-02-18' }] })).toEqual([
      'overrides.0.to: tanggal akhir tidak boleh sebelum tanggal mulai',
    ])
    expect(problems({ ...base, overrides: [{ ...override, from: '2026-02-30' }] })).toContain('overrides.0.from: tanggal tidak ada di kalender')
    expect(problems({ ...base, overrides: [{ ...override, name: '  ' }] })).toEqual(['overrides.0.name: nama tidak boleh kosong'])
    expect(problems({ ...base, overrides: [{ ...override, week: { 8: null } }] }).length).toBeGreaterThan(0)
    expect(problems({ ...base, overrides: [override, { ...override, id: 'lain', name: 'Lain', from: '2026-03-20', to: '2026-03-31' }] })).toEqual([
      'overrides.1.from: rentang tanggal tumpang tindih dengan "Ramadan"',
    ])
    expect(problems({ ...base, overrides: [override, { ...override, from: '2027-02-01', to: '2027-03-01' }] })).toEqual([
      'overrides.1.id: id "ramadan" sudah dipakai',
    ])
  })

  it('refuses bad holidays', () => {
    expect(problems({ ...base, holidays: [holiday({})] })).toEqual([])
    expect(problems({ ...base, holidays: [holiday({ date: '26-11-2026' })] })).toContain('holidays.0.date: tanggal harus berformat TTTT-BB-HH')
    expect(problems({ ...base, holidays: [holiday({ date: '2027-02-29' })] })).toContain('holidays.0.date: tanggal tidak ada di kalender')
    expect(problems({ ...base, holidays: [holiday({ name: '' })] })).toEqual(['holidays.0.name: nama tidak boleh kosong'])
    expect(problems({ ...base, holidays: [holiday({ source: '' })] })).toEqual(['holidays.0.source: sumber (dasar hukum) tidak boleh kosong'])
    expect(problems({ ...base, holidays: [{ ...holiday({}), kind: 'nasional' }] })).toEqual([
      'holidays.0.kind: jenis libur harus libur_nasional, cuti_bersama atau lokal',
    ])
    expect(problems({ ...base, holidays: [holiday({}), holiday({ name: 'Kembar' })] })).toEqual([
      'holidays.1.date: tanggal 2026-11-26 sudah ada ("Libur contoh")',
    ])
  })

  it(`refuses more than ${MAX_HOLIDAYS} holidays`, () => {
    const many = Array.from({ length: MAX_HOLIDAYS + 1 }, (_, i) => holiday({ date: new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10) }))
    expect(problems({ ...base, holidays: many.slice(0, MAX_HOLIDAYS) })).toEqual([])
    expect(problems({ ...base, holidays: many })).toEqual([`holidays: paling banyak ${MAX_HOLIDAYS} hari libur`])
  })

  it('refuses unknown fields and a fractional offset', () => {
    expect(problems({ ...base, extra: 1 }).length).toBeGreaterThan(0)
    expect(problems({ ...base, utcOffsetMinutes: 480.5 })).toEqual(['utcOffsetMinutes: selisih UTC harus bilangan bulat (menit)'])
    expect(problems({ ...base, zoneLabel: '' })).toEqual(['zoneLabel: label zona tidak boleh kosong'])
  })
})
