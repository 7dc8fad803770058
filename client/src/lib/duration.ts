/**
 * Working-time durations as the board prints them ("1 j 20 m", "40 m", "45 dtk"). Minutes are
 * the resolution the office thinks in; seconds appear only under a minute, so a card that just
 * arrived, or is about to run out, still visibly counts. Unit words come from i18n.
 */

export interface DurationParts {
  hours: number
  minutes: number
  seconds: number
}

export interface DurationWords {
  /** Suffix after working days: 'hari' / 'd'. */
  d: string
  /** Suffix after hours: 'j' (jam) / 'h'. */
  h: string
  /** Suffix after minutes: 'm' / 'min'. */
  m: string
  /** Suffix after seconds: 'dtk' (detik) / 's'. */
  s: string
}

/**
 * How a duration is cut to whole units. Time used is floored (a timer never claims time not yet
 * passed); time left is rounded up, so "13 m dipakai · sisa 2 m" adds up to a 15-minute standard
 * and "sisa 1 m" turns into seconds only when less than a minute is left.
 */
export type Rounding = 'floor' | 'ceil'

/** Whole hours, minutes and seconds of |ms|; under a minute to the second, otherwise to the minute. */
export function durationParts(ms: number, rounding: Rounding = 'floor'): DurationParts {
  const abs = Number.isFinite(ms) ? Math.abs(ms) : 0
  const round = rounding === 'ceil' ? Math.ceil : Math.floor
  const seconds = round(abs / 1000)
  if (seconds < 60) return { hours: 0, minutes: 0, seconds }
  const minutes = round(abs / 60_000)
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60, seconds: 0 }
}

/** Between a number and its unit: a no-break space, so "15" and "m" never land on two lines. */
const NBSP = '\u00a0'

/**
 * "1 j 20 m", "2 j" (no "0 m"), "40 m", "45 dtk", "0 m" for nothing at all; each number is bound
 * to its unit by a no-break space, the groups by plain spaces (a line may break between them). The sign is dropped:
 * callers say "sisa" or "lewat". Hours are not folded into days here: a working day is 7.5 h on
 * most days, 6.5 h in Ramadan and 0 on a holiday; formatDays counts days the calendar's way.
 */
export function formatDuration(ms: number, words: DurationWords, rounding: Rounding = 'floor'): string {
  const { hours, minutes, seconds } = durationParts(ms, rounding)
  const part = (n: number, unit: string) => `${n}${NBSP}${unit}`
  if (hours > 0) return minutes > 0 ? `${part(hours, words.h)} ${part(minutes, words.m)}` : part(hours, words.h)
  if (minutes > 0) return part(minutes, words.m)
  if (seconds > 0) return part(seconds, words.s)
  return part(0, words.m)
}

/**
 * A hari or minggu step's time in working days and the hours beyond them ("4 hari 3 j"), split by
 * the calendar (shared/time/workingTime.ts workingDaysBetween); under a day, as formatDuration.
 */
export function formatDays(split: { days: number; restMs: number }, words: DurationWords, rounding: Rounding = 'floor'): string {
  if (split.days === 0) return formatDuration(split.restMs, words, rounding)
  const hours = (rounding === 'ceil' ? Math.ceil : Math.floor)(split.restMs / 3_600_000)
  const days = `${split.days}${NBSP}${words.d}`
  return hours > 0 ? `${days} ${hours}${NBSP}${words.h}` : days
}
