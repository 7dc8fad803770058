/**
 * `npm run backup -- [--out FILE] [--direct | --server]`: writes one archive (gzip'd Extended-JSON
 * lines) of everything in the database: users, cycles with their template, cards with history,
 * notes, visits and documents, the calendar, notifications, wall displays, GridFS files.
 *
 * How it reaches the database:
 * - MONGODB_URI set: connects to it directly, server running or not.
 * - embedded database, no server holding it: opens DATA_DIR itself, like the server would.
 * - embedded database held by the running server (its pid-file lock): only one process may open
 *   DATA_DIR, so the archive is fetched from the server (GET /api/admin/backup at PAPAN_URL,
 *   default http://127.0.0.1:PORT) with `Authorization: Bearer $BACKUP_TOKEN`, the same value
 *   the server was started with.
 * The file is written as FILE.partial, read back and checked, and only then renamed to FILE.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { inspectArchive, writeArchive } from '../server/backup/archive'
import { downloadBackup, serverAnswers } from '../server/backup/remote'
import { loadConfig } from '../server/platform/config'
import { openDatabase } from '../server/platform/db/open'
import { createLogger } from '../server/platform/logger'

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    /** Never go through the server: fail if it holds the embedded database. */
    direct: { type: 'boolean', default: false },
    /** Always go through the server at PAPAN_URL, even with MONGODB_URI. */
    server: { type: 'boolean', default: false },
  },
})

const config = loadConfig()
const log = createLogger('warn')
const baseUrl = process.env.PAPAN_URL || `http://127.0.0.1:${config.port}`
// npm runs scripts in the package root; a relative --out means the caller's directory (INIT_CWD).
const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out ?? `papan-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson.gz`)
const partial = `${out}.partial`

function fail(message: string): never {
  process.stderr.write(`backup failed: ${message}\n`)
  process.exit(1)
}

class DataDirInUse extends Error {}

async function direct(): Promise<void> {
  // Opening a DATA_DIR creates it: a mistyped one would give a valid, empty backup.
  if (!config.mongoUri && !existsSync(path.join(config.dataDir, 'ferretdb'))) fail(`there is no database in ${config.dataDir} (DATA_DIR)`)
  let database
  try {
    database = await openDatabase(config, log)
  } catch (err) {
    // The pid-file lock: a server (or another script) holds this DATA_DIR right now.
    if (/already using/.test((err as Error).message)) throw new DataDirInUse((err as Error).message)
    throw err
  }
  try {
    const db = database.db.db
    if (!db) throw new Error('the database connection is not open')
    await writeArchive(db, createWriteStream(partial, { mode: 0o600 }))
  } finally {
    await database.close()
  }
}

async function viaServer(): Promise<void> {
  if (!config.backupToken) {
    fail(`the server owns the embedded database in ${config.dataDir}, so the backup must be fetched from it ` +
      `(${baseUrl}). Set BACKUP_TOKEN to the value the server was started with.`)
  }
  if (!(await serverAnswers(baseUrl))) {
    fail(`${config.dataDir} is in use, but no server answers at ${baseUrl}: set PAPAN_URL to the server's address.`)
  }
  await downloadBackup(baseUrl, config.backupToken, partial)
}

/**
 * The embedded DATA_DIR's lock decides, not whether something answers on the port: a server of
 * ANOTHER DATA_DIR on the same port must not be backed up by mistake.
 */
async function main() {
  let how: string
  if (args.server) {
    how = `the running server at ${baseUrl}`
    await viaServer()
  } else if (config.mongoUri) {
    how = 'MONGODB_URI, directly'
    await direct()
  } else {
    try {
      how = `the embedded database in ${config.dataDir}, opened directly (no server holds it)`
      await direct()
    } catch (err) {
      if (!(err instanceof DataDirInUse) || args.direct) throw err
      how = `the running server at ${baseUrl}, which holds ${config.dataDir}`
      await viaServer()
    }
  }
  const summary = await inspectArchive(createReadStream(partial))
  await rename(partial, out)
  const { size } = await stat(out)
  const total = Object.values(summary.counts).reduce((a, b) => a + b, 0)
  process.stdout.write(`Backup of ${how}\n→ ${out} (${(size / 1024).toFixed(1)} KiB, ${total} documents)\n`)
  for (const [name, n] of Object.entries(summary.counts)) process.stdout.write(`  ${name.padEnd(18)} ${n}\n`)
}

main().catch(async (err: unknown) => {
  await rm(partial, { force: true })
  fail((err as Error).message)
})
