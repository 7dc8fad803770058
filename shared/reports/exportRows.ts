import type { HistoryEntryDto } from '../protocol/board'
import { finishedStep, stepOf, type SopTemplate } from '../domain/template'
import { MINUTE_MS, type WorkCalendar } from '../time/calendar'
import { laneName, resolveVisits, type StatsCard } from './cycleStats'

/**
 * The rows of the cycle's exports (XLSX sheets, CSV files), as typed values: numbers stay numbers,
 * instants stay instants and flags and kinds stay codes until a writer formats them in the
 * reader's language. Everything is read at `now`: an open visit has no "left" and its working
 * time is the office time used so far.
 */

export interface VisitRow {
  unit: string
  unitShort: string
  step: number
  /** The step's title in the template; null for the virtual last column ("Selesai" in the reader's words). */
  stepTitle: string | null
  /** The lanes that held the card during the visit, in order ("Kepala Bidang → Kasubag Program"). */
  role: string
  enteredAt: Date
  leftAt: Date | null
  workingMinutes: number
  standardMinutes: number
  /** Null while the visit is open (not judged yet). */
  withinStandard: boolean | null
  round: number
  movedBy: string
  note: string
}

export interface StepSummaryRow {
  step: number
  stepTitle: string
  visits: number
  closed: number
  workingMinutes: number
  standardMinutes: number
  withinStandard: number
  /** Percentage of closed visits within standard, or null before any closed. */
  withinPercent: number | null
}

export interface HistoryRow {
  unit: string
  unitShort: string
  at: Date
  kind: HistoryEntryDto['kind']
  by: string
  fromStep: number | null
  fromRole: string
  toStep: number
  toRole: string
  note: string
}

/** Minutes with at most two decimals: office time is kept to the millisecond, nobody reads that. */
export function minutesOf(ms: number): number {
  return Math.round((ms / MINUTE_MS) * 100) / 100
}

/** A step's title; null for the virtual last column, which the template does not name. */
export function stepTitleOf(template: SopTemplate, step: number): string | null {
  return step === finishedStep(template) ? null : (stepOf(template, step)?.title ?? '')
}

/** Every visit of every card, card by card (in the cycle's order), visits in the order they happened. */
export function visitRows(cards: StatsCard[], template: SopTemplate, cal: WorkCalendar, now: Date): VisitRow[] {
  return cards.flatMap((card) =>
    resolveVisits(card, cal, now).map(
      (v): VisitRow => ({
        unit: card.unit.name,
        unitShort: card.unit.shortName,
        step: v.step,
        stepTitle: stepTitleOf(template, v.step),
        role: v.segments.map((s) => laneName(template, s.lane)).join(' → '),
        enteredAt: v.enteredAt,
        leftAt: v.leftAt,
        workingMinutes: minutesOf(v.workingMs),
        standardMinutes: minutesOf(v.standardMs),
        withinStandard: v.withinStandard,
        round: v.round,
        movedBy: v.openedBy?.by.name ?? '',
        note: v.openedBy?.note ?? '',
      }),
    ),
  )
}

export function stepSummaryRows(rows: VisitRow[], template: SopTemplate): StepSummaryRow[] {
  return template.steps.map((s) => {
    const here = rows.filter((r) => r.step === s.no)
    const closed = here.filter((r) => r.leftAt)
    const within = closed.filter((r) => r.withinStandard === true).length
    return {
      step: s.no,
      stepTitle: s.title,
      visits: here.length,
      closed: closed.length,
      workingMinutes: minutesOf(here.reduce((sum, r) => sum + r.workingMinutes * MINUTE_MS, 0)),
      standardMinutes: minutesOf(here.reduce((sum, r) => sum + r.standardMinutes * MINUTE_MS, 0)),
      withinStandard: within,
      withinPercent: closed.length ? Math.round((within / closed.length) * 1000) / 10 : null,
    }
  })
}

/** The full history of every card (the audit trail), card by card, oldest first. */
export function historyRows(cards: StatsCard[], template: SopTemplate): HistoryRow[] {
  return cards.flatMap((card) =>
    card.history.map(
      (h): HistoryRow => ({
        unit: card.unit.name,
        unitShort: card.unit.shortName,
        at: new Date(h.at),
        kind: h.kind,
        by: h.by.name,
        fromStep: h.from?.step ?? null,
        fromRole: h.from ? laneName(template, h.from.lane) : '',
        toStep: h.to.step,
        toRole: laneName(template, h.to.lane),
        note: h.note,
      }),
    ),
  )
}

/** 'YYYY-MM-DD HH:MM' on the calendar's wall clock (WITA): unambiguous, and spreadsheets read it as a date. */
export function localDateTime(cal: WorkCalendar, at: Date): string {
  const shifted = new Date(at.getTime() + cal.utcOffsetMinutes * MINUTE_MS)
  return shifted.toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * The file name of a cycle's export: "monev-triwulan-i-2027" ("monev-quarter-i-2027") from the
 * template id's first word and the cycle's title in the reader's words, ASCII only so every
 * browser and mail client keeps it.
 */
export function exportBaseName(templateId: string, title: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .toLowerCase()
      .trim()
      .replace(/[\s_-]+/g, '-')
  const prefix = slug(templateId.split('-')[0] ?? '')
  return [prefix, slug(title)].filter(Boolean).join('-')
}
