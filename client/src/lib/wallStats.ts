import { effectiveWaktu } from '@shared/domain/stepClock'
import type { WallCard, WallMove } from '@shared/protocol/displays'
import { WALL_TICKER_SIZE } from '@shared/protocol/constants'
import { stepOf, type SopTemplate } from '@shared/domain/template'
import type { WorkCalendar } from '@shared/time/calendar'
import { AT_RISK_RATIO, timerAt, type TimerReading } from '@shared/time/workingTime'

/** How many moves the wall's ticker shows (and keeps). */
export const TICKER_SIZE = WALL_TICKER_SIZE

export interface TickerEntry {
  key: string
  at: string
  unit: string
  kind: WallMove['kind']
  from: { step: number; lane: string }
  to: { step: number; lane: string }
}

const moveKey = (m: WallMove) => `${m.cardId}:${m.version}`

/**
 * The moves the wall keeps: the latest `size` of those held and those just heard, newest first,
 * each once (a fact may overtake a snapshot that holds it too). Bounded, however long the wall runs.
 */
export function latestMoves(held: WallMove[], heard: WallMove[], size = TICKER_SIZE): WallMove[] {
  const byKey = new Map<string, WallMove>()
  for (const m of [...held, ...heard]) byKey.set(moveKey(m), m)
  // ISO 8601 instants in UTC sort as strings.
  return [...byKey.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, size)
}

/** The ticker's lines: each move with its unit's short name. */
export function tickerOf(moves: WallMove[], cards: Record<string, WallCard>): TickerEntry[] {
  return moves.map((m) => ({ key: moveKey(m), at: m.at, unit: cards[m.cardId]?.unit.shortName ?? '', kind: m.kind, from: m.from, to: m.to }))
}

/** The step clock of every running card at `now`; finished cards have none. */
export function readingsAt(template: SopTemplate, calendar: WorkCalendar, cards: WallCard[], now: Date): Map<string, TimerReading> {
  const readings = new Map<string, TimerReading>()
  for (const card of cards) {
    const step = stepOf(template, card.step)
    if (!step) continue
    try {
      readings.set(card.id, timerAt(calendar, new Date(card.enteredStepAt), effectiveWaktu(step.waktu, card.extended), now))
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
