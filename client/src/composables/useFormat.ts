import { useI18n } from 'vue-i18n'
import type { Waktu } from '@shared/domain/template'
import { DAYS_PER_MINGGU } from '@shared/time/workingTime'
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

  /**
   * Office time spent in a step, in the step's own unit: a hari or minggu step in working days to
   * a tenth ("4,5 hari"), measured against its standard (`standardMs` is the office time its
   * `visits` stays were allowed, so one working day is that over the standard's days). Others as `duration`.
   */
  function stepTime(ms: number, w: Waktu | undefined, standardMs: number, visits: number): string {
    const perVisit = w?.unit === 'hari' ? w.amount : w?.unit === 'minggu' ? w.amount * DAYS_PER_MINGGU : 0
    if (!perVisit || visits <= 0 || standardMs <= 0) return duration(ms)
    const n = Math.round((ms / (standardMs / (perVisit * visits))) * 10) / 10
    return `${n.toLocaleString(locale.value, { maximumFractionDigits: 1 })}\u00a0${t('duration.d')}`
  }

  /** A step's standard time: "2 hari", "15 menit", "1 week". */
  function waktu(w: Waktu): string {
    return t(`waktu.${w.unit}`, { n: w.amount }, w.amount)
  }

  return { wita, duration, days, stepTime, waktu, cycleTitle }
}
