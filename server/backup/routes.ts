import { createHash, timingSafeEqual } from 'node:crypto'
import { Router, type Request } from 'express'
import type { Connection } from 'mongoose'
import { AppError } from '../platform/errors'
import { currentAdmin } from '../platform/http/middleware'
import type { Logger } from '../platform/logger'
import { writeArchive } from './archive'

interface BackupDeps {
  db: Connection
  log: Logger
  /** BACKUP_TOKEN: lets `npm run backup` (cron) in with `Authorization: Bearer <token>`. */
  token?: string
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

/** True when the request carries the configured backup token (compared in constant time). */
export function hasBackupToken(req: Request, token: string | undefined): boolean {
  const header = req.headers.authorization
  if (!token || !header?.startsWith('Bearer ')) return false
  return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), digest(token))
}

/**
 * GET /api/admin/backup: streams the archive of the running server's database. This is how a backup
 * reaches the embedded database while the server owns it (only one process may open DATA_DIR).
 */
export function backupRoutes(deps: BackupDeps) {
  const router = Router()

  router.get('/admin/backup', async (req, res) => {
    const viaToken = hasBackupToken(req, deps.token)
    if (!viaToken) {
      if (req.headers.authorization?.startsWith('Bearer ')) {
        deps.log.warn({ ip: req.ip }, 'backup refused: wrong token')
        throw new AppError('UNAUTHENTICATED', 'backup_token')
      }
      currentAdmin(req)
    }
    const db = deps.db.db
    if (!db) throw new Error('the database connection is not open')
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    res.setHeader('Content-Type', 'application/gzip')
    res.setHeader('Content-Disposition', `attachment; filename="papan-backup-${stamp}.ndjson.gz"`)
    res.setHeader('Cache-Control', 'no-store')
    const started = Date.now()
    try {
      const counts = await writeArchive(db, res)
      deps.log.info({ by: viaToken ? 'token' : req.user?.id, counts, ms: Date.now() - started }, 'backup written')
    } catch (err) {
      // The headers are gone: the only way to say "failed" is to cut the stream, which leaves the
      // archive without its end marker, and both the script and a restore refuse such a file.
      deps.log.error({ err }, 'backup failed')
      res.destroy()
    }
  })

  return router
}
