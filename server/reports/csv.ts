import type { HistoryRow, VisitRow } from '../../shared/reports/exportRows'
import { localDateTime } from '../../shared/reports/exportRows'
import type { WorkCalendar } from '../../shared/time/calendar'

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

export const VISIT_HEADER = [
  'Unit',
  'Langkah',
  'Uraian langkah',
  'Peran',
  'Masuk (WITA)',
  'Keluar (WITA)',
  'Waktu kerja (menit)',
  'Standar (menit)',
  'Sesuai standar',
  'Putaran',
  'Dipindahkan oleh',
  'Catatan',
]

export function visitCells(r: VisitRow, cal: WorkCalendar): Cell[] {
  return [
    r.unit,
    r.step,
    r.stepTitle,
    r.role,
    localDateTime(cal, r.enteredAt),
    r.leftAt ? localDateTime(cal, r.leftAt) : null,
    r.workingMinutes,
    r.standardMinutes,
    r.withinStandard,
    r.round,
    r.movedBy,
    r.note,
  ]
}

export const HISTORY_HEADER = ['Unit', 'Waktu (WITA)', 'Jenis', 'Oleh', 'Dari langkah', 'Dari peran', 'Ke langkah', 'Ke peran', 'Catatan', 'Id operasi']

export function historyCells(r: HistoryRow, cal: WorkCalendar): Cell[] {
  return [r.unit, localDateTime(cal, r.at), r.kind, r.by, r.fromStep, r.fromRole, r.toStep, r.toRole, r.note, r.opId]
}
