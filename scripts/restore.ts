/**
 * `npm run restore -- --in FILE [--force]`: loads an archive written by `npm run backup` into the
 * database the server uses (DATA_DIR or MONGODB_URI). It refuses a database that already holds any
 * of the app's data unless --force, which first DROPS the app's collections. The archive is checked
 * in full before anything is touched; afterwards every collection's count is compared with it.
 *
 * Stop the server first. With the embedded database this is enforced (only one process may open
 * DATA_DIR); with MONGODB_URI it is up to you: stop every node before restoring.
 */
import { createReadStream } from 'node:fs'
import { access } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ArchiveError } from '../server/backup/archive'
import { NotEmptyError, restoreArchive } from '../server/backup/restore'
import { systemClock } from '../server/platform/clock'
import { loadConfig } from '../server/platform/config'
import { openDatabase } from '../server/platform/db/open'
import { createLogger } from '../server/platform/logger'

const { values: args } = parseArgs({
  options: {
    in: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
})

function fail(message: string): never {
  process.stderr.write(`restore failed: ${message}\n`)
  process.exit(1)
}

async function main() {
  if (!args.in) fail('name the archive: npm run restore -- --in papan-backup-….ndjson.gz [--force]')
  // npm runs scripts in the package root; a relative --in means the caller's directory (INIT_CWD).
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.in)
  await access(file).catch(() => fail(`cannot read ${file}`))
  const config = loadConfig()
  let database
  try {
    database = await openDatabase(config, createLogger('warn'))
  } catch (err) {
    const message = (err as Error).message
    if (/already using/.test(message)) fail(`${message}\nA restore needs the database to itself: stop the server, then run it again.`)
    throw err
  }
  try {
    const report = await restoreArchive(database.db, () => createReadStream(file), { force: args.force, clock: systemClock })
    const where = config.mongoUri ? 'MONGODB_URI' : config.dataDir
    process.stdout.write(`Restored ${file} (made ${report.header.createdAt} by ${report.header.app.name} ${report.header.app.version}) into ${where}\n`)
    if (report.dropped.length) process.stdout.write(`  dropped first (--force): ${report.dropped.join(', ')}\n`)
    for (const c of report.collections) process.stdout.write(`  ${c.name.padEnd(18)} ${c.restored}/${c.archived}\n`)
    process.stdout.write('Everyone signs in again: sessions are not part of a backup.\n')
  } catch (err) {
    // No process.exit here: the embedded database is stopped cleanly in `finally` first.
    if (err instanceof NotEmptyError) {
      process.stderr.write(`restore refused: ${err.message}\n`)
      process.exitCode = 2
    } else if (err instanceof ArchiveError) {
      process.stderr.write(`restore refused: ${file} is not a usable backup: ${err.message}\n`)
      process.exitCode = 1
    } else throw err
  } finally {
    await database.close()
  }
}

main().catch((err: unknown) => fail((err as Error).stack ?? String(err)))
