import type { Waktu } from '../domain/template'
import {
  clockMinutes,
  dateOfDayNumber,
  DAY_MS,
  HOUR_MS,
  isoWeekdayOfDay,
  MINUTE_MS,
  officeDayWith,
  type Holiday,
  type OfficeDayInfo,
  type WorkCalendar,
} from './calendar'

/*
 * Working-time arithmetic on a WorkCalendar (DESIGN.md §4). Pure functions of their arguments:
 * the server computes thresholds with them, the client the live timer, and both agree to the ms.
 *
 * Semantics:
 * - menit and jam count office time only: due = the instant when amount × 1 min / 1 h of office
 *   time has passed after the entry (addWorkingMs). An entry outside office hours simply starts
 *   counting at the next opening.
 * - hari counts working days: due at the same office clock time N working days later. The clock
 *   time is the entry's, except that an entry before opening counts from that day's opening, and
 *   an entry after closing or on a day without office counts from the next opening (clock = its
 *   opening time). An entry during a break keeps its clock time: the break is inside the day. On
 *   the due day the clock time is clamped into that day's [open, close] (a Friday-only late time,
 *   a shorter Ramadan day). 1 minggu = 5 working days.
 * - A working day is a day with office time: holidays (libur nasional, cuti bersama, lokal) and
 *   weekdays without hours have none.
 * - State at an instant: overdue when now > dueAt (wins over everything: a late card stays red at
 *   night); else paused when the office is closed at that instant (break, outside hours, weekend,
 *   holiday), also for a card already at risk, since nothing can be done about it until the office
 *   opens; else at_risk when ≥ 75 % of the standard's office time is used; else on_track.
 *   An instant exactly at dueAt is not yet overdue (100 % used is "at risk", > 100 % is late).
 */

export type TimerState = 'on_track' | 'at_risk' | 'overdue' | 'paused'
export type PauseReason = { kind: 'outside_hours' } | { kind: 'break' } | { kind: 'weekend' } | { kind: 'holiday'; name: string }

export const AT_RISK_RATIO = 0.75

/** Working days in one minggu. */
export const DAYS_PER_MINGGU = 5

/**
 * How long a search for the next working day may run before the calendar is declared broken
 * (no office day in three years is a data error, not a long wait).
 */
const MAX_IDLE_DAYS = 3 * 366

/** One local day as seen by the arithmetic: its office intervals in UTC ms, half-open [start, end). */
interface DayPlan {
  day: number
  info: OfficeDayInfo
  /** Local midnight in UTC ms. */
  midnight: number
  /** open and close in UTC ms; NaN when the day has no office. */
  open: number
  close: number
  intervals: [number, number][]
}

/** Indexes the holidays once per public call; loops then ask day after day. */
class Planner {
  private readonly holidays = new Map<string, Holiday>()
  private readonly plans = new Map<number, DayPlan>()
  readonly offsetMs: number

  constructor(readonly cal: WorkCalendar) {
    this.offsetMs = cal.utcOffsetMinutes * MINUTE_MS
    for (const h of cal.holidays) if (!this.holidays.has(h.date)) this.holidays.set(h.date, h)
  }

  dayOf(ms: number): number {
    return Math.floor((ms + this.offsetMs) / DAY_MS)
  }

  plan(day: number): DayPlan {
    const cached = this.plans.get(day)
    if (cached) return cached
    const date = dateOfDayNumber(day)
    const info = officeDayWith(this.cal, this.holidays.get(date) ?? null, date)
    const midnight = day * DAY_MS - this.offsetMs
    const at = (minutes: number) => midnight + minutes * MINUTE_MS
    let open = Number.NaN
    let close = Number.NaN
    const intervals: [number, number][] = []
    const hours = info.hours
    const openMin = hours ? clockMinutes(hours.open) : Number.NaN
    const closeMin = hours ? clockMinutes(hours.close) : Number.NaN
    if (hours && openMin < closeMin) {
      open = at(openMin)
      close = at(closeMin)
      // Breaks are clipped to the day and taken in order, so unvalidated data cannot make time run backwards.
      const breaks = hours.breaks
        .map((b) => [clockMinutes(b.start), clockMinutes(b.end)] as const)
        .filter(([s, e]) => s < e)
        .sort((a, b) => a[0] - b[0])
      let cursor = openMin
      for (const [s, e] of breaks) {
        const start = Math.max(s, cursor)
        const end = Math.min(e, closeMin)
        if (start >= end) continue
        if (start > cursor) intervals.push([at(cursor), at(start)])
        cursor = Math.max(cursor, end)
      }
      if (cursor < closeMin) intervals.push([at(cursor), at(closeMin)])
    }
    const plan: DayPlan = { day, info, midnight, open, close, intervals }
    this.plans.set(day, plan)
    return plan
  }

  isWorkingDay(day: number): boolean {
    return this.plan(day).intervals.length > 0
  }

  /** The first working day after `day`. */
  nextWorkingDay(day: number): number {
    for (let d = day + 1; d <= day + MAX_IDLE_DAYS; d++) if (this.isWorkingDay(d)) return d
    throw noWorkingDayError(this.cal, day)
  }
}

function noWorkingDayError(cal: WorkCalendar, day: number): Error {
  return new Error(
    `Work calendar has no office day for ${MAX_IDLE_DAYS} days after ${dateOfDayNumber(day)} (${cal.zoneLabel}); check its weekly hours, overrides and holidays`,
  )
}

/** Why no working time passes at `at`, or null when the office is open then. */
export function pauseReasonAt(cal: WorkCalendar, at: Date): PauseReason | null {
  return pauseReason(new Planner(cal), at.getTime())
}

function pauseReason(planner: Planner, ms: number): PauseReason | null {
  const plan = planner.plan(planner.dayOf(ms))
  if (plan.info.holiday) return { kind: 'holiday', name: plan.info.holiday.name }
  if (plan.intervals.length === 0) {
    // A weekday closed by an override is not a weekend; say "outside hours" rather than mislabel it.
    return isoWeekdayOfDay(plan.day) >= 6 ? { kind: 'weekend' } : { kind: 'outside_hours' }
  }
  if (ms < plan.open || ms >= plan.close) return { kind: 'outside_hours' }
  return plan.intervals.some(([s, e]) => s <= ms && ms < e) ? null : { kind: 'break' }
}

/** Office time between two instants, in ms; 0 if `to` is not after `from`. */
export function workingMsBetween(cal: WorkCalendar, from: Date, to: Date): number {
  return workingMs(new Planner(cal), from.getTime(), to.getTime())
}

function workingMs(planner: Planner, a: number, b: number): number {
  if (!(b > a)) return 0
  let total = 0
  for (let day = planner.dayOf(a), last = planner.dayOf(b); day <= last; day++) {
    for (const [s, e] of planner.plan(day).intervals) {
      const lo = Math.max(s, a)
      const hi = Math.min(e, b)
      if (hi > lo) total += hi - lo
    }
  }
  return total
}

/**
 * The earliest instant at which `ms` of office time has passed after `from`. It can be a closing
 * time or the start of a break (the time is used up exactly then). With ms = 0 it is `from` itself,
 * even outside office hours.
 */
export function addWorkingMs(cal: WorkCalendar, from: Date, ms: number): Date {
  return new Date(addMs(new Planner(cal), from.getTime(), ms))
}

function addMs(planner: Planner, start: number, ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`addWorkingMs needs a finite, non-negative duration, got ${ms}`)
  if (ms === 0) return start
  let remaining = ms
  let idle = 0
  for (let day = planner.dayOf(start); ; day++) {
    let worked = false
    for (const [s, e] of planner.plan(day).intervals) {
      if (e <= start) continue
      const lo = Math.max(s, start)
      worked = true
      if (remaining <= e - lo) return lo + remaining
      remaining -= e - lo
    }
    idle = worked ? 0 : idle + 1
    if (idle > MAX_IDLE_DAYS) throw noWorkingDayError(planner.cal, day - idle)
  }
}

function checkAmount(waktu: Waktu): void {
  if (!Number.isFinite(waktu.amount) || waktu.amount <= 0) throw new RangeError(`Waktu amount must be positive, got ${waktu.amount}`)
  if ((waktu.unit === 'hari' || waktu.unit === 'minggu') && !Number.isInteger(waktu.amount)) {
    throw new RangeError(`Waktu in ${waktu.unit} must be a whole number, got ${waktu.amount}`)
  }
}

/** Where a count of working days starts from `entry`: its working day and its office clock time (see the semantics above). */
function dayCountStart(planner: Planner, entry: number): { day: number; clock: number } {
  const plan = planner.plan(planner.dayOf(entry))
  if (plan.intervals.length > 0 && entry < plan.close) return { day: plan.day, clock: Math.max(entry, plan.open) - plan.midnight }
  const next = planner.plan(planner.nextWorkingDay(plan.day))
  return { day: next.day, clock: next.open - next.midnight }
}

/** The office clock time `clock` on `day`, clamped into its [open, close]. */
function atClockOn(planner: Planner, day: number, clock: number): number {
  const plan = planner.plan(day)
  return Math.min(Math.max(plan.midnight + clock, plan.open), plan.close)
}

/** Due instant of N working days after `entry`, at the same office clock time (see the semantics above). */
function addWorkingDays(planner: Planner, entry: number, n: number): number {
  let { day, clock } = dayCountStart(planner, entry)
  for (let i = 0; i < n; i++) day = planner.nextWorkingDay(day)
  return atClockOn(planner, day, clock)
}

/** A stretch of working time as a hari step counts it: whole working days, then the office time left over. */
export interface DaySplit {
  days: number
  restMs: number
}

function daysBetween(planner: Planner, from: number, to: number): DaySplit {
  if (to <= from) return { days: 0, restMs: 0 }
  let { day, clock } = dayCountStart(planner, from)
  let days = 0
  let reached = from
  // Each whole day is one more "same clock time, next working day", as the due instant is found.
  for (;;) {
    const next = planner.nextWorkingDay(day)
    const at = atClockOn(planner, next, clock)
    if (at > to) break
    days++
    day = next
    reached = at
  }
  return { days, restMs: workingMs(planner, reached, to) }
}

/** The working time from `from` to `to` in working days and the office time beyond the last whole one. */
export function workingDaysBetween(cal: WorkCalendar, from: Date, to: Date): DaySplit {
  return daysBetween(new Planner(cal), from.getTime(), to.getTime())
}

function due(planner: Planner, entry: number, waktu: Waktu): number {
  checkAmount(waktu)
  switch (waktu.unit) {
    case 'menit':
      return addMs(planner, entry, Math.round(waktu.amount * MINUTE_MS))
    case 'jam':
      return addMs(planner, entry, Math.round(waktu.amount * HOUR_MS))
    case 'hari':
      return addWorkingDays(planner, entry, waktu.amount)
    case 'minggu':
      return addWorkingDays(planner, entry, waktu.amount * DAYS_PER_MINGGU)
  }
}

/** The due instant, the at-risk instant and the office time between the entry and the due instant. */
function thresholds(planner: Planner, entry: number, waktu: Waktu): { dueAt: number; atRiskAt: number; standardMs: number } {
  const dueAt = due(planner, entry, waktu)
  const standardMs = workingMs(planner, entry, dueAt)
  // Rounded up, so that at atRiskAt the used share is ≥ AT_RISK_RATIO exactly as timerAt judges it.
  return { dueAt, atRiskAt: addMs(planner, entry, Math.ceil(AT_RISK_RATIO * standardMs)), standardMs }
}

/** When the step entered at `entry` with standard `waktu` is due. */
export function dueAt(cal: WorkCalendar, entry: Date, waktu: Waktu): Date {
  return new Date(due(new Planner(cal), entry.getTime(), waktu))
}

/** Both thresholds of a step; what the server stores on the card when it enters the step. */
export function thresholdsOf(cal: WorkCalendar, entry: Date, waktu: Waktu): { atRiskAt: Date; dueAt: Date } {
  const t = thresholds(new Planner(cal), entry.getTime(), waktu)
  return { atRiskAt: new Date(t.atRiskAt), dueAt: new Date(t.dueAt) }
}

/** When AT_RISK_RATIO of the step's office time is used. */
export function atRiskAt(cal: WorkCalendar, entry: Date, waktu: Waktu): Date {
  return thresholdsOf(cal, entry, waktu).atRiskAt
}

export interface TimerReading {
  /** Office time used since the entry. */
  elapsedMs: number
  /** Office time between the entry and the due instant (a hari step: the office time those days hold). */
  standardMs: number
  /** standardMs − elapsedMs; negative when overdue. */
  remainingMs: number
  usedRatio: number
  state: TimerState
  /** Why the office is closed at `now` (also reported for an overdue card); null when it is open. */
  pause: PauseReason | null
  dueAt: Date
  atRiskAt: Date
  /**
   * For a hari or minggu step, the time used, left and late in working days and the office time
   * beyond them ("sisa 4 hari 3 jam"); null for menit and jam steps, which count office time.
   */
  days: { standard: DaySplit; elapsed: DaySplit; remaining: DaySplit; late: DaySplit } | null
}

/** The timer of a step entered at `entry`, read at `now`. */
export function timerAt(cal: WorkCalendar, entry: Date, waktu: Waktu, now: Date): TimerReading {
  const planner = new Planner(cal)
  const t = thresholds(planner, entry.getTime(), waktu)
  const at = now.getTime()
  const elapsedMs = workingMs(planner, entry.getTime(), at)
  const pause = pauseReason(planner, at)
  let state: TimerState
  if (at > t.dueAt) state = 'overdue'
  else if (pause) state = 'paused'
  else if (elapsedMs >= AT_RISK_RATIO * t.standardMs) state = 'at_risk'
  else state = 'on_track'
  return {
    elapsedMs,
    standardMs: t.standardMs,
    remainingMs: t.standardMs - elapsedMs,
    usedRatio: t.standardMs > 0 ? elapsedMs / t.standardMs : at > t.dueAt ? 1 : 0,
    state,
    pause,
    dueAt: new Date(t.dueAt),
    atRiskAt: new Date(t.atRiskAt),
    days:
      waktu.unit === 'hari' || waktu.unit === 'minggu'
        ? {
            standard: daysBetween(planner, entry.getTime(), t.dueAt),
            elapsed: daysBetween(planner, entry.getTime(), at),
            remaining: daysBetween(planner, at, t.dueAt),
            late: daysBetween(planner, t.dueAt, at),
          }
        : null,
  }
}
