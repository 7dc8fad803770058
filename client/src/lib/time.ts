/**
 * Time display. The agency works in WITA (Asia/Makassar, UTC+8, no DST) whatever zone the
 * browser is in — a laptop set to WIB must still show office times — so every format pins the zone.
 */
export const OFFICE_TIME_ZONE = 'Asia/Makassar'

export type AppLocale = 'id' | 'en'

const witaFormats = new Map<AppLocale, Intl.DateTimeFormat>()

function witaFormat(locale: AppLocale): Intl.DateTimeFormat {
  let format = witaFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
      timeZone: OFFICE_TIME_ZONE,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    witaFormats.set(locale, format)
  }
  return format
}

/** "25 Nov 2026, 14.30 WITA" (id) or "25 Nov 2026, 14:30 WITA" (en). */
export function formatWita(at: string | number | Date, locale: AppLocale): string {
  const date = at instanceof Date ? at : new Date(at)
  if (Number.isNaN(date.getTime())) return '—'
  const parts = witaFormat(locale).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  // Build from parts: id-ID's own joiner differs between engines ("pukul" vs ", ").
  const timeSep = locale === 'en' ? ':' : '.'
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}${timeSep}${part('minute')} WITA`
}

/** Calendar fields of an instant as seen on an office clock in WITA. */
export function witaDateParts(at: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: OFFICE_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at)
  const num = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return { year: num('year'), month: num('month'), day: num('day') }
}

/** The quarter `now` falls in (WITA). */
export function currentQuarter(now: Date): { year: number; quarter: number } {
  const { year, month } = witaDateParts(now)
  return { year, quarter: Math.floor((month - 1) / 3) + 1 }
}
