import { useI18n } from 'vue-i18n'
import type { Waktu } from '../../../shared/sop/template'
import { elapsedParts, formatWita, type AppLocale } from '../lib/time'

/** Locale-aware formatting of times and SOP durations for templates. */
export function useFormat() {
  const { t, locale } = useI18n()

  /** "25 Nov 2026, 14.30 WITA" */
  function wita(at: string | number | Date): string {
    return formatWita(at, locale.value as AppLocale)
  }

  /** Plain elapsed time: "2 j 15 m", "3 h 4 j", "< 1 m". */
  function elapsed(ms: number): string {
    const { days, hours, minutes } = elapsedParts(ms)
    if (days > 0) return t('time.daysHours', { d: days, h: hours })
    if (hours > 0) return t('time.hoursMinutes', { h: hours, m: minutes })
    if (minutes > 0) return t('time.minutes', { m: minutes })
    return t('time.underMinute')
  }

  /** A step's standard time: "2 hari", "15 menit", "1 week". */
  function waktu(w: Waktu): string {
    return t(`waktu.${w.unit}`, { n: w.amount }, w.amount)
  }

  return { wita, elapsed, waktu }
}
