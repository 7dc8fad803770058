import type { HistoryRow, VisitRow } from '../../shared/reports/exportRows'
import { localDateTime } from '../../shared/reports/exportRows'
import type { WorkCalendar } from '../../shared/time/calendar'
import type { ExportWords } from './words'

/** Instants in CSV: "YYYY-MM-DD HH:MM" in the calendar's zone (WITA). */
export const csvTime = (cal: WorkCalendar) => (at: Date) => localDateTime(cal, at)

/**
 * CSV the way an Indonesian office opens it: Excel with the id-ID regional settings expects `;`
 * between fields and a decimal comma, and reads UTF-8 only with a byte-order mark. So: UTF-8 with
 * BOM, `;` separators, decimal comma, CRLF line ends, RFC 4180 quoting, times as
 * 'YYYY-MM-DD HH:MM' in WITA (the header says so).
 */

export const CSV_SEPARATOR = ';'
const BOM = '\uFEFF'

type Cell = string | number | null

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function field(value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value).replace('.', ',')
  const text = neutralised(value)
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(field).join(CSV_SEPARATOR)).join('\r\n') + '\r\n'
}

/** The Kunjungan export's columns in order; their headers are the reader's words for them. */
export const VISIT_COLUMNS = [
  'unit',
  'unitShort',
  'step',
  'stepTitle',
  'role',
  'enteredAt',
  'leftAt',
  'workingMinutes',
  'standardMinutes',
  'withinStandard',
  'round',
  'movedBy',
  'note',
] as const satisfies readonly (keyof ExportWords['visits'])[]

export const visitHeader = (w: ExportWords): string[] => VISIT_COLUMNS.map((c) => w.visits[c])

/**
 * One row of the Kunjungan export, shared by CSV and XLSX; `time` writes an instant the way the
 * format wants it (text in WITA for CSV, a date cell for XLSX).
 */
export function visitCells<T>(r: VisitRow, time: (at: Date) => T, w: ExportWords): (Cell | T)[] {
  return [
    r.unit,
    r.unitShort,
    r.step,
    r.stepTitle ?? w.finished,
    r.role,
    time(r.enteredAt),
    r.leftAt ? time(r.leftAt) : null,
    r.workingMinutes,
    r.standardMinutes,
    r.withinStandard === null ? '' : r.withinStandard ? w.yes : w.no,
    r.round,
    r.movedBy,
    r.note,
  ]
}

export const HISTORY_COLUMNS = ['unit', 'unitShort', 'at', 'kind', 'by', 'fromStep', 'fromRole', 'toStep', 'toRole', 'note'] as const satisfies readonly (keyof ExportWords['history'])[]

export const historyHeader = (w: ExportWords): string[] => HISTORY_COLUMNS.map((c) => w.history[c])

export function historyCells<T>(r: HistoryRow, time: (at: Date) => T, w: ExportWords): (Cell | T)[] {
  return [r.unit, r.unitShort, time(r.at), w.kinds[r.kind], r.by, r.fromStep, r.fromRole, r.toStep, r.toRole, r.note]
}
