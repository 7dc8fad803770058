import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { CardDto } from '@shared/protocol/board'
import { effectiveWaktu } from '@shared/domain/stepClock'
import { stepOf, type SopTemplate } from '@shared/domain/template'
import type { WorkCalendar } from '@shared/time/calendar'
import { timerAt, type TimerState } from '@shared/time/workingTime'
import { returnOf } from './returned'

/** The states a board can be narrowed to: the step clock's (terlambat, hampir habis, dijeda) and a return. */
export const FILTER_STATES = ['overdue', 'at_risk', 'paused', 'returned'] as const
export type FilterState = (typeof FILTER_STATES)[number]

/**
 * Which cards the board shows. In the URL (`?unit=ppik&lane=kepala_bidang&state=overdue,returned&q=…`),
 * so a narrowed view can be shared as a link. Empty lists mean "all".
 */
export interface BoardFilter {
  unit: string
  lane: string
  states: FilterState[]
  q: string
}

export const NO_FILTER: BoardFilter = Object.freeze({ unit: '', lane: '', states: [], q: '' }) as BoardFilter

const first = (v: LocationQuery[string] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()

export function filterFromQuery(query: LocationQuery): BoardFilter {
  const states = first(query.state)
    .split(',')
    .filter((s): s is FilterState => (FILTER_STATES as readonly string[]).includes(s))
  return { unit: first(query.unit), lane: first(query.lane), states: [...new Set(states)], q: first(query.q).slice(0, 100) }
}

/** The query with the filter's keys set (and the others kept); an unset part leaves no key. */
export function filterToQuery(filter: BoardFilter, query: LocationQuery): LocationQueryRaw {
  const { unit: _u, lane: _l, state: _s, q: _q, ...rest } = query
  return {
    ...rest,
    ...(filter.unit ? { unit: filter.unit } : {}),
    ...(filter.lane ? { lane: filter.lane } : {}),
    ...(filter.states.length ? { state: filter.states.join(',') } : {}),
    ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
  }
}

export function isFiltering(filter: BoardFilter): boolean {
  return !!(filter.unit || filter.lane || filter.states.length || filter.q.trim())
}

export interface FilterContext {
  template: SopTemplate
  calendar: WorkCalendar | null
  /** Server time, ms. */
  now: number
}

/** The state of the card's step clock now (a dispensation counted); null when it has none (finished). */
export function clockStateOf(card: CardDto, ctx: FilterContext): TimerState | null {
  const waktu = stepOf(ctx.template, card.step)?.waktu
  if (!waktu || !ctx.calendar) return null
  return timerAt(ctx.calendar, new Date(card.enteredStepAt), effectiveWaktu(waktu, card.extended), new Date(ctx.now)).state
}

/** The card's states now: its clock's, and whether a return put it where it is. */
function statesOf(card: CardDto, ctx: FilterContext): Set<FilterState> {
  const states = new Set<FilterState>()
  if (returnOf(card)) states.add('returned')
  const clock = clockStateOf(card, ctx)
  if (clock === 'overdue' || clock === 'at_risk' || clock === 'paused') states.add(clock)
  return states
}

/** Whether the card passes the filter: every part set must match; of several states, any one. */
export function cardMatches(card: CardDto, filter: BoardFilter, ctx: FilterContext): boolean {
  if (filter.unit && card.unit.id !== filter.unit) return false
  if (filter.lane && card.lane !== filter.lane) return false
  const q = filter.q.trim().toLocaleLowerCase('id')
  if (q && ![card.unit.shortName, card.unit.name, card.lastNote?.text ?? ''].some((text) => text.toLocaleLowerCase('id').includes(q))) return false
  if (filter.states.length) {
    const states = statesOf(card, ctx)
    if (!filter.states.some((s) => states.has(s))) return false
  }
  return true
}
