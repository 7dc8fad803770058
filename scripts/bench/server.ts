/**
 * The server under test, as the benchmark runs it: the app composed exactly as server/index.ts
 * composes it (createApp, the built client, the embedded FerretDB or MONGODB_URI, REDIS_URL), in a
 * child process of its own so its heap and CPU are measured alone. Bench-only additions, over the
 * IPC channel and nowhere else: `ready` (port and database URI), `heap` (forced GC, then the heap
 * in use; needs --expose-gc) and `stop`. Not a production entry point.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { createApp } from '../../server/app'
import { systemClock } from '../../server/platform/clock'
import { connectDb } from '../../server/platform/db/connect'
import { startEmbeddedFerretdb, type EmbeddedDb } from '../../server/platform/db/embeddedFerretdb'
import { createLogger } from '../../server/platform/logger'
import { heapAfterGc, type FromServer, type ToServer } from './lib/ipc'

const env = process.env
const log = createLogger(env.LOG_LEVEL ?? 'info')
const send = (msg: FromServer) => process.send?.(msg)

async function main() {
  let ferret: EmbeddedDb | undefined
  const dataDir = env.DATA_DIR
  if (!env.MONGODB_URI) {
    if (!dataDir) throw new Error('DATA_DIR or MONGODB_URI is required')
    mkdirSync(dataDir, { recursive: true })
    ferret = await startEmbeddedFerretdb({ dataDir, logger: log, dbName: 'papan_bench' })
  }
  const dbUri = env.MONGODB_URI ?? ferret?.uri ?? ''
  const db = await connectDb(dbUri)
  const app = await createApp({
    db,
    clock: systemClock,
    log,
    staticDir: env.STATIC_DIR ? path.resolve(env.STATIC_DIR) : undefined,
    dbKind: ferret ? 'embedded' : 'mongodb',
    redisUrl: env.REDIS_URL || undefined,
    redisKey: env.REDIS_KEY || undefined,
  })
  const port = await app.listen(0, '127.0.0.1')

  let stopping = false
  async function stop() {
    if (stopping) return
    stopping = true
    await app.close().catch((err: unknown) => log.error({ err }, 'closing the app failed'))
    await db.close().catch(() => undefined)
    await ferret?.stop()
    // A normal exit, so --cpu-prof writes its profile.
    process.exit(0)
  }

  process.on('message', (msg: ToServer) => {
    if (msg.type === 'heap') send({ type: 'heap', id: msg.id, ...heapAfterGc() })
    else if (msg.type === 'stop') void stop()
  })
  // The runner gone (crashed or killed): do not outlive it.
  process.on('disconnect', () => void stop())
  send({ type: 'ready', port, dbUri })
}

main().catch((err: unknown) => {
  log.fatal({ err }, 'bench server could not start')
  send({ type: 'failed', message: String(err) })
  process.exit(1)
})
