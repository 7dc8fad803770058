import { effectiveWaktu, extendedOf } from '../domain/stepClock'
import type { Position } from '../domain/moves'
import type { FullCard, HistoryEntryDto, PersonRef } from '../protocol/board'
import type { CycleProgress } from '../protocol/cycles'
import { finishedStep, laneOf, stepOf, type SopTemplate, type Unit } from '../domain/template'
import { dateOfDayNumber, dayNumberOf, localDateOf, localInstant, type WorkCalendar } from '../time/calendar'
import { AT_RISK_RATIO, timerAt, workingMsBetween, type TimerState } from '../time/workingTime'
import { cycleProgress, isFinished } from '../domain/progress'

/**
 * What a cycle's dashboard, exports and report say about where the time went, computed from the
 * cards alone (their visits and history), the template the cycle started with and the work
 * calendar, read at `now`. Pure: the server runs it for the API and the exports, tests run it on
 * hand-made cards.
 *
 * An open visit (the step a card is in now) counts with the office time it has used so far, so
 * "actual" means "spent until now"; only closed visits are judged within standard or not.
 */

/** The fields of a card these computations read. */
export type StatsCard = Pick<FullCard, 'id' | 'unit' | 'step' | 'lane' | 'enteredStepAt' | 'rounds' | 'visits' | 'history'>

export interface StatsInput {
  cards: StatsCard[]
  template: SopTemplate
  calendar: WorkCalendar
  now: Date
}

/** One visit with its office time resolved and the lanes that held the card during it. */
export interface ResolvedVisit {
  cardId: string
  unit: Unit
  step: number
  round: number
  enteredAt: Date
  leftAt: Date | null
  /** Stored working time of a closed visit; for an open one the office time until `now`. */
  workingMs: number
  standardMs: number
  /** null while the visit is open. */
  withinStandard: boolean | null
  /** Office time per holding lane, in the order the lanes held the card. */
  segments: { lane: string; workingMs: number }[]
  /** The move that opened the visit (the "create" entry for step 1), if the history has it. */
  openedBy: HistoryEntryDto | null
}

export interface UnitProgress {
  cardId: string
  unit: Unit
  step: number
  lane: string
  finished: boolean
  enteredStepAt: string
  /** Office time in the current step until now (hand-offs within the step keep counting); 0 when finished. */
  timeInStepMs: number
  /** The current visit's standard; 0 when finished. */
  stepStandardMs: number
  /** Timer state of the current step; null when finished. */
  state: TimerState | null
  rounds: number
  /** All visits of the card (the open one until now). */
  actualMs: number
  standardMs: number
}

export interface UnitCell {
  unitId: string
  visits: number
  actualMs: number
  standardMs: number
}

export interface StepStats {
  step: number
  title: string
  shortTitle: string
  visits: number
  closed: number
  /** Closed visits with workingMs ≤ standardMs. */
  withinStandard: number
  actualMs: number
  standardMs: number
  /** Per unit, in the order of the cycle's cards. */
  byUnit: UnitCell[]
}

export interface RoleStats {
  lane: string
  name: string
  /** Office time the card spent in this lane, over all visits (hand-offs split a visit). */
  actualMs: number
  /** Visits this lane held the card in, for at least a moment. */
  visits: number
}

export interface Alert {
  cardId: string
  unit: Unit
  step: number
  lane: string
  state: 'overdue' | 'at_risk'
  elapsedMs: number
  standardMs: number
  dueAt: string
}

export interface FlowDay {
  /** WITA calendar date, 'YYYY-MM-DD'. */
  date: string
  /** The instant the counts were read at: the end of that day, or the end of the series. */
  at: string
  /** Cards in each step of `CycleFlow.steps` at `at`. */
  counts: number[]
}

/** A cumulative flow diagram: per day, how many cards sit in each step (1 … the finished column). */
export interface CycleFlow {
  steps: number[]
  days: FlowDay[]
}

export interface Correction {
  cardId: string
  unit: Unit
  at: string
  by: PersonRef
  from: Position | null
  to: Position
  note: string
}

/** A dispensation granted in the cycle: `amount` units of the Waktu of the step at `to`. */
export interface Extension {
  cardId: string
  unit: Unit
  at: string
  by: PersonRef
  to: Position
  amount: number
  note: string
}

/** The cycle's progress (cycleProgress, the same measure the cycles list and the board show) and its times. */
export interface CycleSummaryStats extends CycleProgress {
  actualMs: number
  standardMs: number
  closedVisits: number
  withinStandard: number
  /** withinStandard / closedVisits, or null before any visit closed. */
  withinShare: number | null
  /** Correction rounds over all cards (returns along a decision's "Tidak"). */
  rounds: number
  /** Dispensations granted over all cards. */
  extensions: number
}

export interface CycleStats {
  now: string
  units: UnitProgress[]
  steps: StepStats[]
  roles: RoleStats[]
  alerts: Alert[]
  flow: CycleFlow
  corrections: Correction[]
  extensions: Extension[]
  summary: CycleSummaryStats
}

/** The most days a flow diagram draws; a cycle left open for years still answers quickly. */
export const MAX_FLOW_DAYS = 400

function time(iso: string): number {
  return Date.parse(iso)
}

/** History oldest first; entries of one instant keep their stored order. */
function chronological(history: HistoryEntryDto[]): HistoryEntryDto[] {
  return history.map((h, i) => ({ h, i })).sort((a, b) => time(a.h.at) - time(b.h.at) || a.i - b.i).map((x) => x.h)
}

/** The card's place at `at` (inclusive) from its history, or null before its first entry. */
export function positionAt(history: HistoryEntryDto[], at: number): Position | null {
  let place: Position | null = null
  for (const h of chronological(history)) {
    if (time(h.at) > at) break
    place = h.to
  }
  return place
}

/**
 * A card's visits with office time and holders. A visit can span hand-offs: its office time is cut
 * at each hand-off's instant (workingMsBetween) and given to the lane that held the card before it.
 * The last piece takes what is left of the stored working time, so the pieces add up to it even if
 * the calendar was edited after the visit closed.
 */
export function resolveVisits(card: StatsCard, cal: WorkCalendar, now: Date): ResolvedVisit[] {
  const history = chronological(card.history)
  return card.visits.map((v) => {
    const enteredAt = new Date(v.enteredAt)
    const leftAt = v.leftAt ? new Date(v.leftAt) : null
    const end = leftAt ?? now
    const workingMs = v.workingMs ?? workingMsBetween(cal, enteredAt, end)
    const openedBy =
      history.find((h) => time(h.at) === enteredAt.getTime() && h.to.step === v.step && h.kind !== 'handoff') ?? null

    const startLane = positionAt(history, enteredAt.getTime())?.lane ?? openedBy?.to.lane ?? card.lane
    const cuts = history.filter((h) => {
      const at = time(h.at)
      return at > enteredAt.getTime() && at < end.getTime() && h.to.step === v.step
    })
    const segments: { lane: string; workingMs: number }[] = []
    let lane = startLane
    let from = enteredAt
    let used = 0
    for (const cut of cuts) {
      const at = new Date(cut.at)
      const ms = Math.min(workingMsBetween(cal, from, at), workingMs - used)
      segments.push({ lane, workingMs: ms })
      used += ms
      lane = cut.to.lane
      from = at
    }
    segments.push({ lane, workingMs: Math.max(0, workingMs - used) })

    return {
      cardId: card.id,
      unit: card.unit,
      step: v.step,
      round: v.round,
      enteredAt,
      leftAt,
      workingMs,
      standardMs: v.standardMs,
      withinStandard: leftAt ? workingMs <= v.standardMs : null,
      segments: mergeSegments(segments),
      openedBy,
    }
  })
}

function mergeSegments(segments: { lane: string; workingMs: number }[]) {
  const out: { lane: string; workingMs: number }[] = []
  for (const s of segments) {
    const last = out.at(-1)
    if (last && last.lane === s.lane) last.workingMs += s.workingMs
    else out.push({ ...s })
  }
  return out
}

function unitProgress(card: StatsCard, visits: ResolvedVisit[], template: SopTemplate, cal: WorkCalendar, now: Date): UnitProgress {
  const finished = isFinished(template, card.step)
  const waktu = finished ? undefined : stepOf(template, card.step)?.waktu
  const timer = waktu ? timerAt(cal, new Date(card.enteredStepAt), effectiveWaktu(waktu, extendedOf(card.visits)), now) : null
  return {
    cardId: card.id,
    unit: card.unit,
    step: card.step,
    lane: card.lane,
    finished,
    enteredStepAt: card.enteredStepAt,
    timeInStepMs: timer?.elapsedMs ?? 0,
    stepStandardMs: timer?.standardMs ?? 0,
    state: timer?.state ?? null,
    rounds: card.rounds,
    actualMs: visits.reduce((s, v) => s + v.workingMs, 0),
    standardMs: visits.reduce((s, v) => s + v.standardMs, 0),
  }
}

/** Overdue and at-risk cards now, overdue first, then the most used share of its standard. */
function alertsOf(cards: StatsCard[], template: SopTemplate, cal: WorkCalendar, now: Date): Alert[] {
  const out: (Alert & { ratio: number })[] = []
  for (const card of cards) {
    if (card.step >= finishedStep(template)) continue
    const waktu = stepOf(template, card.step)?.waktu
    if (!waktu) continue
    const t = timerAt(cal, new Date(card.enteredStepAt), effectiveWaktu(waktu, extendedOf(card.visits)), now)
    // A paused clock is still judged by how much of its standard is used.
    const state = t.state === 'overdue' ? 'overdue' : t.usedRatio >= AT_RISK_RATIO ? 'at_risk' : null
    if (!state) continue
    out.push({
      cardId: card.id,
      unit: card.unit,
      step: card.step,
      lane: card.lane,
      state,
      elapsedMs: t.elapsedMs,
      standardMs: t.standardMs,
      dueAt: t.dueAt.toISOString(),
      ratio: t.usedRatio,
    })
  }
  out.sort((a, b) => (a.state === b.state ? b.ratio - a.ratio : a.state === 'overdue' ? -1 : 1))
  return out.map(({ ratio: _ratio, ...alert }) => alert)
}

/**
 * Per WITA day from the cycle's first entry to `now` (or to the last card's finish), the cards in
 * each step at the end of that day. A return makes a card leave a later step again, so a band can
 * shrink: the diagram shows where the cards were, not the furthest they ever got.
 */
export function flowOf(cards: StatsCard[], template: SopTemplate, cal: WorkCalendar, now: Date): CycleFlow {
  const last = finishedStep(template)
  const steps = Array.from({ length: last }, (_, i) => i + 1)
  const entries = cards.flatMap((c) => c.history.map((h) => time(h.at)))
  if (entries.length === 0) return { steps, days: [] }
  const start = Math.min(...entries)
  const allFinished = cards.length > 0 && cards.every((c) => isFinished(template, c.step))
  const end = Math.max(start, allFinished ? Math.max(...entries) : now.getTime())

  const firstDay = dayNumberOf(localDateOf(cal, new Date(start)))
  const lastDay = dayNumberOf(localDateOf(cal, new Date(end)))
  const days: FlowDay[] = []
  for (let day = Math.max(firstDay, lastDay - MAX_FLOW_DAYS + 1); day <= lastDay; day++) {
    const nextMidnight = localInstant(cal, `${dateOfDayNumber(day + 1)} 00:00`).getTime()
    const at = Math.min(end, nextMidnight - 1)
    const counts = steps.map(() => 0)
    for (const card of cards) {
      const place = positionAt(card.history, at)
      if (place && place.step >= 1 && place.step <= last) counts[place.step - 1]! += 1
    }
    days.push({ date: dateOfDayNumber(day), at: new Date(at).toISOString(), counts })
  }
  return { steps, days }
}

function correctionsOf(cards: StatsCard[]): Correction[] {
  return cards
    .flatMap((card) =>
      card.history
        .filter((h) => h.kind === 'return')
        .map((h): Correction => ({ cardId: card.id, unit: card.unit, at: h.at, by: h.by, from: h.from, to: h.to, note: h.note })),
    )
    .sort((a, b) => time(a.at) - time(b.at))
}

function extensionsOf(cards: StatsCard[]): Extension[] {
  return cards
    .flatMap((card) =>
      card.history
        .filter((h) => h.kind === 'extend')
        .map((h): Extension => ({ cardId: card.id, unit: card.unit, at: h.at, by: h.by, to: h.to, amount: h.amount ?? 0, note: h.note })),
    )
    .sort((a, b) => time(a.at) - time(b.at))
}

export function cycleStats({ cards, template, calendar: cal, now }: StatsInput): CycleStats {
  const visitsByCard = new Map(cards.map((c) => [c.id, resolveVisits(c, cal, now)]))
  const allVisits = cards.flatMap((c) => visitsByCard.get(c.id) ?? [])

  const steps: StepStats[] = template.steps.map((s) => {
    const here = allVisits.filter((v) => v.step === s.no)
    const closed = here.filter((v) => v.leftAt)
    return {
      step: s.no,
      title: s.title,
      shortTitle: s.shortTitle,
      visits: here.length,
      closed: closed.length,
      withinStandard: closed.filter((v) => v.withinStandard).length,
      actualMs: here.reduce((sum, v) => sum + v.workingMs, 0),
      standardMs: here.reduce((sum, v) => sum + v.standardMs, 0),
      byUnit: cards.map((c) => {
        const mine = here.filter((v) => v.cardId === c.id)
        return {
          unitId: c.unit.id,
          visits: mine.length,
          actualMs: mine.reduce((sum, v) => sum + v.workingMs, 0),
          standardMs: mine.reduce((sum, v) => sum + v.standardMs, 0),
        }
      }),
    }
  })

  const roles: RoleStats[] = template.lanes.map((lane) => {
    const held = allVisits.map((v) => v.segments.filter((s) => s.lane === lane.id)).filter((segs) => segs.length > 0)
    return {
      lane: lane.id,
      name: lane.name,
      actualMs: held.flat().reduce((sum, s) => sum + s.workingMs, 0),
      visits: held.length,
    }
  })

  const closed = allVisits.filter((v) => v.leftAt)
  const within = closed.filter((v) => v.withinStandard).length
  const summary: CycleSummaryStats = {
    ...cycleProgress(template, cards.map((c) => c.step)),
    actualMs: allVisits.reduce((sum, v) => sum + v.workingMs, 0),
    standardMs: allVisits.reduce((sum, v) => sum + v.standardMs, 0),
    closedVisits: closed.length,
    withinStandard: within,
    withinShare: closed.length ? within / closed.length : null,
    rounds: cards.reduce((sum, c) => sum + c.rounds, 0),
    extensions: cards.reduce((sum, c) => sum + c.history.filter((h) => h.kind === 'extend').length, 0),
  }

  return {
    now: now.toISOString(),
    units: cards.map((c) => unitProgress(c, visitsByCard.get(c.id) ?? [], template, cal, now)),
    steps,
    roles,
    alerts: alertsOf(cards, template, cal, now),
    flow: flowOf(cards, template, cal, now),
    corrections: correctionsOf(cards),
    extensions: extensionsOf(cards),
    summary,
  }
}

/** A lane's display name from the template (role names are data), or its id. */
export function laneName(template: SopTemplate, lane: string): string {
  return laneOf(template, lane)?.name ?? lane
}
