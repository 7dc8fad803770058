import { Router, type Response } from 'express'
import { z } from 'zod'
import { cycleStats } from '../../shared/reports/cycleStats'
import type { CycleDashboard } from '../../shared/reports/dashboard'
import { exportBaseName, historyRows, stepSummaryRows, visitRows } from '../../shared/reports/exportRows'
import { ObjectId } from '../../shared/protocol/common'
import type { CycleDto } from '../../shared/protocol/cycles'
import type { Clock } from '../platform/clock'
import { currentUser } from '../platform/http/middleware'
import { csvTime, historyCells, historyHeader, toCsv, visitCells, visitHeader } from './csv'
import type { ReportsRepository } from './repository'
import { ExportQuery, exportWords, type ExportWords } from './words'
import { cycleWorkbook } from './xlsx'

const Params = z.object({ id: ObjectId })

/** `attachment` with an ASCII name and the RFC 5987 form, so every browser saves it under that name. */
function download(res: Response, fileName: string, type: string, body: string | Buffer) {
  res.setHeader('Content-Type', type)
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
  res.setHeader('Cache-Control', 'no-store')
  res.send(body)
}

/** The words of an export, in the language of the page that linked to it (`?lang=id|en`). */
function wordsOf(query: unknown): ExportWords {
  return exportWords(ExportQuery.parse(query).lang)
}

/** "monev-triwulan-i-2027", "monev-quarter-i-2027". */
function baseName(cycle: CycleDto, w: ExportWords): string {
  return exportBaseName(cycle.templateId, w.cycleTitle(cycle))
}

/**
 * The cycle's numbers for anyone signed in: the dashboard and report data (JSON), the visits as
 * XLSX and CSV, and the audit trail as CSV. Everything is computed from the cards at the server's
 * clock, so an export taken twice at the same instant is the same file.
 */
export function reportsRoutes({ reports, clock }: { reports: ReportsRepository; clock: Clock }): Router {
  const router = Router()

  router.get('/cycles/:id/stats', async (req, res) => {
    currentUser(req)
    const { id } = Params.parse(req.params)
    const now = clock()
    const data = await reports.load(id)
    const prev = await reports.previousOf(data.cycle)
    const body: CycleDashboard = {
      cycle: data.cycle,
      template: data.template,
      stats: cycleStats({ cards: data.cards, template: data.template, calendar: data.calendar, now }),
      previous: prev
        ? { cycle: prev.cycle, summary: cycleStats({ cards: prev.cards, template: prev.template, calendar: prev.calendar, now }).summary }
        : null,
      serverTime: now.toISOString(),
    }
    res.setHeader('Cache-Control', 'no-store')
    res.json(body)
  })

  router.get('/cycles/:id/export.xlsx', async (req, res) => {
    currentUser(req)
    const { id } = Params.parse(req.params)
    const words = wordsOf(req.query)
    const now = clock()
    const { cycle, template, cards, calendar } = await reports.load(id)
    const visits = visitRows(cards, template, calendar, now)
    const file = await cycleWorkbook({
      title: `${template.identity.name} — ${words.cycleTitle(cycle)}`,
      cal: calendar,
      visits,
      summary: stepSummaryRows(visits, template),
      history: historyRows(cards, template),
      createdAt: now,
      words,
    })
    download(res, `${baseName(cycle, words)}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file)
  })

  router.get('/cycles/:id/export.csv', async (req, res) => {
    currentUser(req)
    const { id } = Params.parse(req.params)
    const words = wordsOf(req.query)
    const { cycle, template, cards, calendar } = await reports.load(id)
    const rows = visitRows(cards, template, calendar, clock()).map((r) => visitCells(r, csvTime(calendar), words))
    download(res, `${baseName(cycle, words)}.csv`, 'text/csv; charset=utf-8', toCsv(visitHeader(words), rows))
  })

  router.get('/cycles/:id/audit.csv', async (req, res) => {
    currentUser(req)
    const { id } = Params.parse(req.params)
    const words = wordsOf(req.query)
    const { cycle, template, cards, calendar } = await reports.load(id)
    const rows = historyRows(cards, template).map((r) => historyCells(r, csvTime(calendar), words))
    download(res, `${baseName(cycle, words)}-${words.historyFile}.csv`, 'text/csv; charset=utf-8', toCsv(historyHeader(words), rows))
  })

  return router
}
