import { Router } from 'express'
import type { Connection } from 'mongoose'
import { hasBackupToken } from '../backup/routes'
import { currentAdmin } from '../platform/http/middleware'
import type { Logger } from '../platform/logger'
import { auditLedger } from './audit'

/** GET /api/admin/audit: every card's chain checked (an administrator, or the backup token for `npm run audit:verify`). */
export function auditRoutes(deps: { db: Connection; log: Logger; token?: string }): Router {
  const router = Router()
  router.get('/admin/audit', async (req, res) => {
    if (!hasBackupToken(req, deps.token)) currentAdmin(req)
    const report = await auditLedger(deps.db)
    const log = report.breaks.length ? deps.log.warn.bind(deps.log) : deps.log.info.bind(deps.log)
    log({ cards: report.cards, events: report.events, breaks: report.breaks.slice(0, 20) }, 'ledger audited')
    res.setHeader('Cache-Control', 'no-store')
    res.json(report)
  })
  return router
}
