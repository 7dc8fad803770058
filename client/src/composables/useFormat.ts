import { useI18n } from 'vue-i18n'
import type { Waktu } from '@shared/domain/template'
import { formatWita, type AppLocale } from '../lib/time'
import { formatDuration, type Rounding } from '../lib/duration'
import { cycleTitle } from '../i18n/cycleTitle'

/** Locale-aware formatting of times and SOP durations for templates. */
export function useFormat() {
  const { t, locale } = useI18n()

  /** "25 Nov 2026, 14.30 WITA" */
  function wita(at: string | number | Date): string {
    return formatWita(at, locale.value as AppLocale)
  }

  /** Working time (office hours only): "1 j 20 m", "40 m", "45 dtk"; the sign is dropped. Time left is rounded up. */
  function duration(ms: number, rounding: Rounding = 'floor'): string {
    return formatDuration(ms, { h: t('duration.h'), m: t('duration.m'), s: t('duration.s') }, rounding)
  }

  /** A step's standard time: "2 hari", "15 menit", "1 week". */
  function waktu(w: Waktu): string {
    return t(`waktu.${w.unit}`, { n: w.amount }, w.amount)
  }

  return { wita, duration, waktu, cycleTitle }
}
