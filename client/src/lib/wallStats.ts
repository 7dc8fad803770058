import type { CardDto, HistoryEntryDto } from '../../../shared/schemas/board'
import { finishedStep, stepOf, type SopTemplate } from '../../../shared/sop/template'
import type { WorkCalendar } from '../../../shared/time/calendar'
import { AT_RISK_RATIO, timerAt, type TimerReading } from '../../../shared/time/workingTime'

/** How many moves the wall's ticker shows; also how much history each card keeps on the wall. */
export const TICKER_SIZE = 8

export interface TickerEntry {
  key: string
  at: string
  by: string
  unit: string
  kind: HistoryEntryDto['kind']
  from: { step: number; lane: string }
  to: { step: number; lane: string }
}

/**
 * What the wall keeps of a card: its place, its clock and its last moves. Notes, visits and older
 * history are dropped, so a wall that runs for months holds the same amount whatever happens.
 */
export function slimCard(card: CardDto): CardDto {
  return { ...card, notes: [], visits: [], checklist: [], history: card.history.slice(-TICKER_SIZE) }
}

/** The latest moves of the whole cycle, newest first. */
export function tickerOf(cards: Iterable<CardDto>, size = TICKER_SIZE): TickerEntry[] {
  const entries: TickerEntry[] = []
  for (const card of cards) {
    for (const e of card.history) {
      if (e.kind === 'create' || !e.from) continue
      entries.push({ key: e.opId, at: e.at, by: e.by.name, unit: card.unit.shortName, kind: e.kind, from: e.from, to: e.to })
    }
  }
  // ISO 8601 instants in UTC sort as strings.
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, size)
}

export interface CycleProgressNow {
  units: number
  finished: number
  stepsDone: number
  stepsTotal: number
}

export function progressOf(template: SopTemplate, cards: CardDto[]): CycleProgressNow {
  const last = finishedStep(template)
  const steps = template.steps.length
  return {
    units: cards.length,
    finished: cards.filter((c) => c.step >= last).length,
    stepsDone: cards.reduce((sum, c) => sum + Math.min(c.step - 1, steps), 0),
    stepsTotal: steps * cards.length,
  }
}

/** The step clock of every running card at `now`; finished cards have none. */
export function readingsAt(template: SopTemplate, calendar: WorkCalendar, cards: CardDto[], now: Date): Map<string, TimerReading> {
  const readings = new Map<string, TimerReading>()
  for (const card of cards) {
    const step = stepOf(template, card.step)
    if (!step) continue
    try {
      readings.set(card.id, timerAt(calendar, new Date(card.enteredStepAt), step.waktu, now))
    } catch {
      // A calendar the arithmetic cannot use (no office day for years): no clock rather than no wall.
    }
  }
  return readings
}

/** At risk: ≥ 75 % of the standard used and not yet overdue, also while paused (it is still at risk). */
export function isAtRisk(r: TimerReading): boolean {
  return r.state === 'at_risk' || (r.state === 'paused' && r.usedRatio >= AT_RISK_RATIO && r.remainingMs >= 0)
}

export function countsOf(readings: Map<string, TimerReading>): { atRisk: number; overdue: number } {
  let atRisk = 0
  let overdue = 0
  for (const r of readings.values()) {
    if (r.state === 'overdue') overdue++
    else if (isAtRisk(r)) atRisk++
  }
  return { atRisk, overdue }
}

const clockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** "14.02": an office clock in WITA, whatever the TV's zone. */
export function witaHhMm(at: number | Date): string {
  const parts = clockFormat.formatToParts(at)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '--'
  return `${part('hour')}.${part('minute')}`
}
