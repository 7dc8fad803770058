import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app'
import { systemClock } from './clock'
import { loadConfig } from './config'
import { connectDb } from './db/connect'
import { startEmbeddedFerretdb, type EmbeddedDb } from './db/embeddedFerretdb'
import { createLogger } from './logger'

const config = loadConfig()
const log = createLogger(config.logLevel)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

let embedded: EmbeddedDb | undefined
let shuttingDown = false

async function main() {
  if (!config.mongoUri) {
    embedded = await startEmbeddedFerretdb({ dataDir: config.dataDir, port: config.ferretdbPort || undefined, logger: log })
    log.info({ dataDir: config.dataDir }, 'embedded FerretDB (SQLite) started')
  }
  const uri = config.mongoUri ?? embedded?.uri ?? ''
  const db = await connectDb(uri)
  const app = await createApp({
    db,
    clock: systemClock,
    log,
    staticDir: path.join(root, 'dist/client'),
    sessionIdleMs: config.sessionIdleMs,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    dbKind: embedded ? 'embedded' : 'mongodb',
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
    await db.close().catch((err: unknown) => log.error({ err }, 'closing the database connection failed'))
    await embedded?.stop()
    log.info('stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch(async (err: unknown) => {
  log.fatal({ err }, 'Papan SOP could not start')
  await embedded?.stop()
  process.exit(1)
})
