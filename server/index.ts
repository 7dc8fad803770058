import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app'
import { systemClock } from './platform/clock'
import { loadConfig } from './platform/config'
import { openDatabase, type OpenDatabase } from './platform/db/open'
import { createLogger } from './platform/logger'

const config = loadConfig()
const log = createLogger(config.logLevel)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

let database: OpenDatabase | undefined
let shuttingDown = false

async function main() {
  database = await openDatabase(config, log)
  const app = await createApp({
    db: database.db,
    clock: systemClock,
    log,
    staticDir: path.join(root, 'dist/client'),
    sessionIdleMs: config.sessionIdleMs,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    documentMaxBytes: config.documentMaxBytes,
    undoWindowMs: config.undoWindowMs,
    backupToken: config.backupToken,
    dbKind: database.kind,
    dbSupervisor: database.supervisor,
    redisUrl: config.redisUrl,
  })
  const port = await app.listen(config.port, config.host)
  log.info({ url: `http://localhost:${port}`, host: config.host }, 'Papan SOP is listening')

  async function shutdown(signal: string) {
    if (shuttingDown) return
    shuttingDown = true
    log.info({ signal }, 'shutting down')
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting')
      process.exit(1)
    }, 10_000)
    force.unref()
    await app.close().catch((err: unknown) => log.error({ err }, 'closing the server failed'))
    await database?.close()
    log.info('stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch(async (err: unknown) => {
  log.fatal({ err }, 'Papan SOP could not start')
  await database?.close()
  process.exit(1)
})
