import type { z } from '../zod'
import { HOLIDAYS } from './holidays'
import type { HolidaySchema, HoursOverrideSchema, OfficeDaySchema, WeekHoursSchema, WorkCalendarSchema } from './schema'

/**
 * The agency's working calendar as data: office hours per weekday, dated overrides (Ramadan) and
 * holidays. Pure: no I/O, no date library. Local dates and clock times are those of the calendar's
 * zone, which is a fixed offset from UTC (WITA is UTC+8 and has no daylight saving), so all
 * arithmetic is done in UTC milliseconds shifted by `utcOffsetMinutes`.
 */

// The calendar's types are those of its schemas (shared/time/schema.ts), so what the server
// accepts and what the arithmetic assumes cannot drift apart.

/** Office hours of one day, local clock times 'HH:MM'; breaks lie inside [open, close] and are ordered. */
export type OfficeDay = z.infer<typeof OfficeDaySchema>

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7]

/** Every weekday's hours; `null` = no office that day. */
export type WeekHours = z.infer<typeof WeekHoursSchema>

/** Replaces the hours of the weekdays it names for every date in [from, to] (YYYY-MM-DD, inclusive); other weekdays keep the normal week. */
export type HoursOverride = z.infer<typeof HoursOverrideSchema>

export type HolidayKind = Holiday['kind']
export const HOLIDAY_KINDS: readonly HolidayKind[] = ['libur_nasional', 'cuti_bersama', 'lokal']

/** A local date (YYYY-MM-DD) off work, and the decree that makes it so (`source`). */
export type Holiday = z.infer<typeof HolidaySchema>

/**
 * `timeZone` is the IANA name, for display and for clients that format with Intl
 * ('Asia/Makassar'); `zoneLabel` is shown after times ('WITA'); `utcOffsetMinutes` is the zone's
 * fixed offset, which the arithmetic uses, never the host's zone.
 */
export type WorkCalendar = z.infer<typeof WorkCalendarSchema>

const MON_THU: OfficeDay = { open: '07:30', close: '16:00', breaks: [{ start: '12:00', end: '13:00' }] }
const FRIDAY: OfficeDay = { open: '07:30', close: '16:30', breaks: [{ start: '11:30', end: '13:00' }] }

/**
 * Perpres 21/2023 (Hari dan Jam Kerja Instansi Pemerintah dan Pegawai ASN): 37.5 hours a week over
 * five days. Mon–Thu 7.5 h + Fri 7.5 h; Friday's longer break leaves room for Friday prayer.
 */
export const DEFAULT_WEEK: WeekHours = {
  1: MON_THU,
  2: MON_THU,
  3: MON_THU,
  4: MON_THU,
  5: FRIDAY,
  6: null,
  7: null,
}

/**
 * Ramadan hours. Since Perpres 21/2023 MenPAN-RB no longer issues a yearly circular: the Perpres
 * itself sets 32 h 30 min a week during Ramadan, starting 08.00 local time, with a 30-minute break
 * (60 minutes on Friday). The clock times below are the five-day pattern KemenPAN-RB published
 * with it (and used in its earlier circulars, e.g. SE MenPAN-RB 6/2023): Mon–Thu 08.00–15.00 with
 * 12.00–12.30, Fri 08.00–15.30 with 11.30–12.30 = 4 × 6.5 h + 6.5 h = 32.5 h. The Pejabat Pembina
 * Kepegawaian may set other break times; an administrator edits them here.
 */
const RAMADAN_MON_THU: OfficeDay = { open: '08:00', close: '15:00', breaks: [{ start: '12:00', end: '12:30' }] }
const RAMADAN_FRIDAY: OfficeDay = { open: '08:00', close: '15:30', breaks: [{ start: '11:30', end: '12:30' }] }
const RAMADAN_WEEK: Partial<WeekHours> = {
  1: RAMADAN_MON_THU,
  2: RAMADAN_MON_THU,
  3: RAMADAN_MON_THU,
  4: RAMADAN_MON_THU,
  5: RAMADAN_FRIDAY,
}
const RAMADAN_SOURCE =
  'Perpres 21/2023 (32 jam 30 menit per minggu selama Ramadan, mulai 08.00, istirahat 30 menit, Jumat 60 menit)'

/**
 * Dates of Ramadan as the government fixed them (sidang isbat of the Kementerian Agama); the last
 * day is the eve of Idul Fitri in the SKB. Ramadan 1448 H (≈ February–March 2027) is not here:
 * its first day is fixed by the sidang isbat in February 2027, so an administrator adds it then.
 */
export const RAMADAN_OVERRIDES: HoursOverride[] = [
  {
    id: 'ramadan-1446',
    name: 'Jam kerja bulan Ramadan 1446 H',
    from: '2025-03-01',
    to: '2025-03-30',
    week: RAMADAN_WEEK,
    source: `${RAMADAN_SOURCE}; 1 Ramadan 1446 H = 1 Maret 2025 (sidang isbat Kemenag 28 Februari 2025)`,
  },
  {
    id: 'ramadan-1447',
    name: 'Jam kerja bulan Ramadan 1447 H',
    from: '2026-02-19',
    to: '2026-03-20',
    week: RAMADAN_WEEK,
    source: `${RAMADAN_SOURCE}; 1 Ramadan 1447 H = 19 Februari 2026 (sidang isbat Kemenag 17 Februari 2026)`,
  },
]

export const DEFAULT_CALENDAR: WorkCalendar = {
  timeZone: 'Asia/Makassar',
  zoneLabel: 'WITA',
  utcOffsetMinutes: 480,
  week: DEFAULT_WEEK,
  overrides: RAMADAN_OVERRIDES,
  holidays: HOLIDAYS,
}

export interface OfficeDayInfo {
  /** The hours that apply that day; `null` on a holiday or a day without office. */
  hours: OfficeDay | null
  holiday: Holiday | null
  /** The override whose hours apply that day (it names that weekday), if any. */
  override: HoursOverride | null
}

/**
 * What the office does on a local date. A holiday wins over everything. Otherwise the first
 * override whose range holds the date and that names its weekday supplies the hours (the schema
 * forbids overlapping overrides, so "first" only matters for unvalidated data); else the week.
 */
export function officeDayOn(cal: WorkCalendar, localDate: string): OfficeDayInfo {
  return officeDayWith(cal, cal.holidays.find((h) => h.date === localDate) ?? null, localDate)
}

/** `officeDayOn` with the holiday already looked up, so loops over days can index holidays once. */
export function officeDayWith(cal: WorkCalendar, holiday: Holiday | null, localDate: string): OfficeDayInfo {
  if (holiday) return { hours: null, holiday, override: null }
  const weekday = isoWeekdayOfDate(localDate)
  for (const o of cal.overrides) {
    // Plain string comparison works: both sides are zero-padded YYYY-MM-DD.
    // A weekday the override does not name (undefined) keeps the normal week; null closes it.
    const hours = o.week[weekday]
    if (o.from <= localDate && localDate <= o.to && hours !== undefined) return { hours, holiday: null, override: o }
  }
  return { hours: cal.week[weekday] ?? null, holiday: null, override: null }
}

// ---------------------------------------------------------------------------------------------
// Local dates as day numbers (days since 1970-01-01 in the calendar's zone).

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes after local midnight of 'HH:MM', or NaN when it is not a valid clock time. */
export function clockMinutes(hhmm: string): number {
  const m = CLOCK_RE.exec(hhmm)
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN
}

/** Day number of a 'YYYY-MM-DD' date, or NaN when it is not a real calendar date (e.g. 2026-02-30). */
export function dayNumberOf(localDate: string): number {
  const m = DATE_RE.exec(localDate)
  if (!m) return Number.NaN
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return dateOfDayNumber(ms / DAY_MS) === localDate ? ms / DAY_MS : Number.NaN
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function isoWeekdayOfDay(day: number): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7 + 1) as IsoWeekday
}

export function isoWeekdayOfDate(localDate: string): IsoWeekday {
  return isoWeekdayOfDay(dayNumberOf(localDate))
}

/** The local calendar date of an instant, 'YYYY-MM-DD'. */
export function localDateOf(cal: WorkCalendar, at: Date): string {
  return dateOfDayNumber(Math.floor((at.getTime() + cal.utcOffsetMinutes * MINUTE_MS) / DAY_MS))
}

/** Parses 'YYYY-MM-DD HH:MM' as a local wall-clock time of the calendar's zone. */
export function localInstant(cal: WorkCalendar, localDateTime: string): Date {
  const [date = '', time = ''] = localDateTime.trim().split(/[ T]/)
  const day = dayNumberOf(date)
  const minutes = clockMinutes(time)
  if (Number.isNaN(day) || Number.isNaN(minutes)) throw new RangeError(`Not a local date-time 'YYYY-MM-DD HH:MM': ${localDateTime}`)
  return new Date(day * DAY_MS + (minutes - cal.utcOffsetMinutes) * MINUTE_MS)
}
