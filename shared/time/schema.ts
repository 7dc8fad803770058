import { z } from '../zod'
import { clockMinutes, dayNumberOf, ISO_WEEKDAYS } from './calendar'

/*
 * Validation of an administrator's edit of the work calendar. Everything the arithmetic in
 * workingTime.ts assumes is checked here, so a saved calendar cannot make a timer run backwards
 * or search forever. The messages are for logs; the calendar editor words each issue from its
 * path, zod's code and a cross-field rule's `rule` param (client/src/lib/calendarIssues.ts).
 */

export const MAX_BREAKS_PER_DAY = 5
export const MAX_OVERRIDES = 100
export const MAX_HOLIDAYS = 500

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'jam harus berformat JJ:MM, 00:00–23:59')

const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal harus berformat TTTT-BB-HH')
  .refine((d) => !Number.isNaN(dayNumberOf(d)), 'tanggal tidak ada di kalender')
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'tanggal harus antara tahun 2000 dan 2100')

const Name = z.string().trim().min(1, 'nama tidak boleh kosong').max(200, 'nama paling panjang 200 karakter')
const Source = z.string().trim().min(1, 'sumber (dasar hukum) tidak boleh kosong').max(300, 'sumber paling panjang 300 karakter')

export const OfficeDaySchema = z
  .strictObject({
    open: Clock,
    close: Clock,
    breaks: z
      .array(z.strictObject({ start: Clock, end: Clock }))
      .max(MAX_BREAKS_PER_DAY, `paling banyak ${MAX_BREAKS_PER_DAY} waktu istirahat sehari`),
  })
  .superRefine((day, ctx) => {
    const open = clockMinutes(day.open)
    const close = clockMinutes(day.close)
    if (!(open < close)) {
      ctx.addIssue({ code: 'custom', path: ['close'], message: 'jam tutup harus sesudah jam buka', params: { rule: 'close_after_open' } })
      return
    }
    let previousEnd = open
    day.breaks.forEach((b, i) => {
      const start = clockMinutes(b.start)
      const end = clockMinutes(b.end)
      if (!(start < end)) {
        ctx.addIssue({ code: 'custom', path: ['breaks', i, 'end'], message: 'akhir istirahat harus sesudah mulainya', params: { rule: 'break_end' } })
      } else if (start < open || end > close) {
        ctx.addIssue({ code: 'custom', path: ['breaks', i], message: 'waktu istirahat harus di dalam jam kantor', params: { rule: 'break_inside' } })
      } else if (start < previousEnd) {
        ctx.addIssue({ code: 'custom', path: ['breaks', i, 'start'], message: 'waktu istirahat harus berurutan dan tidak tumpang tindih', params: { rule: 'break_order' } })
      }
      if (start < end) previousEnd = Math.max(previousEnd, end)
    })
    if (day.breaks.length > 0 && day.breaks.every((b) => clockMinutes(b.start) <= open && clockMinutes(b.end) >= close)) {
      ctx.addIssue({ code: 'custom', path: ['breaks'], message: 'waktu istirahat tidak boleh menutup seluruh jam kantor', params: { rule: 'breaks_cover' } })
    }
  })

const DayHours = OfficeDaySchema.nullable()

/** All seven ISO weekdays (1 = Senin … 7 = Minggu), each with hours or null for "tutup". */
export const WeekHoursSchema = z
  .strictObject({ 1: DayHours, 2: DayHours, 3: DayHours, 4: DayHours, 5: DayHours, 6: DayHours, 7: DayHours })
  .refine((week) => ISO_WEEKDAYS.some((d) => week[d] !== null), 'minimal satu hari kerja dalam seminggu')

export const HoursOverrideSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id harus 1–64 karakter A-Z, a-z, 0-9, _ atau -'),
    name: Name,
    from: LocalDate,
    to: LocalDate,
    week: z.strictObject({ 1: DayHours, 2: DayHours, 3: DayHours, 4: DayHours, 5: DayHours, 6: DayHours, 7: DayHours }).partial(),
    source: Source,
  })
  .refine((o) => o.from <= o.to, { path: ['to'], message: 'tanggal akhir tidak boleh sebelum tanggal mulai', params: { rule: 'date_range' } })

export const HolidaySchema = z.strictObject({
  date: LocalDate,
  name: Name,
  kind: z.enum(['libur_nasional', 'cuti_bersama', 'lokal'], { error: 'jenis libur harus libur_nasional, cuti_bersama atau lokal' }),
  source: Source,
})

export const WorkCalendarSchema = z
  .strictObject({
    timeZone: z.string().trim().min(1, 'zona waktu tidak boleh kosong').max(64),
    zoneLabel: z.string().trim().min(1, 'label zona tidak boleh kosong').max(10, 'label zona paling panjang 10 karakter'),
    utcOffsetMinutes: z.int('selisih UTC harus bilangan bulat (menit)').min(-720, 'selisih UTC paling kecil −12 jam').max(840, 'selisih UTC paling besar +14 jam'),
    week: WeekHoursSchema,
    overrides: z.array(HoursOverrideSchema).max(MAX_OVERRIDES, `paling banyak ${MAX_OVERRIDES} pengaturan jam khusus`),
    holidays: z.array(HolidaySchema).max(MAX_HOLIDAYS, `paling banyak ${MAX_HOLIDAYS} hari libur`),
  })
  .superRefine((cal, ctx) => {
    const ids = new Map<string, number>()
    cal.overrides.forEach((o, i) => {
      if (ids.has(o.id)) ctx.addIssue({ code: 'custom', path: ['overrides', i, 'id'], message: `id "${o.id}" sudah dipakai`, params: { rule: 'id_taken', id: o.id } })
      else ids.set(o.id, i)
      // Overlaps are refused so that exactly one override decides a date's hours.
      for (let j = 0; j < i; j++) {
        const other = cal.overrides[j]
        if (other && o.from <= other.to && other.from <= o.to) {
          ctx.addIssue({ code: 'custom', path: ['overrides', i, 'from'], message: `rentang tanggal tumpang tindih dengan "${other.name}"`, params: { rule: 'overlap', name: other.name } })
          break
        }
      }
    })
    const dates = new Map<string, number>()
    cal.holidays.forEach((h, i) => {
      const first = dates.get(h.date)
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i, 'date'],
          message: `tanggal ${h.date} sudah ada ("${cal.holidays[first]?.name ?? ''}")`,
          params: { rule: 'date_taken', date: h.date, name: cal.holidays[first]?.name ?? '' },
        })
      } else dates.set(h.date, i)
    })
  })
