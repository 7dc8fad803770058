import type { Connection } from 'mongoose'
import type { Config } from '../config'
import type { Logger } from '../logger'
import { connectDb } from './connect'
import { startEmbeddedFerretdb, type EmbeddedDb } from './embeddedFerretdb'

export interface OpenDatabase {
  db: Connection
  kind: 'embedded' | 'mongodb'
  /** The embedded FerretDB, which restarts itself when it dies; for the health monitor. */
  supervisor?: EmbeddedDb
  close(): Promise<void>
}

/** MONGODB_URI when set; otherwise the embedded FerretDB (SQLite) in DATA_DIR, on loopback only. */
export async function openDatabase(config: Config, log: Logger): Promise<OpenDatabase> {
  let embedded: EmbeddedDb | undefined
  if (!config.mongoUri) {
    embedded = await startEmbeddedFerretdb({ dataDir: config.dataDir, port: config.ferretdbPort || undefined, logger: log })
  }
  try {
    const db = await connectDb(config.mongoUri ?? embedded?.uri ?? '')
    return {
      db,
      kind: embedded ? 'embedded' : 'mongodb',
      supervisor: embedded,
      async close() {
        await db.close().catch((err: unknown) => log.error({ err }, 'closing the database connection failed'))
        await embedded?.stop()
      },
    }
  } catch (err) {
    await embedded?.stop()
    throw err
  }
}
