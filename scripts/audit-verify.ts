/**
 * `npm run audit:verify`: checks every card's chain of events (server/ledger) and names the first
 * broken link of each card whose chain does not hold. Exit 0 when all hold, 1 otherwise.
 *
 * Like `npm run backup`, it opens the database itself (MONGODB_URI, or an embedded DATA_DIR no
 * server holds), or else asks the running server (GET /api/admin/audit at PAPAN_URL) with
 * `Authorization: Bearer $BACKUP_TOKEN`.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { serverAnswers } from '../server/backup/remote'
import { loadConfig } from '../server/platform/config'
import { openDatabase } from '../server/platform/db/open'
import type { AuditReport } from '../server/ledger/audit'
import { auditLedger } from '../server/ledger/audit'
import { createLogger } from '../server/platform/logger'

const config = loadConfig()
const log = createLogger('warn')
const baseUrl = process.env.PAPAN_URL || `http://127.0.0.1:${config.port}`

function fail(message: string): never {
  process.stderr.write(`audit failed: ${message}\n`)
  process.exit(2)
}

async function direct(): Promise<AuditReport | null> {
  if (!config.mongoUri && !existsSync(path.join(config.dataDir, 'ferretdb'))) fail(`there is no database in ${config.dataDir} (DATA_DIR)`)
  let database
  try {
    database = await openDatabase(config, log)
  } catch (err) {
    // The pid-file lock: the server holds this DATA_DIR, so it is asked instead.
    if (/already using/.test((err as Error).message)) return null
    throw err
  }
  try {
    return await auditLedger(database.db)
  } finally {
    await database.close()
  }
}

async function viaServer(): Promise<AuditReport> {
  if (!config.backupToken) fail(`the server holds ${config.dataDir}; set BACKUP_TOKEN to the value it was started with.`)
  if (!(await serverAnswers(baseUrl))) fail(`${config.dataDir} is in use, but no server answers at ${baseUrl}: set PAPAN_URL.`)
  const res = await fetch(new URL('/api/admin/audit', baseUrl), { headers: { authorization: `Bearer ${config.backupToken}` } })
  if (!res.ok) fail(`the server refused: HTTP ${res.status} ${await res.text()}`)
  return (await res.json()) as AuditReport
}

async function main() {
  const report = (await direct()) ?? (await viaServer())
  process.stdout.write(`${report.cards} cards, ${report.events} events checked at ${report.checkedAt}\n`)
  if (!report.breaks.length) {
    process.stdout.write('every chain holds\n')
    return
  }
  for (const b of report.breaks) process.stdout.write(`BROKEN card ${b.cardId}: event ${b.seq} (${b.reason})\n`)
  process.exitCode = 1
}

main().catch((err: unknown) => fail((err as Error).message))
