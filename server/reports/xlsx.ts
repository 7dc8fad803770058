import ExcelJS from 'exceljs'
import type { HistoryRow, StepSummaryRow, VisitRow } from '../../shared/reports/exportRows'
import { MINUTE_MS, type WorkCalendar } from '../../shared/time/calendar'
import { HISTORY_COLUMNS, VISIT_COLUMNS, historyCells, historyHeader, visitCells, visitHeader } from './csv'
import type { ExportWords } from './words'

/**
 * The cycle as a workbook: Kunjungan (every visit), Ringkasan (per step), Riwayat (the audit
 * trail), sheets and headers named in the reader's words. Numbers are numbers; instants are Excel dates showing the WITA wall clock (Excel dates
 * have no zone, so the instant is shifted by the calendar's offset before it is written).
 */

const DATE_FORMAT = 'yyyy-mm-dd hh:mm'

function wallClock(cal: WorkCalendar, at: Date): Date {
  return new Date(at.getTime() + cal.utcOffsetMinutes * MINUTE_MS)
}

/** `name` comes from the i18n files: Excel takes at most 31 characters, none of []:*?/\ and never "History". */
function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number; format?: string }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.format ? { numFmt: c.format } : {} }))
  ws.getRow(1).font = { bold: true }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  return ws
}

export const SUMMARY_COLUMNS = [
  'step',
  'stepTitle',
  'visits',
  'closed',
  'workingMinutes',
  'standardMinutes',
  'withinStandard',
  'withinPercent',
] as const satisfies readonly (keyof ExportWords['summary'])[]

export async function cycleWorkbook(input: {
  title: string
  cal: WorkCalendar
  visits: VisitRow[]
  summary: StepSummaryRow[]
  history: HistoryRow[]
  createdAt: Date
  words: ExportWords
}): Promise<Buffer> {
  const { cal, words } = input
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Papan SOP'
  wb.title = input.title
  wb.created = input.createdAt
  wb.modified = input.createdAt

  const visitWidths = [24, 11, 9, 48, 34, 17, 17, 12, 12, 10, 9, 24, 40]
  const visits = sheet(
    wb,
    words.sheets.visits,
    visitHeader(words).map((header, i) => {
      const column = VISIT_COLUMNS[i]
      return { header, width: visitWidths[i] ?? 12, format: column === 'enteredAt' || column === 'leftAt' ? DATE_FORMAT : undefined }
    }),
  )
  for (const r of input.visits) {
    visits.addRow(visitCells(r, (at) => wallClock(cal, at), words))
  }

  const summary = sheet(
    wb,
    words.sheets.summary,
    SUMMARY_COLUMNS.map((c, i) => ({ header: words.summary[c], width: i === 1 ? 48 : 14 })),
  )
  for (const r of input.summary) {
    summary.addRow([r.step, r.stepTitle, r.visits, r.closed, r.workingMinutes, r.standardMinutes, r.withinStandard, r.withinPercent])
  }
  const closed = input.summary.reduce((s, r) => s + r.closed, 0)
  const within = input.summary.reduce((s, r) => s + r.withinStandard, 0)
  const total = summary.addRow([
    null,
    words.summary.total,
    input.summary.reduce((s, r) => s + r.visits, 0),
    closed,
    Math.round(input.summary.reduce((s, r) => s + r.workingMinutes, 0) * 100) / 100,
    Math.round(input.summary.reduce((s, r) => s + r.standardMinutes, 0) * 100) / 100,
    within,
    closed ? Math.round((within / closed) * 1000) / 10 : null,
  ])
  total.font = { bold: true }

  const history = sheet(
    wb,
    words.sheets.history,
    historyHeader(words).map((header, i) => ({ header, width: [24, 11, 17, 22, 24, 10, 18, 10, 18, 40][i] ?? 12, format: HISTORY_COLUMNS[i] === 'at' ? DATE_FORMAT : undefined })),
  )
  for (const r of input.history) {
    history.addRow(historyCells(r, (at) => wallClock(cal, at), words))
  }

  return Buffer.from(await wb.xlsx.writeBuffer())
}
