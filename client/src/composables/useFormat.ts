import { useI18n } from 'vue-i18n'
import type { Waktu } from '@shared/domain/template'
import { formatWita, type AppLocale } from '../lib/time'
import { formatDays, formatDuration, type DurationWords, type Rounding } from '../lib/duration'
import { cycleTitle } from '../i18n/cycleTitle'

/** Locale-aware formatting of times and SOP durations for templates. */
export function useFormat() {
  const { t, locale } = useI18n()

  /** "25 Nov 2026, 14.30 WITA" */
  function wita(at: string | number | Date): string {
    return formatWita(at, locale.value as AppLocale)
  }

  const words = (): DurationWords => ({ d: t('duration.d'), h: t('duration.h'), m: t('duration.m'), s: t('duration.s') })

  /** Working time (office hours only): "1 j 20 m", "40 m", "45 dtk"; the sign is dropped. Time left is rounded up. */
  function duration(ms: number, rounding: Rounding = 'floor'): string {
    return formatDuration(ms, words(), rounding)
  }

  /** A hari step's time in working days and hours beyond: "4 hari 3 j"; under a day as `duration`. */
  function days(split: { days: number; restMs: number }, rounding: Rounding = 'floor'): string {
    return formatDays(split, words(), rounding)
  }

  /** A step's standard time: "2 hari", "15 menit", "1 week". */
  function waktu(w: Waktu): string {
    return t(`waktu.${w.unit}`, { n: w.amount }, w.amount)
  }

  return { wita, duration, days, waktu, cycleTitle }
}
